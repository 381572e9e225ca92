import assert from "node:assert/strict";
import { test } from "node:test";
import type { PublicArea, Scope } from "@openclm/contracts";
import { areasInScope, filtersFromQuery, filtersToApi, filtersToSearch } from "./inbox-filters.js";

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
