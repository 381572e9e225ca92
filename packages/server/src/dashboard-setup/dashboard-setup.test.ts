import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import { DEMO_BENCHMARK_NAME, seedDemoDashboardSetup } from "../demo/demo-dashboard-setup.js";
import { staffCalls } from "../testing/inbox-fixtures.js";
import { account, signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";

describe("dashboard targets and benchmark series", () => {
  let t: TestApp;
  let api: ReturnType<typeof staffCalls>;
  let admin: string;
  let analyst: string;
  let dataManager: string;
  let regionA: { id: string; code: string };
  let regionB: { id: string; code: string };

  before(async () => {
    t = await createTestApp();
    api = staffCalls(t);
    admin = await signInAs(t.app, account(t.demoAccounts, "country_admin"));
    analyst = await signInAs(t.app, account(t.demoAccounts, "analyst"));
    dataManager = await signInAs(t.app, account(t.demoAccounts, "data_manager"));
    const regions = await t.database.rows<{ id: string; code: string }>(
      sql`SELECT id, code FROM areas WHERE level = 1 ORDER BY code`,
    );
    [regionA, regionB] = regions as [typeof regionA, typeof regionB];
  });
  after(async () => t.close());

  const put = (cookie: string, body: unknown) =>
    t.app.inject({ method: "PUT", url: "/api/setup/targets", headers: { cookie }, payload: body as object });
  const auditCount = async (action: string) =>
    (
      await t.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_events WHERE action = ${action}`)
    )[0]!.n;
  const importCsv = (cookie: string, query: string, csv: string) =>
    t.app.inject({
      method: "POST",
      url: `/api/setup/benchmarks?${query}`,
      headers: { cookie, "content-type": "text/csv" },
      payload: csv,
    });

  test("the demo comes with this year's targets and a benchmark series, and seeding again adds nothing", async () => {
    const year = new Date().getUTCFullYear();
    const targets = async () =>
      (await api.get(analyst, `/api/dashboard/targets?from=${year}-01-01&to=${year}-12-31`)).json().items;
    const before = await targets();
    assert.ok(before.some((x: { metric: string; areaId: string | null }) => x.metric === "pct_resolved" && !x.areaId));
    assert.ok(
      before.some((x: { areaId: string | null }) => x.areaId === regionA.id),
      "regional targets too",
    );
    const series = (await api.get(analyst, "/api/dashboard/benchmarks")).json().series;
    assert.deepEqual(
      series.map((x: { name: string }) => x.name),
      [DEMO_BENCHMARK_NAME],
    );
    assert.ok(series[0].points.length >= 12);

    await seedDemoDashboardSetup(t.database.db);
    assert.equal((await targets()).length, before.length);
    assert.equal(
      (await api.get(analyst, "/api/dashboard/benchmarks")).json().series[0].points.length,
      series[0].points.length,
    );

    // The other tests start from none, so that what they count is their own.
    await t.database.rows(sql`DELETE FROM indicator_targets`);
    await t.database.rows(sql`DELETE FROM benchmark_series`);
  });

  test("a country admin sets, replaces and deletes a target; each change is audited", async () => {
    const body = { metric: "pct_resolved", periodType: "quarter", periodStart: "2026-01-01", areaId: regionA.id };
    const set = await put(admin, { ...body, value: 60 });
    assert.equal(set.statusCode, 200, set.body);
    const again = await put(admin, { ...body, value: 70 });
    assert.equal(again.json().id, set.json().id, "the same metric, period and area is one target");
    const national = await put(admin, { ...body, areaId: null, value: 65 });
    assert.equal(national.statusCode, 200);

    const list = await api.get(analyst, `/api/dashboard/targets?from=2026-02-01&to=2026-02-28&areaId=${regionA.id}`);
    assert.equal(list.statusCode, 200, list.body);
    assert.deepEqual(
      list.json().items.map((i: { value: number }) => i.value),
      [70],
      "the replaced value, only for that area, found by a date inside the quarter",
    );
    const all = (await api.get(analyst, "/api/dashboard/targets?from=2026-01-01&to=2026-12-31")).json().items;
    assert.equal(all.length, 2, "the country-wide and the regional target");
    const later = (await api.get(analyst, "/api/dashboard/targets?from=2026-04-01&to=2026-12-31")).json().items;
    assert.deepEqual(later, [], "a period after the quarter has none");

    assert.equal(await auditCount("target.set"), 3);
    assert.equal((await api.del(admin, `/api/setup/targets/${set.json().id}`)).statusCode, 200);
    assert.equal(await auditCount("target.delete"), 1);
    assert.equal((await api.del(admin, `/api/setup/targets/${set.json().id}`)).statusCode, 404);
  });

  test("an analyst can read targets but not set them", async () => {
    const res = await put(analyst, {
      metric: "reports_total",
      periodType: "month",
      periodStart: "2026-03-01",
      areaId: null,
      value: 10,
    });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().error.code, "FORBIDDEN");
  });

  test("a target refuses a date that does not start its period, a percentage over 100 and an unknown area", async () => {
    const base = { metric: "pct_resolved", periodType: "quarter", areaId: null, value: 50 };
    const midQuarter = await put(admin, { ...base, periodStart: "2026-02-01" });
    assert.equal(midQuarter.statusCode, 400);
    assert.equal(midQuarter.json().error.details[0].path, "periodStart");
    const over = await put(admin, { ...base, periodStart: "2026-04-01", value: 120 });
    assert.equal(over.json().error.details[0].path, "value");
    const unknown = await put(admin, { ...base, periodStart: "2026-04-01", areaId: crypto.randomUUID() });
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.json().error.code, "UNKNOWN_AREA");
  });

  test("a region-scoped reader sees its own region's targets and gets 404 for another region", async () => {
    await put(admin, {
      metric: "reports_total",
      periodType: "year",
      periodStart: "2027-01-01",
      areaId: regionA.id,
      value: 5,
    });
    await put(admin, {
      metric: "reports_total",
      periodType: "year",
      periodStart: "2027-01-01",
      areaId: regionB.id,
      value: 9,
    });
    const mine = (await api.get(dataManager, "/api/dashboard/targets?from=2027-01-01&to=2027-12-31")).json().items;
    assert.deepEqual(
      mine.map((i: { areaId: string }) => i.areaId),
      [regionA.id],
    );
    const other = await api.get(
      dataManager,
      `/api/dashboard/targets?from=2027-01-01&to=2027-12-31&areaId=${regionB.id}`,
    );
    assert.equal(other.statusCode, 404);
  });

  test("a benchmark CSV is imported, listed, replaced by a second import of the same name and deleted", async () => {
    const csv = `period,area_code,value\n2026-01,,120\n2026-Q1,${regionA.code},40.5\n2026,${regionB.code},300\n`;
    const res = await importCsv(admin, "name=NTP%20notifications&metric=reports_validated", csv);
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().points.length, 3);
    const listed = (await api.get(analyst, "/api/dashboard/benchmarks")).json().series;
    assert.equal(listed.length, 1);
    assert.deepEqual(
      listed[0].points.find((p: { period: string }) => p.period === "2026-Q1"),
      {
        period: "2026-Q1",
        areaId: regionA.id,
        value: 40.5,
      },
    );
    const again = await importCsv(
      admin,
      "name=NTP%20notifications&metric=reports_validated",
      "period,area_code,value\n2026-02,,99\n",
    );
    assert.equal(again.json().id, res.json().id);
    assert.deepEqual((await api.get(analyst, "/api/dashboard/benchmarks")).json().series[0].points, [
      { period: "2026-02", areaId: null, value: 99 },
    ]);
    assert.equal(await auditCount("benchmark.import"), 1);
    assert.equal(await auditCount("benchmark.replace"), 1);
    assert.equal((await api.del(admin, `/api/setup/benchmarks/${res.json().id}`)).statusCode, 200);
    assert.deepEqual((await api.get(analyst, "/api/dashboard/benchmarks")).json().series, []);
  });

  test("a CSV with bad rows is refused whole, naming each bad row, and stores nothing", async () => {
    const csv = [
      "period,area_code,value",
      "2026-01,,10",
      "2026-13,,10",
      `2026-02,NOWHERE,10`,
      "2026-03,,-4",
      "2026-01,,11",
    ].join("\n");
    const res = await importCsv(admin, "name=Broken&metric=reports_total", csv);
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.code, "VALIDATION_FAILED");
    assert.deepEqual(
      res.json().error.details.map((d: { row: number }) => d.row),
      [3, 4, 5, 6],
    );
    assert.deepEqual(
      res.json().error.details.map((d: { problem: string }) => d.problem),
      ["period", "area_code", "value", "duplicate"],
    );
    assert.deepEqual((await api.get(analyst, "/api/dashboard/benchmarks")).json().series, []);
    const noColumn = await importCsv(admin, "name=Broken&metric=reports_total", "month,value\n2026-01,3\n");
    assert.equal(noColumn.json().error.details[0].problem, "columns");
    assert.match(noColumn.json().error.details[0].message, /area_code/);
  });

  test("benchmark import needs setup rights, CSV and a known metric", async () => {
    const csv = "period,area_code,value\n2026-01,,1\n";
    assert.equal((await importCsv(analyst, "name=X&metric=reports_total", csv)).statusCode, 403);
    assert.equal((await importCsv(admin, "name=X&metric=nonsense", csv)).statusCode, 400);
    const asJson = await t.app.inject({
      method: "POST",
      url: "/api/setup/benchmarks?name=X&metric=reports_total",
      headers: { cookie: admin },
      payload: { csv },
    });
    assert.equal(asJson.statusCode, 400);
    const huge = `period,area_code,value\n${"2026-01,,1\n".repeat(7000)}`;
    assert.equal((await importCsv(admin, "name=X&metric=reports_total", huge)).statusCode, 413);
  });
});
