import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import { mulberry32 } from "../demo/grid-geometry.js";
import { account, signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";
import { rebuildAggregates } from "./aggregator.js";

/**
 * An attacker with only the public API tries to undo suppression by differencing (issue 12, finding 1): filter
 * complements, period differences, and parent minus children on the area and taxonomy hierarchies, against the demo
 * data. The truth they aim at is the exact publishable count (staff, `population: "publishable"`).
 */

type Row = { dimensions: Record<string, string>; metrics: Record<string, number | null>; suppressed?: boolean };
type Answer = { status: number; rows: Row[]; code?: string };

const YEAR = { from: "2025-11-01", to: "2026-12-31" };
const MONTHS = [
  "2025-11",
  "2025-12",
  ...Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, "0")}`),
];
const lastDay = (month: string) => {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

describe("disclosure control against differencing", () => {
  let t: TestApp;
  let analyst: string;

  before(async () => {
    t = await createTestApp();
    analyst = await signInAs(t.app, account(t.demoAccounts, "analyst"));
    // Record keys are random per report, so how often differencing lands on a hidden count varies between
    // databases (8-22 % over four runs of the same demo). The measurement below is of one fixed draw: keys from a
    // seeded generator, in the demo's own (seeded) report order, so every run measures the same thing.
    const ids = await t.database.rows<{ id: string }>(sql`SELECT id FROM reports ORDER BY created_at, id`);
    const rnd = mulberry32(20_261_203);
    const keys = ids.map(({ id }) => ({ id, key: Math.floor(rnd() * 65_536) }));
    await t.database.db.execute(
      sql`UPDATE reports r SET record_key = k.key
            FROM jsonb_to_recordset(${JSON.stringify(keys)}::jsonb) AS k(id uuid, key int) WHERE r.id = k.id`,
    );
    await rebuildAggregates(t.database.db);
  });
  after(async () => t.close());

  async function ask(body: Record<string, unknown>, staff = false): Promise<Answer> {
    const res = await t.app.inject({
      method: "POST",
      url: staff ? "/api/dashboard/indicators" : "/api/public/indicators",
      headers: staff ? { cookie: analyst } : {},
      payload: { metrics: ["reports_total"], ...YEAR, ...body, ...(staff ? { population: "publishable" } : {}) },
    });
    const json = res.json() as { rows?: Row[]; error?: { code: string } };
    return { status: res.statusCode, rows: json.rows ?? [], code: json.error?.code };
  }

  const key = (r: Row, dims: string[]) => dims.map((d) => r.dimensions[d]).join("|");
  const valueMap = (rows: Row[], dims: string[]) => new Map(rows.map((r) => [key(r, dims), r]));

  /** Public and exact answers of one shape, keyed by the dimension values. */
  async function both(dimensions: string[], extra: Record<string, unknown> = {}) {
    const pub = await ask({ dimensions, ...extra });
    assert.equal(pub.status, 200);
    const truth = await ask({ dimensions, ...extra }, true);
    assert.equal(truth.status, 200);
    return { pub: valueMap(pub.rows, dimensions), truth: valueMap(truth.rows, dimensions), rows: pub.rows };
  }

  test("subtracting published answers rarely gives a hidden count back; large cells stay within 10 %", async () => {
    let attempts = 0;
    let exact = 0;
    let clamped = 0;
    const published: { truth: number; shown: number }[] = [];
    const record = (pub: Map<string, Row>, truth: Map<string, Row>) => {
      for (const [k, row] of pub) {
        const real = truth.get(k)?.metrics.reports_total ?? 0;
        if (!row.suppressed && row.metrics.reports_total !== null && row.metrics.reports_total !== undefined)
          published.push({ truth: real, shown: row.metrics.reports_total });
      }
    };
    /** One differencing attempt: parent minus the published children but one. Unusable when a sibling is hidden. */
    const attempt = (hiddenTruth: number, parent: Row | undefined, siblings: (Row | undefined)[]) => {
      if (!parent || parent.suppressed || siblings.some((s) => !s || s.suppressed)) return;
      const estimate =
        (parent.metrics.reports_total ?? 0) - siblings.reduce((n, s) => n + (s?.metrics.reports_total ?? 0), 0);
      attempts += 1;
      if (Math.round(estimate) === hiddenTruth) exact += 1;
      // An attacker who also knows a hidden cell holds at least one report reads any estimate below 1 as 1; that
      // is right as often as hidden cells are 1s, whatever the noise, so it is printed but not what is bounded.
      if (Math.max(1, Math.round(estimate)) === hiddenTruth) clamped += 1;
    };

    /** Every hidden cell of `[...parentDims, childDim]`: its parent row minus its published siblings. */
    const subtractSiblings = async (parentDims: string[], childDim: string) => {
      const parents = await both(parentDims);
      const children = await both([...parentDims, childDim]);
      record(parents.pub, parents.truth);
      record(children.pub, children.truth);
      const dims = [...parentDims, childDim];
      for (const [k, row] of children.pub) {
        if (!row.suppressed) continue;
        const parent = key(row, parentDims);
        const siblings = children.rows.filter((r) => key(r, parentDims) === parent && key(r, dims) !== k);
        attempt(children.truth.get(k)?.metrics.reports_total ?? 0, parents.pub.get(parent), siblings);
      }
    };

    // 1. Filter complements: a total minus its other genders (age groups, channels) gives the hidden one.
    for (const dim of ["gender", "age_group", "channel"]) {
      for (const parent of [[], ["category"], ["region"], ["month"]]) await subtractSiblings(parent, dim);
    }
    // 2. Parent minus children: a region minus its other districts; a category minus its other subcategories.
    for (const parent of [[], ["category"]]) await subtractSiblings([...parent, "region"], "district");
    for (const parent of [[], ["region"]]) await subtractSiblings([...parent, "category"], "subcategory");

    // 3. Period differences: the cumulative total to the end of a month minus the one to the end of the month before.
    for (const dim of ["category", "region", "gender"]) {
      const monthly = await both(["month", dim]);
      record(monthly.pub, monthly.truth);
      const cumulative = new Map<string, Map<string, Row>>();
      for (const month of MONTHS) {
        const upTo = await ask({ dimensions: [dim], from: YEAR.from, to: lastDay(month) });
        assert.equal(upTo.status, 200);
        cumulative.set(month, valueMap(upTo.rows, [dim]));
      }
      for (const [k, row] of monthly.pub) {
        if (!row.suppressed) continue;
        const [month = "", value = ""] = k.split("|");
        const before = MONTHS[MONTHS.indexOf(month) - 1];
        if (!before) continue;
        attempt(monthly.truth.get(k)?.metrics.reports_total ?? 0, cumulative.get(month)?.get(value), [
          cumulative.get(before)?.get(value),
        ]);
      }
    }

    const large = published.filter((p) => p.truth >= 20);
    const within = large.filter((p) => Math.abs(p.shown - p.truth) <= 0.1 * p.truth);
    const rate = exact / attempts;
    console.log(
      `differencing: ${exact} of ${attempts} attempts gave a hidden count exactly (${(rate * 100).toFixed(1)} %; ` +
        `${clamped} when estimates below 1 are read as 1); ` +
        `published cells of 20 or more within 10 % of the truth: ${within.length} of ${large.length}`,
    );
    assert.ok(attempts >= 20, `enough attempts to measure (${attempts})`);
    assert.ok(rate <= 0.2, `at most one attempt in five recovers a hidden count (${exact}/${attempts})`);
    assert.ok(large.length > 20, "the demo has large published cells");
    assert.equal(within.length, large.length, "every published cell of 20 or more is within 10 % of the truth");
    assert.ok(
      published.some((p) => p.shown !== p.truth),
      "published counts are perturbed, not exact",
    );
  });

  test("the same cell always gets the same answer, in any query shape", async () => {
    const a = await ask({ dimensions: ["category", "gender"] });
    const b = await ask({ dimensions: ["category", "gender"] });
    assert.deepEqual(a.rows, b.rows, "asking again averages nothing away");
    const female = a.rows.find((r) => r.dimensions.gender === "female" && !r.suppressed);
    assert.ok(female);
    const filtered = await ask({
      dimensions: ["gender"],
      filters: [["is", "category", [female.dimensions.category]]],
    });
    const same = filtered.rows.find((r) => r.dimensions.gender === "female");
    assert.equal(same?.metrics.reports_total, female.metrics.reports_total);
  });

  test("day ranges, multi-value filters and the whole population are refused with a clear code", async () => {
    const refused = [
      { from: "2026-03-01", to: "2026-03-15" },
      { from: "2026-03-02", to: "2026-03-31" },
      { dimensions: ["gender"], filters: [["is", "gender", ["female", "male", "other", "undisclosed"]]] },
      { population: "all" },
    ];
    for (const body of refused) {
      const res = await ask(body);
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal(res.code, "PUBLIC_QUERY_NOT_ALLOWED");
    }
    // Issue 22 item 12: a huge range used to answer 500.
    for (const staff of [false, true]) {
      const res = await ask({ from: "0001-01-01", to: "9999-12-31" }, staff);
      assert.equal(res.status, 400);
      assert.equal(res.code, "VALIDATION_FAILED");
    }
  });
});
