import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { anonymise, QUASI_IDENTIFIERS, type QuasiIdentifiers } from "./k-anonymity.js";

const rowArb = fc.record({
  region_code: fc.constantFrom("R1", "R2"),
  district_code: fc.constantFrom("D1", "D2", "D3", "D4"),
  facility_code: fc.constantFrom("", "F1", "F2", "F3"),
  period: fc.constantFrom("2026-01", "2026-02", "2026-04", "2025-12"),
  gender: fc.constantFrom("female", "male", "transgender", "undisclosed"),
  age_group: fc.constantFrom("0-4", "15-24", "25-34", "45-54", "65+", "undisclosed"),
  key_populations: fc.constantFrom("", "plhiv", "miner;migrant", "prisoner"),
});

const sizes = (rows: QuasiIdentifiers[]) => {
  const out = new Map<string, number>();
  for (const r of rows) {
    const key = QUASI_IDENTIFIERS.map((q) => r[q]).join("|");
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
};

test("no row is unique (or in a group below k) on its quasi-identifiers, for random data (property)", () => {
  fc.assert(
    fc.property(fc.array(rowArb, { maxLength: 300 }), fc.integer({ min: 2, max: 10 }), (input, k) => {
      const { rows, summary } = anonymise(
        input.map((r) => ({ ...r })),
        k,
      );
      for (const [key, n] of sizes(rows)) assert.ok(n >= k, `${key} occurs ${n} times (k=${k})`);
      assert.equal(rows.length + summary.withheld, input.length, "every row kept or counted as withheld");
      if (input.length >= k) assert.ok(rows.length > 0, "with k rows or more something is published");
    }),
    { numRuns: 200 },
  );
});
