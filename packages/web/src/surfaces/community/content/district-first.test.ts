import assert from "node:assert/strict";
import { test } from "node:test";
import type { PublicArea, PublicContentItem } from "@openclm/contracts";
import { splitByDistrict } from "./district-first.js";

const area = (id: string, parentId: string | null, level: number): PublicArea => ({
  id,
  parentId,
  level,
  code: id,
  name: id,
  isLeaf: level === 2,
});
const areas = [area("c", null, 0), area("r1", "c", 1), area("d1", "r1", 2), area("d2", "r1", 2), area("r2", "c", 1)];
const item = (slug: string, areaIds: string[]) => ({ slug, areaIds }) as PublicContentItem;

test("announcements for the chosen district or its region come first; the rest keep their order", () => {
  const items = [item("all", []), item("d2", ["d2"]), item("d1", ["d1"]), item("region", ["r1"]), item("r2", ["r2"])];
  const { mine, others } = splitByDistrict(items, areas, "d1");
  assert.deepEqual(
    mine.map((i) => i.slug),
    ["d1", "region"],
  );
  assert.deepEqual(
    others.map((i) => i.slug),
    ["all", "d2", "r2"],
  );
  assert.deepEqual(splitByDistrict(items, areas, "").others, items, "no district chosen: one list");
});
