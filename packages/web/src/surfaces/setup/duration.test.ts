import assert from "node:assert/strict";
import { test } from "node:test";
import { boxesFor, joinHours, splitHours } from "./duration.js";

test("14 days typed in is stored as 336 hours and shown back as 14 days", () => {
  assert.equal(joinHours("14", ""), 336);
  assert.deepEqual(splitHours(336), { days: 14, hours: 0 });
  assert.deepEqual(boxesFor(336), { days: "14", hours: "" });
});

test("days and hours add up; hours past a day carry over when shown", () => {
  assert.equal(joinHours("1", "12"), 36);
  assert.equal(joinHours("", "36"), 36);
  assert.deepEqual(splitHours(36), { days: 1, hours: 12 });
  assert.deepEqual(boxesFor(36), { days: "1", hours: "12" });
  assert.deepEqual(boxesFor(5), { days: "", hours: "5" });
});

test("both boxes empty means no value of its own; anything but whole numbers is not a duration", () => {
  assert.equal(joinHours(" ", ""), null);
  assert.deepEqual(boxesFor(null), { days: "", hours: "" });
  assert.ok(Number.isNaN(joinHours("1.5", "")));
  assert.ok(Number.isNaN(joinHours("", "-2")));
});
