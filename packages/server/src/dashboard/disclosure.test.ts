import assert from "node:assert/strict";
import { test } from "node:test";
import { calendarPeriodOf } from "@openclm/contracts";
import { noiseBound, perturb, ptableRow } from "./disclosure.js";

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

test("published periods are one calendar month, quarter or year, and nothing else", () => {
  assert.equal(calendarPeriodOf("2026-03-01", "2026-03-31"), "month");
  assert.equal(calendarPeriodOf("2024-02-01", "2024-02-29"), "month");
  assert.equal(calendarPeriodOf("2026-10-01", "2026-12-31"), "quarter");
  assert.equal(calendarPeriodOf("2026-01-01", "2026-12-31"), "year");
  for (const [from, to] of [
    ["2026-01-01", "2026-01-30"], // not the month's last day
    ["2026-01-02", "2026-01-31"], // not the 1st
    ["2023-02-01", "2023-02-29"], // no such day
    ["2026-01-01", "2026-02-28"], // two months
    ["2026-02-01", "2026-04-30"], // three months, not a quarter
    ["2026-02-01", "2026-11-30"], // a run of months
    ["2025-07-01", "2026-06-30"], // twelve months, not a year
    ["2025-01-01", "2026-12-31"], // two years
  ]) {
    assert.equal(calendarPeriodOf(from!, to!), null, `${from}…${to}`);
  }
});
