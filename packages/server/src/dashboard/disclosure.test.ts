import assert from "node:assert/strict";
import { test } from "node:test";
import { isCalendarPeriod, noiseBound, perturb, ptableRow } from "./disclosure.js";

test("the perturbation table: bounded noise, within 10 % from 20 on, never to zero, each noise equally likely", () => {
  for (let count = 1; count <= 300; count++) {
    const d = noiseBound(count);
    if (count >= 20) assert.ok(d <= 0.1 * count, `±${d} within 10 % of ${count}`);
    const seen = new Map<number, number>();
    for (let key = 0; key < 65_536; key += 7) {
      const published = perturb(count, key);
      assert.ok(published >= 1 && Math.abs(published - count) <= d, `${count} → ${published}`);
      seen.set(published - count, (seen.get(published - count) ?? 0) + 1);
    }
    const row = ptableRow(count);
    assert.deepEqual(
      [...seen.keys()].sort((a, b) => a - b),
      row,
      `every noise of row ${count} is reachable`,
    );
    const shares = [...seen.values()];
    assert.ok(Math.max(...shares) - Math.min(...shares) <= 1, `row ${count}: equal shares of the keys`);
  }
  assert.equal(perturb(0, 12_345), 0, "zero stays zero");
  assert.equal(perturb(37, 4_242), perturb(37, 4_242 + 65_536), "the key is taken modulo 65536");
});

test("published periods are whole calendar months", () => {
  assert.ok(isCalendarPeriod("2026-01-01", "2026-03-31"));
  assert.ok(isCalendarPeriod("2024-02-01", "2024-02-29"));
  assert.ok(!isCalendarPeriod("2026-01-01", "2026-01-30"));
  assert.ok(!isCalendarPeriod("2026-01-02", "2026-01-31"));
});
