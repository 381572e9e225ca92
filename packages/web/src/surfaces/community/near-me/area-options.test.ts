import assert from "node:assert/strict";
import { test } from "node:test";
import type { PublicArea } from "@openclm/contracts";
import { groupAreas } from "./area-options.js";

let n = 0;
function area(name: string, parent: PublicArea | null, isLeaf: boolean): PublicArea {
  n += 1;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    parentId: parent?.id ?? null,
    level: parent ? parent.level + 1 : 0,
    code: `A${n}`,
    name,
    isLeaf,
  };
}

test("districts are grouped under their region, both sorted by name; the country is left out of labels", () => {
  const country = area("Demoland", null, false);
  const north = area("North", country, false);
  const east = area("East", country, false);
  const areas = [country, north, east, area("Zeta", north, true), area("Alpha", north, true), area("Beta", east, true)];
  const groups = groupAreas(areas, "en");
  assert.deepEqual(
    groups.map((g) => [g.label, g.districts.map((d) => d.name)]),
    [
      ["East", ["Beta"]],
      ["North", ["Alpha", "Zeta"]],
    ],
  );
});

test("deeper hierarchies label groups with their path", () => {
  const country = area("Demoland", null, false);
  const region = area("Coast", country, false);
  const province = area("Bay", region, false);
  const groups = groupAreas([country, region, province, area("Harbour", province, true)], "en");
  assert.equal(groups[0]?.label, "Coast › Bay");
});
