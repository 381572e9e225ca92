import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import { catchUp } from "../dashboard/aggregator.js";
import { collectStaffNotifications } from "../notifications/staff-mail.js";
import { systemCtx } from "../platform/context.js";
import { reportPayload, staffCalls, submitReport } from "../testing/inbox-fixtures.js";
import { createStaffAccount } from "../testing/staff-factory.js";
import { account, sessionOf } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";

/**
 * Training mode (issue 25 item 4, ADR 0023): practice reports are handled like live ones in the training inbox, and
 * no live list, count, export or notification changes because of them. Every live output is taken before and after a
 * practice session: equal. The same outputs after live reports: changed (so each output does see reports).
 */
describe("training mode", () => {
  let t: TestApp;
  let api: ReturnType<typeof staffCalls>;
  let dm: string;
  let analyst: string;
  let admin: string;
  let districtA: string;
  const month = new Date().toISOString().slice(0, 7);
  const from = `${month}-01`;
  const to = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);
  const ctx = () => systemCtx({ ...t.app.services, log: t.app.log });

  before(async () => {
    t = await createTestApp();
    api = staffCalls(t);
    dm = await sessionOf(t.app, account(t.demoAccounts, "data_manager"));
    analyst = await sessionOf(t.app, account(t.demoAccounts, "analyst"));
    admin = await sessionOf(t.app, account(t.demoAccounts, "country_admin"));
    districtA = account(t.demoAccounts, "first_responder", 0).scope.districtIds[0]!;
    // A responder in the district who wants every new report by e-mail at once.
    const responder = await createStaffAccount(t, "first_responder", { areaIds: [districtA] });
    const cookie = await sessionOf(t.app, responder);
    const res = await t.app.inject({
      method: "PUT",
      url: "/api/me/notifications",
      headers: { cookie },
      payload: { emailNotifications: "immediate" },
    });
    assert.equal(res.statusCode, 200, res.body);
    // The demo's history is old news for the e-mail collector.
    await collectStaffNotifications(ctx(), new Date());
  });
  after(async () => t.close());

  const ok = <R extends { statusCode: number; body: string }>(res: R): R => {
    assert.equal(res.statusCode, 200, res.body);
    return res;
  };

  /**
   * The aggregates hold every change made so far. A query catches up itself, unless the server's own aggregator run
   * holds the lock at that moment (PostgreSQL): then its answer may trail by a run, so wait until no mark is left.
   */
  async function aggregatesCaughtUp() {
    for (;;) {
      await catchUp(t.database.db);
      const [left] = await t.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM indicator_dirty`);
      if (left?.n === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Every live output this test can reach, in a comparable shape. */
  async function liveOutputs() {
    await aggregatesCaughtUp();
    const inbox = ok(await api.get(dm, "/api/inbox/reports?limit=100")).json();
    const inDistrict = ok(await api.get(dm, `/api/inbox/reports?limit=100&areaId=${districtA}&channel=app`)).json();
    const indicators = (dimensions: string[]) =>
      t.app.inject({
        method: "POST",
        url: "/api/dashboard/indicators",
        headers: { cookie: analyst },
        payload: { metrics: ["reports_total", "reports_validated"], dimensions, from, to },
      });
    const staffIndicators = ok(await indicators([])).json().rows;
    const byChannel = ok(await indicators(["channel"])).json().rows;
    const published = ok(
      await t.app.inject({
        method: "POST",
        url: "/api/public/indicators",
        payload: { metrics: ["reports_total"], dimensions: [], from, to, population: "publishable" },
      }),
    ).json().rows;
    const indicatorCsv = ok(
      await t.app.inject({
        method: "POST",
        url: "/api/dashboard/indicators/export",
        headers: { cookie: analyst },
        payload: { metrics: ["reports_total"], dimensions: ["category"], from, to },
      }),
    ).body;
    const reportCsv = ok(
      await t.app.inject({
        method: "GET",
        url: `/api/dashboard/reports/export?from=${from}&to=${to}`,
        headers: { cookie: analyst },
      }),
    ).body;
    // The export's rows are shuffled and numbered at random: compare them without their row number, sorted.
    const exportRows = (parse(reportCsv, { columns: true, comment: "#" }) as Record<string, string>[])
      .map(({ row: _row, ...r }) => JSON.stringify(r))
      .sort();
    const stories = ok(await api.get(dm, "/api/advocacy/story-candidates"))
      .json()
      .items.map((s: { reportId: string }) => s.reportId);
    await collectStaffNotifications(ctx(), new Date());
    const [mail] = await t.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM staff_notifications`);
    const [counters] = await t.database.rows<{ n: number }>(sql`SELECT sum(n)::int AS n FROM report_counts`);
    return {
      inboxIds: inbox.items.map((i: { id: string }) => i.id),
      inboxCounts: inbox.counts,
      inDistrictCounts: inDistrict.counts,
      staffIndicators,
      byChannel,
      published,
      indicatorCsv,
      exportRows,
      stories,
      staffMail: mail?.n,
      counters: counters?.n,
    };
  }

  /** A morning's work on some reports: validated, one assigned to the data manager, one answered. */
  async function handle(ids: string[]) {
    const me = ok(await api.get(dm, "/api/me")).json().id;
    for (const id of ids) ok(await api.post(dm, `/api/inbox/reports/${id}/decision`, { decision: "validate" }));
    ok(await api.post(dm, `/api/inbox/reports/${ids[0]}/assignment`, { assigneeId: me }));
  }

  const extra = { consent: { contactMe: false, shareDeidentified: true, useInAdvocacyStories: true } };
  const practiceIds: string[] = [];

  test("practice reports change no live list, count, export or notification; the training inbox has them", async () => {
    const before = await liveOutputs();
    for (let i = 0; i < 3; i++) {
      const r = await submitReport(t, districtA, {
        ...extra,
        training: true,
        contact: { phone: "+258 84 123 4567" },
        deviceId: "practice-device-1",
      });
      practiceIds.push(r.id);
    }
    await handle(practiceIds);
    const afterPractice = await liveOutputs();
    for (const key of Object.keys(before) as (keyof typeof before)[])
      assert.deepEqual(afterPractice[key], before[key], `${key}: unchanged by practice reports`);

    // The training inbox lists exactly the practice reports, marked, with their own counts.
    const training = ok(await api.get(dm, "/api/inbox/reports?set=training&limit=100")).json();
    assert.deepEqual(training.items.map((i: { id: string }) => i.id).sort(), [...practiceIds].sort());
    assert.ok(training.items.every((i: { training: boolean }) => i.training));
    assert.equal(training.counts.validated, 3);
    const detail = ok(await api.get(dm, `/api/inbox/reports/${practiceIds[0]}`)).json();
    assert.equal(detail.training, true);
    // Nothing that could reach a person was kept: no phone, no device (so nothing is sent, nothing matched).
    const kept = await t.database.rows<{ phone: string | null; device: string | null }>(
      sql`SELECT phone_hash AS phone, device_hash AS device FROM reports WHERE training`,
    );
    assert.deepEqual(
      kept,
      practiceIds.map(() => ({ phone: null, device: null })),
    );

    // Live reports, handled the same way, change every live output.
    const liveIds: string[] = [];
    for (let i = 0; i < 3; i++) liveIds.push((await submitReport(t, districtA, extra)).id);
    await handle(liveIds);
    const afterLive = await liveOutputs();
    for (const key of Object.keys(before) as (keyof typeof before)[]) {
      // Published figures (the public answer, the indicator export) are perturbed and suppressed: three more reports
      // need not show there. The staff figures above them, from the same aggregates, must.
      if (key === "published" || key === "indicatorCsv") continue;
      assert.notDeepEqual(afterLive[key], before[key], `${key}: changed by live reports`);
    }
    const live = ok(await api.get(dm, "/api/inbox/reports?limit=100")).json();
    assert.ok(liveIds.every((id) => live.items.some((i: { id: string; training: boolean }) => i.id === id)));
    assert.ok(live.items.every((i: { training: boolean }) => !i.training));
  });

  test("a practice report is never merged with a live one, nor flagged as its duplicate", async () => {
    const practice = await submitReport(t, districtA, { training: true });
    const live = await submitReport(t, districtA);
    const res = await api.post(dm, `/api/inbox/reports/${practice.id}/merge`, { intoId: live.id });
    assert.equal(res.statusCode, 400, res.body);
    const dupes = ok(await api.get(dm, `/api/inbox/reports/${live.id}/duplicates`)).json();
    assert.ok(!dupes.items.some((d: { id: string }) => d.id === practice.id));
  });

  test("a country administrator erases every practice report at once; live reports stay", async () => {
    const before = await liveOutputs();
    const summary = ok(await api.get(admin, "/api/setup/training")).json();
    assert.ok(summary.reports >= 4);
    const reset = ok(await api.post(admin, "/api/setup/training/reset", {})).json();
    assert.equal(reset.deleted, summary.reports);
    assert.deepEqual(ok(await api.get(admin, "/api/setup/training")).json(), { reports: 0 });
    const training = ok(await api.get(dm, "/api/inbox/reports?set=training")).json();
    assert.deepEqual(training.items, []);
    const afterReset = await liveOutputs();
    for (const key of Object.keys(before) as (keyof typeof before)[])
      assert.deepEqual(afterReset[key], before[key], `${key}: unchanged by the reset`);
    const [audit] = await t.database.rows<{ details: { deleted: number } }>(
      sql`SELECT details FROM audit_events WHERE action = 'training.reset'`,
    );
    assert.equal(audit?.details.deleted, summary.reports);
    // A practice report submitted again after the reset is taken as a new one (its clientId was erased with it).
    const again = await t.app.inject({
      method: "POST",
      url: "/api/reports",
      payload: reportPayload(districtA, { training: true }),
    });
    assert.equal(again.statusCode, 201, again.body);
  });
});
