import assert from "node:assert/strict";
import { test } from "node:test";
import { planPeriod, splitQuarters } from "./period.js";

const now = new Date("2026-11-23T12:00:00Z");
const iso = (d: Date) => d.toISOString();

test("whole months come from the cube and partial edges from the reports", () => {
  const plan = planPeriod("2026-01-15", "2026-03-10", now);
  assert.deepEqual(plan.months, { from: "2026-02-01", until: "2026-03-01" });
  assert.deepEqual(
    plan.edges.map((e) => [iso(e.from), iso(e.until)]),
    [
      ["2026-01-15T00:00:00.000Z", "2026-02-01T00:00:00.000Z"],
      ["2026-03-01T00:00:00.000Z", "2026-03-11T00:00:00.000Z"],
    ],
  );
});

test("a period of whole months has no edges, and the current month counts as whole", () => {
  assert.deepEqual(planPeriod("2026-01-01", "2026-06-30", now), {
    months: { from: "2026-01-01", until: "2026-07-01" },
    edges: [],
  });
  assert.deepEqual(planPeriod("2026-09-01", "2026-11-23", now).months, { from: "2026-09-01", until: "2026-12-01" });
});

test("a period inside one month in the past is counted directly", () => {
  const plan = planPeriod("2026-03-10", "2026-03-20", now);
  assert.equal(plan.months, null);
  assert.deepEqual(
    plan.edges.map((e) => [iso(e.from), iso(e.until)]),
    [["2026-03-10T00:00:00.000Z", "2026-03-21T00:00:00.000Z"]],
  );
});

test("whole quarters inside a run of months are read from the quarterly roll-up, the months around them by month", () => {
  assert.deepEqual(splitQuarters({ from: "2026-01-01", until: "2027-01-01" }), {
    quarters: { from: "2026-01-01", until: "2027-01-01" },
    months: [],
  });
  assert.deepEqual(splitQuarters({ from: "2026-02-01", until: "2027-02-01" }), {
    quarters: { from: "2026-04-01", until: "2027-01-01" },
    months: [
      { from: "2026-02-01", until: "2026-04-01" },
      { from: "2027-01-01", until: "2027-02-01" },
    ],
  });
  for (const months of [
    { from: "2026-02-01", until: "2026-06-01" },
    { from: "2026-04-01", until: "2026-06-01" },
  ]) {
    assert.deepEqual(splitQuarters(months), { quarters: null, months: [months] });
  }
});
