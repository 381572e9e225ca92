import assert from "node:assert/strict";
import { test } from "node:test";
import type { TargetItem } from "./dashboard-api.js";
import { expectedSoFar, tileTarget } from "./targets.js";

const year: TargetItem = {
  id: "00000000-0000-4000-8000-000000000001",
  metric: "reports_validated",
  periodType: "year",
  periodStart: "2026-01-01",
  areaId: null,
  value: 1200,
};
const quarter: TargetItem = { ...year, periodType: "quarter", periodStart: "2026-10-01", value: 300 };
const rate: TargetItem = { ...year, metric: "pct_resolved", value: 80 };

test("a running period is compared with its target pro-rated to today, a finished one with the whole", () => {
  const midNovember = new Date("2026-11-15T12:00:00Z");
  assert.equal(expectedSoFar(quarter, midNovember), Math.round((300 * 45.5) / 92), "half the quarter, half the target");
  assert.equal(expectedSoFar(quarter, new Date("2027-01-02T00:00:00Z")), null, "the quarter is over");
  assert.equal(expectedSoFar(rate, midNovember), null, "a percentage is not pro-rated");
});

test("a tile shows the target set for exactly the months it shows, for its area", () => {
  const today = new Date("2026-12-03T10:00:00Z");
  const thisYear = { from: "2026-01-01", to: "2026-12-03" };
  assert.deepEqual(tileTarget([quarter, year], "reports_validated", thisYear, "", today), {
    value: 1200,
    expected: Math.round((1200 * (336 + 10 / 24)) / 365),
  });
  assert.equal(tileTarget([year], "reports_validated", { from: "2025-12-01", to: "2026-11-30" }, "", today), null);
  assert.equal(tileTarget([year], "reports_validated", thisYear, "some-district", today), null, "another area");
  assert.equal(tileTarget([year], "reports_total", thisYear, "", today), null, "another indicator");
});
