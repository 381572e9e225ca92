import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import { submitReport } from "../testing/inbox-fixtures.js";
import { account, signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";

type Row = { dimensions: Record<string, string>; metrics: Record<string, number | null> };

const SPRING = { from: "2026-03-01", to: "2026-04-30" };

/** Issue 20 item 18: counts by month of validation, beside counts by month reported. */
describe("dashboard by month of validation", () => {
  let t: TestApp;
  let analyst: string;
  let dm: string;
  let district: string;

  before(async () => {
    t = await createTestApp();
    analyst = await signInAs(t.app, account(t.demoAccounts, "analyst"));
    dm = await signInAs(t.app, account(t.demoAccounts, "data_manager"));
    district = account(t.demoAccounts, "first_responder", 0).scope.districtIds[0] ?? "";
  });
  after(async () => t.close());

  async function ask(body: Record<string, unknown>, url = "/api/dashboard/indicators", cookie = analyst) {
    const res = await t.app.inject({ method: "POST", url, headers: cookie ? { cookie } : {}, payload: body });
    return { status: res.statusCode, json: res.json() };
  }

  /** Validated reports of the district per month, on one date basis, over a period. */
  async function byMonth(dateBasis: "reported" | "validated", period = SPRING): Promise<Map<string, number>> {
    const res = await ask({
      metrics: ["reports_validated"],
      dimensions: ["month"],
      filters: [["is", "district", [district]]],
      dateBasis,
      ...period,
    });
    assert.equal(res.status, 200, JSON.stringify(res.json));
    return new Map((res.json.rows as Row[]).map((r) => [r.dimensions.month ?? "", r.metrics.reports_validated ?? 0]));
  }
  const delta = (after: Map<string, number>, before: Map<string, number>, month: string) =>
    (after.get(month) ?? 0) - (before.get(month) ?? 0);

  test("a report made in March and validated in April counts in April by month of validation, in March by month reported", async () => {
    const beforeValidated = await byMonth("validated");
    const beforeReported = await byMonth("reported");
    const beforeEdge = await byMonth("validated", { from: "2026-03-01", to: "2026-04-20" });
    const beforeEarly = await byMonth("validated", { from: "2026-03-01", to: "2026-04-05" });
    const { id } = await submitReport(t, district);
    await t.database.exec("UPDATE reports SET created_at = '2026-03-15T10:00:00Z' WHERE id = $1", [id]);
    const decided = await t.app.inject({
      method: "POST",
      url: `/api/inbox/reports/${id}/decision`,
      headers: { cookie: dm },
      payload: { decision: "validate" },
    });
    assert.equal(decided.statusCode, 200, decided.body);
    await t.database.exec("UPDATE reports SET validated_at = '2026-04-10T09:00:00Z' WHERE id = $1", [id]);

    const validated = await byMonth("validated");
    assert.equal(delta(validated, beforeValidated, "2026-04"), 1, "April, the month of validation");
    assert.equal(delta(validated, beforeValidated, "2026-03"), 0);
    const reported = await byMonth("reported");
    assert.equal(delta(reported, beforeReported, "2026-03"), 1, "March, the month it was made");
    assert.equal(delta(reported, beforeReported, "2026-04"), 0);
    // A period ending mid-April reads April's reports directly, by the day they were validated.
    const edge = await byMonth("validated", { from: "2026-03-01", to: "2026-04-20" });
    assert.equal(delta(edge, beforeEdge, "2026-04"), 1);
    const early = await byMonth("validated", { from: "2026-03-01", to: "2026-04-05" });
    assert.equal(delta(early, beforeEarly, "2026-04"), 0, "validated on the 10th: not by the 5th");
  });

  test("by month of validation equals a recount of validated reports by the month they were validated", async () => {
    const year = { from: "2025-12-01", to: "2026-11-30" };
    const shown = await byMonth("validated", year);
    const recount = await t.database.rows<{ month: string; n: number }>(sql`
      SELECT to_char(validated_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, count(*)::int AS n FROM reports
       WHERE district_id = ${district} AND validated_at IS NOT NULL
         AND status IN ('validated', 'in_progress', 'referred', 'resolved', 'escalated', 'closed')
         AND validated_at >= ${year.from}::date AND validated_at < ${year.to}::date + 1
       GROUP BY 1`);
    assert.ok(recount.length >= 3, "the demo history has validations over several months");
    assert.deepEqual(new Map([...shown].filter(([, n]) => n > 0)), new Map(recount.map((r) => [r.month, r.n])));
    // By quarter (the quarterly roll-up) too.
    const quarters = await ask({
      metrics: ["reports_validated", "pct_resolved"],
      dimensions: ["quarter"],
      filters: [["is", "district", [district]]],
      dateBasis: "validated",
      ...year,
    });
    const sum = (quarters.json.rows as Row[]).reduce((n, r) => n + (r.metrics.reports_validated ?? 0), 0);
    assert.equal(
      sum,
      recount.reduce((n, r) => n + r.n, 0),
    );
  });

  test("counts of every report, medians and published answers are by month reported only", async () => {
    for (const metrics of [["reports_total"], ["median_hours_to_resolution"], ["reports_declined"]]) {
      const res = await ask({ metrics, dimensions: ["month"], dateBasis: "validated", ...SPRING });
      assert.equal(res.status, 400, metrics.join());
      assert.equal(res.json.error.code, "VALIDATION_FAILED");
    }
    const published = await ask(
      { metrics: ["reports_validated"], dimensions: ["month"], dateBasis: "validated", ...SPRING },
      "/api/public/indicators",
      "",
    );
    assert.equal(published.status, 400);
    assert.equal(published.json.error.code, "PUBLIC_QUERY_NOT_ALLOWED");
  });
});
