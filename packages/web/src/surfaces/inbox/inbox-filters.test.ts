import assert from "node:assert/strict";
import { test } from "node:test";
import type { Facility, PublicArea, Scope } from "@openclm/contracts";
import {
  areasInScope,
  facilitiesInScope,
  facilitiesMatching,
  filtersFromQuery,
  filtersFromSaved,
  filtersToApi,
  filtersToSaved,
  filtersToSearch,
} from "./inbox-filters.js";

const area = (id: string, parentId: string | null, level: number, isLeaf: boolean) =>
  ({ id, parentId, level, isLeaf, code: id, name: id }) as PublicArea;
// A country with two regions: north (d1, d2) and south (d3).
const areas = [
  area("c", null, 0, false),
  area("north", "c", 1, false),
  area("south", "c", 1, false),
  area("d1", "north", 2, true),
  area("d2", "north", 2, true),
  area("d3", "south", 2, true),
];
const scope = (type: Scope["type"], districtIds: string[]): Scope => ({
  type,
  areaIds: [],
  facilityIds: [],
  districtIds,
});

test("the area filter offers only areas inside the member's scope", () => {
  const ids = (s: Scope) => areasInScope(areas, s).map((a) => a.id);
  assert.deepEqual(ids(scope("country", [])), ["north", "south", "d1", "d2", "d3"]);
  assert.deepEqual(ids(scope("areas", ["d1", "d2"])), ["north", "d1", "d2"], "a whole region, and its districts");
  assert.deepEqual(ids(scope("areas", ["d1"])), ["d1"], "not a region only partly in scope");
  assert.deepEqual(ids(scope("facilities", ["d3"])), ["south", "d3"]);
});

test("channel and the 'show only' flag live in the URL and reach the API", () => {
  const f = filtersFromQuery({ channel: "ussd", flag: "reopened" });
  assert.equal(filtersToSearch(f), "?channel=ussd&flag=reopened");
  const api = filtersToApi(f);
  assert.equal(api.channel, "ussd");
  assert.equal(api.reopened, "true");
  assert.equal(api.replied, undefined);
  assert.deepEqual(filtersFromQuery({ channel: "fax", flag: "all" }).flag, "");
  assert.equal(filtersFromQuery({ channel: "fax" }).channel, "");
});

test("facility and reporter mode live in the URL and reach the API", () => {
  const f = filtersFromQuery({ area: "d1", facility: "f1", mode: "on_behalf" });
  assert.equal(filtersToSearch(f), "?area=d1&facility=f1&mode=on_behalf");
  const api = filtersToApi(f);
  assert.equal(api.facilityId, "f1");
  assert.equal(api.reporterMode, "on_behalf");
  assert.equal(filtersFromQuery({ mode: "robot" }).reporterMode, "");
});

test("a saved view keeps every filter of the queue, and restores them all", () => {
  for (const flag of ["replied", "duplicate", "reopened"]) {
    const f = filtersFromQuery({
      status: "in_progress,referred",
      category: "stigma",
      subcategory: "stigma.self",
      area: "d1",
      facility: "f1",
      assignee: "none",
      overdue: "1",
      channel: "ussd",
      mode: "self",
      flag,
      from: "2026-01-01",
      to: "2026-02-01",
      q: "pills",
      sort: "oldest",
    });
    assert.deepEqual(filtersFromSaved(filtersToSaved(f)), f, `with "${flag}"`);
  }
  const team = filtersFromQuery({ assignee: "team" });
  assert.deepEqual(filtersFromSaved(filtersToSaved(team)), team);
  assert.deepEqual(filtersToSaved(filtersFromQuery({})), {}, "defaults are left out");
});

const facility = (id: string, districtId: string, name: string) => ({ id, districtId, name, code: id }) as Facility;
const facilities = [
  facility("f3", "d3", "South clinic"),
  facility("f2", "d2", "Hôpital Nord"),
  facility("f1", "d1", "Central"),
];

test("the facility filter offers only facilities in the member's scope, by name", () => {
  const ids = (s: Scope) => facilitiesInScope(facilities, s).map((f) => f.id);
  assert.deepEqual(ids(scope("country", [])), ["f1", "f2", "f3"]);
  assert.deepEqual(ids(scope("areas", ["d1", "d2"])), ["f1", "f2"]);
  assert.deepEqual(ids({ ...scope("facilities", ["d2", "d3"]), facilityIds: ["f3"] }), ["f3"]);
});

test("the facility search matches words in any case and without accents, and keeps the chosen one", () => {
  const ids = (typed: string, chosen = "") => facilitiesMatching(facilities, typed, chosen).map((f) => f.id);
  assert.deepEqual(ids("hopital"), ["f2"]);
  assert.deepEqual(ids("NORD hôp"), ["f2"]);
  assert.deepEqual(ids("clinic", "f1"), ["f3", "f1"]);
  assert.deepEqual(ids("  "), ["f3", "f2", "f1"]);
});
