import assert from "node:assert/strict";
import { test } from "node:test";
import { directionsHref } from "./directions.js";
import { byDistance, distanceMetres, formatDistance, travelHint } from "./distance.js";

test("haversine distance: one degree of latitude is about 111 km; a point is 0 m from itself", () => {
  assert.ok(Math.abs(distanceMetres({ lat: 0, lng: 30 }, { lat: 1, lng: 30 }) - 111_195) < 10);
  assert.equal(distanceMetres({ lat: -25.9, lng: 32.6 }, { lat: -25.9, lng: 32.6 }), 0);
});

test("facilities come nearest first", () => {
  const here = { lat: -25.9, lng: 32.6 };
  const far = { id: "far", lat: -25.0, lng: 32.6 };
  const near = { id: "near", lat: -25.91, lng: 32.6 };
  const mid = { id: "mid", lat: -25.5, lng: 32.6 };
  assert.deepEqual(
    byDistance([far, near, mid], here).map((d) => d.item.id),
    ["near", "mid", "far"],
  );
});

test("short distances suggest a walk, long ones a drive, rounded", () => {
  assert.deepEqual(travelHint(1_200), { mode: "walk", minutes: 15 });
  assert.deepEqual(travelHint(300), { mode: "walk", minutes: 4 });
  assert.deepEqual(travelHint(12_000), { mode: "drive", minutes: 25 });
});

test("distances read in the person's language", () => {
  assert.equal(formatDistance(1_234, "en"), "1.2 km");
  assert.match(formatDistance(1_234, "fr"), /^1,2\skm$/);
  assert.equal(formatDistance(348, "en"), "350 m");
});

test("directions carry only the facility's position and suit the phone", () => {
  const to = { lat: -25.9, lng: 32.6, name: "Clinic A" };
  assert.equal(directionsHref(to, "Mozilla/5.0 (Linux; Android 14)"), "geo:-25.9,32.6?q=-25.9,32.6(Clinic%20A)");
  assert.match(
    directionsHref(to, "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0)"),
    /^https:\/\/maps\.apple\.com\/\?daddr=-25\.9,32\.6$/,
  );
});
