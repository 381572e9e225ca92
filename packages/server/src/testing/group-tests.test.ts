import assert from "node:assert/strict";
import { test } from "node:test";
import { groupModule, groupTests } from "./group-tests.js";

const entry = (source: string, cost: number) => ({ source, compiled: `/build/${source}.mjs`, cost });

test("every file lands in exactly one group, and the groups end close together", () => {
  const costs = [90, 70, 65, 40, 33, 30, 21, 20, 12, 9, 8, 5, 4, 2, 1];
  const entries = costs.map((c, i) => entry(`f${i}.test.ts`, c));
  const groups = groupTests(entries, 4);
  assert.equal(groups.length, 4);
  const placed = groups.flat().map((e) => e.source);
  assert.deepEqual([...placed].sort(), entries.map((e) => e.source).sort(), "each file once");
  const totals = groups.map((g) => g.reduce((sum, e) => sum + e.cost, 0));
  assert.deepEqual(
    totals,
    [...totals].sort((a, b) => b - a),
    "costliest group first",
  );
  // Longest-first placement: no group exceeds another by more than the largest single file.
  assert.ok(Math.max(...totals) - Math.min(...totals) <= Math.max(...costs), totals.join(","));
});

test("fewer files than groups makes no empty group", () => {
  assert.equal(groupTests([entry("a.test.ts", 1)], 3).length, 1);
});

test("a group module runs each file as a suite named after it", () => {
  const text = groupModule([entry("packages/x/a.test.ts", 1), entry("packages/x/b.test.ts", 1)]);
  assert.match(
    text,
    /describe\("packages\/x\/a\.test\.ts", async \(\) => \{\n {2}await import\("file:\/\/\/build\/packages\/x\/a\.test\.ts\.mjs"\);/,
  );
  assert.equal(text.match(/await import/g)?.length, 2);
});
