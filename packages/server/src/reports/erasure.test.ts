import assert from "node:assert/strict";
import crypto from "node:crypto";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import { systemCtx } from "../platform/context.js";
import { JobRunner } from "../platform/job-runner.js";
import { reportPayload, staffCalls, submitReport } from "../testing/inbox-fixtures.js";
import { account, cookieFrom, signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";
import { addMonths, applyRetention, retentionJob } from "./retention.js";

/** Every column of a report that holds personal data or leads back to the reporter. */
const PERSONAL_COLUMNS = sql`tracking_code_hash, tracking_prefix_hash, tracking_code_enc, tracking_code, description_enc,
  search_tokens, phone_enc, phone_hash, device_hash, community_account_id`;
const ERASED = {
  tracking_code_hash: null,
  tracking_prefix_hash: null,
  tracking_code_enc: null,
  tracking_code: null,
  description_enc: null,
  search_tokens: [],
  phone_enc: null,
  phone_hash: null,
  device_hash: null,
  community_account_id: null,
};

describe("erasure: the reporter deletes a report; retention erases what is due", () => {
  let t: TestApp;
  let dm: string;
  let sadm: string;
  let districtId: string;
  const staff = () => staffCalls(t);
  const post = (url: string, payload: object, cookie?: string) =>
    t.app.inject({ method: "POST", url, payload, headers: cookie ? { cookie } : {} });

  before(async () => {
    t = await createTestApp();
    dm = await signInAs(t.app, account(t.demoAccounts, "data_manager"));
    sadm = await signInAs(t.app, account(t.demoAccounts, "system_admin"));
    districtId = account(t.demoAccounts, "first_responder", 0).scope.districtIds[0] ?? "";
  });
  after(async () => t.close());

  /** A report with everything personal a report can hold: description, phone, device, messages both ways, a note. */
  async function fullReport() {
    const r = await submitReport(t, districtId, {
      description: "Nurse Amina told my neighbours about my illness",
      contact: { phone: "+258 84 123 4567" },
      consent: { contactMe: true, shareDeidentified: true, useInAdvocacyStories: false },
      deviceId: crypto.randomUUID(),
      gender: "female",
      ageGroup: "25-34",
    });
    assert.equal(
      (await staff().post(dm, `/api/inbox/reports/${r.id}/messages`, { body: "Call me, Amina" })).statusCode,
      200,
    );
    assert.equal(
      (await staff().post(dm, `/api/inbox/reports/${r.id}/notes`, { body: "HIV positive" })).statusCode,
      200,
    );
    assert.equal(
      (await post("/api/reports/track/messages", { trackingCode: r.code, body: "My phone is 555" })).statusCode,
      201,
    );
    return r;
  }

  async function reportsTotal(): Promise<number> {
    const today = new Date().toISOString().slice(0, 10);
    const res = await staff().post(dm, "/api/dashboard/indicators", {
      metrics: ["reports_total"],
      dimensions: ["district"],
      filters: [["is", "district", [districtId]]],
      from: today,
      to: today,
    });
    assert.equal(res.statusCode, 200, res.body);
    const rows = res.json().rows as { metrics: { reports_total: number } }[];
    return rows.reduce((n, r) => n + r.metrics.reports_total, 0);
  }

  const rowOf = async (id: string) =>
    (
      await t.database.rows<Record<string, unknown>>(
        sql`SELECT ${PERSONAL_COLUMNS}, category_code, subcategory_code, district_id, gender, age_group, status,
                   created_at, occurred_on, erased_by, erased_at IS NOT NULL AS erased
              FROM reports WHERE id = ${id}`,
      )
    )[0];
  const countOf = async (query: ReturnType<typeof sql>) => Number((await t.database.rows<{ n: number }>(query))[0]?.n);

  test("the reporter deletes a report: personal data, messages and notes are gone; the report still counts", async () => {
    const before = await reportsTotal();
    const r = await fullReport();
    assert.equal(await reportsTotal(), before + 1, "the new report counts");
    const kept = await rowOf(r.id);
    // An advocacy story a data manager wrote from its words goes with them.
    await t.database.db.execute(
      sql`INSERT INTO advocacy_stories (report_id, status, text_enc, decided_at) VALUES (${r.id}, 'approved', ${t.cipher.encrypt("A story")}, now())`,
    );

    const res = await post("/api/reports/track/erase", { trackingCode: r.code.toLowerCase() });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().erased, true);
    assert.equal(res.headers["cache-control"], "no-store");

    const row = await rowOf(r.id);
    assert.deepEqual(
      Object.fromEntries(Object.keys(ERASED).map((k) => [k, row?.[k]])),
      ERASED,
      "every personal column is empty",
    );
    for (const k of [
      "category_code",
      "subcategory_code",
      "district_id",
      "gender",
      "age_group",
      "status",
      "occurred_on",
    ])
      assert.deepEqual(row?.[k], kept?.[k], `${k} stays`);
    assert.equal(row?.erased_by, "reporter");
    assert.equal(await countOf(sql`SELECT count(*)::int AS n FROM report_messages WHERE report_id = ${r.id}`), 0);
    assert.equal(
      await countOf(
        sql`SELECT count(*)::int AS n FROM report_events WHERE report_id = ${r.id} AND note_enc IS NOT NULL`,
      ),
      0,
    );
    assert.equal(await countOf(sql`SELECT count(*)::int AS n FROM advocacy_stories WHERE report_id = ${r.id}`), 0);
    assert.equal(await reportsTotal(), before + 1, "the erased report still counts in the indicators");

    // The audit row says what kind of data went, in counts, and holds none of it.
    const audits = await t.database.rows<{ actor_id: string | null; details: Record<string, unknown> }>(
      sql`SELECT actor_id, details FROM audit_events WHERE entity_id = ${r.id} AND action = 'report.erase'`,
    );
    assert.equal(audits.length, 1);
    assert.deepEqual(audits[0]?.details, {
      by: "reporter",
      descriptions: 1,
      phones: 1,
      messages: 2,
      notes: 1,
      stories: 1,
      trackingCode: true,
    });
    assert.equal(audits[0]?.actor_id, null);
    const dump = JSON.stringify(await t.database.rows(sql`SELECT details FROM audit_events WHERE entity_id = ${r.id}`));
    for (const secret of ["Amina", "HIV", "555", "4567", r.code]) assert.ok(!dump.includes(secret), secret);
  });

  test("the tracking code stops working everywhere, like a code that never existed", async () => {
    const r = await submitReport(t, districtId);
    assert.equal((await t.app.inject({ method: "DELETE", url: `/api/reports/track/${r.code}` })).statusCode, 200);
    const unknown = await post("/api/reports/track", { trackingCode: "ZZZZ-ZZZZ" });
    assert.equal(unknown.statusCode, 404);
    const calls = [
      () => t.app.inject({ method: "GET", url: `/api/reports/track/${r.code}` }),
      () => post("/api/reports/track", { trackingCode: r.code }),
      () => post("/api/reports/track/messages", { trackingCode: r.code, body: "hello?" }),
      () =>
        post("/api/reports/track/consent", {
          trackingCode: r.code,
          contactMe: false,
          shareDeidentified: false,
          useInAdvocacyStories: false,
        }),
      () => post("/api/reports/track/confirmation", { trackingCode: r.code, resolved: true }),
      () => post("/api/reports/track/erase", { trackingCode: r.code }),
      () => t.app.inject({ method: "DELETE", url: `/api/reports/track/${r.code}` }),
    ];
    for (const call of calls) {
      const res = await call();
      assert.equal(res.statusCode, 404, res.body);
      assert.deepEqual(res.json(), unknown.json(), "the same answer as an unknown code");
    }
  });

  test("a double tap erases once: one answer 200, the other 404, one audit row", async () => {
    const r = await fullReport();
    const answers = await Promise.all([
      post("/api/reports/track/erase", { trackingCode: r.code }),
      post("/api/reports/track/erase", { trackingCode: r.code }),
    ]);
    assert.deepEqual(answers.map((a) => a.statusCode).sort(), [200, 404]);
    assert.equal(
      await countOf(
        sql`SELECT count(*)::int AS n FROM audit_events WHERE entity_id = ${r.id} AND action = 'report.erase'`,
      ),
      1,
    );
  });

  test("staff see the report as erased by the reporter, and cannot write to it", async () => {
    const r = await fullReport();
    await post("/api/reports/track/erase", { trackingCode: r.code });
    const view = await staff().get(dm, `/api/inbox/reports/${r.id}`);
    assert.equal(view.statusCode, 200, view.body);
    const report = view.json();
    assert.equal(report.trackingCode, null);
    assert.equal(report.erasure.by, "reporter");
    assert.ok(report.erasure.at);
    assert.deepEqual(report.personal, { description: null, phone: null });
    assert.deepEqual(report.messages, []);
    assert.ok(report.timeline.some((e: { type: string }) => e.type === "erasure"));
    assert.ok(report.timeline.every((e: { note: string | null }) => e.note === null));

    const list = await staff().get(dm, `/api/inbox/reports?areaId=${districtId}&limit=100`);
    const item = list.json().items.find((i: { id: string }) => i.id === r.id);
    assert.equal(item.trackingCode, null);
    assert.equal(item.erasure.by, "reporter");

    for (const path of ["messages", "notes"]) {
      const res = await staff().post(dm, `/api/inbox/reports/${r.id}/${path}`, { body: "Are you there?" });
      assert.equal(res.statusCode, 409, res.body);
      assert.equal(res.json().error.code, "REPORT_ERASED");
    }
    assert.equal(await countOf(sql`SELECT count(*)::int AS n FROM report_messages WHERE report_id = ${r.id}`), 0);
    // The case work itself goes on: validating sends the reporter no message nobody could read.
    const decide = await staff().post(dm, `/api/inbox/reports/${r.id}/decision`, { decision: "validate" });
    assert.equal(decide.statusCode, 200, decide.body);
    assert.equal(await countOf(sql`SELECT count(*)::int AS n FROM report_messages WHERE report_id = ${r.id}`), 0);
  });

  test("the same clientId sent again after erasure is not taken again", async () => {
    const payload = reportPayload(districtId);
    const first = await post("/api/reports", payload);
    assert.equal(first.statusCode, 201);
    await post("/api/reports/track/erase", { trackingCode: first.json().trackingCode });
    const again = await post("/api/reports", payload);
    assert.equal(again.statusCode, 409, again.body);
    assert.equal(again.json().error.code, "REPORT_ERASED");
  });

  test("retention is a validated setting of the system administrator, audited", async () => {
    const shown = await staff().get(sadm, "/api/settings");
    assert.equal(shown.statusCode, 200, shown.body);
    assert.deepEqual(shown.json().retention, { personalDataMonths: 24, messagesMonths: 12, ratingCommentMonths: 12 });
    for (const bad of [
      { retention: { personalDataMonths: 0, messagesMonths: 0 } },
      { retention: { personalDataMonths: 12, messagesMonths: 24 } },
      { retention: { personalDataMonths: 12.5, messagesMonths: 6 } },
      { retention: { personalDataMonths: 12 } },
      { unknownSetting: 1 },
      {},
    ]) {
      const res = await staff().patch(sadm, "/api/settings", bad);
      assert.equal(res.statusCode, 400, JSON.stringify(bad));
      assert.equal(res.json().error.code, "VALIDATION_FAILED");
    }
    assert.deepEqual((await staff().get(sadm, "/api/settings")).json().retention, shown.json().retention);
    assert.equal(
      (await staff().patch(dm, "/api/settings", { retention: { personalDataMonths: 36, messagesMonths: 6 } }))
        .statusCode,
      403,
    );
    const changed = await staff().patch(sadm, "/api/settings", {
      retention: { personalDataMonths: 36, messagesMonths: 6 },
    });
    assert.equal(changed.statusCode, 200, changed.body);
    // Left out, the rating comments' period keeps its default (ratings/facility-quality-public.test.ts changes it).
    assert.deepEqual(changed.json().retention, { personalDataMonths: 36, messagesMonths: 6, ratingCommentMonths: 12 });
    const [audit] = await t.database.rows<{ details: Record<string, unknown> }>(
      sql`SELECT details FROM audit_events WHERE action = 'settings.update' ORDER BY seq DESC LIMIT 1`,
    );
    assert.deepEqual(audit?.details, {
      before: { personalDataMonths: 24, messagesMonths: 12, ratingCommentMonths: 12 },
      after: { personalDataMonths: 36, messagesMonths: 6, ratingCommentMonths: 12 },
    });
    const back = await staff().patch(sadm, "/api/settings", {
      retention: { personalDataMonths: 24, messagesMonths: 12 },
    });
    assert.equal(back.statusCode, 200);
  });

  test("the retention job erases exactly the reports past their dates, once, and says when in the staff view", async () => {
    // Run as of a fixed instant long before the demo reports, so only the reports made here can be due.
    const asOf = new Date("2001-01-15T03:00:00.000Z");
    const ended = (months: number) => addMonths(asOf, -months);
    const cases = {
      pastBoth: { endedAt: ended(25) },
      pastBothExactly: { endedAt: ended(24) },
      pastMessages: { endedAt: ended(13) },
      recent: { endedAt: ended(11) },
      open: { endedAt: null },
    };
    const ids: Record<string, string> = {};
    for (const [name, c] of Object.entries(cases)) {
      const r = await fullReport();
      ids[name] = r.id;
      if (c.endedAt) {
        const at = c.endedAt.toISOString();
        await t.database.rows(
          sql`UPDATE reports SET status = 'closed', closed_at = ${at}::timestamptz, ended_at = ${at}::timestamptz WHERE id = ${r.id}`,
        );
      }
    }
    const view = (await staff().get(dm, `/api/inbox/reports/${ids.recent}`)).json();
    assert.deepEqual(view.retention, {
      personalDataMonths: 24,
      messagesMonths: 12,
      endedAt: ended(11).toISOString(),
      messagesUntil: addMonths(ended(11), 12).toISOString(),
      personalDataUntil: addMonths(ended(11), 24).toISOString(),
      messagesErasedAt: null,
    });
    assert.equal((await staff().get(dm, `/api/inbox/reports/${ids.open}`)).json().retention.personalDataUntil, null);

    // The job as pg-boss runs it: queued with its as-of instant, awaited through the handler.
    let done!: (err?: unknown) => void;
    const finished = new Promise<void>((resolve, reject) => {
      done = (err) => (err ? reject(err) : resolve());
    });
    const observed: typeof retentionJob = {
      ...retentionJob,
      handler: async (ctx, payload) => {
        try {
          await retentionJob.handler(ctx, payload);
          if (payload.asOf) done();
        } catch (err) {
          if (payload.asOf) done(err);
          throw err;
        }
      },
    };
    const runner = new JobRunner(t.app.services, [observed as never], { pollingIntervalSeconds: 0.5 });
    try {
      await runner.start();
      const schedules = await runner.schedules();
      assert.ok(schedules.some((s) => s.name === "reports.retention" && s.cron === retentionJob.cron));
      await runner.send(retentionJob, { asOf: asOf.toISOString() });
      await finished;
    } finally {
      await runner.stop();
    }

    const state = async (id: string | undefined) => {
      const row = await rowOf(id ?? "");
      return {
        erased: row?.erased,
        messages: await countOf(sql`SELECT count(*)::int AS n FROM report_messages WHERE report_id = ${id}`),
        notes: await countOf(
          sql`SELECT count(*)::int AS n FROM report_events WHERE report_id = ${id} AND note_enc IS NOT NULL`,
        ),
        description: row?.description_enc !== null,
      };
    };
    assert.deepEqual(await state(ids.pastBoth), { erased: true, messages: 0, notes: 0, description: false });
    assert.deepEqual(await state(ids.pastBothExactly), { erased: true, messages: 0, notes: 0, description: false });
    assert.deepEqual(await state(ids.pastMessages), { erased: false, messages: 0, notes: 0, description: true });
    assert.deepEqual(await state(ids.recent), { erased: false, messages: 2, notes: 1, description: true });
    assert.deepEqual(await state(ids.open), { erased: false, messages: 2, notes: 1, description: true });
    assert.equal((await rowOf(ids.pastBoth ?? ""))?.erased_by, "retention");
    const erasedInDb = await countOf(sql`SELECT count(*)::int AS n FROM reports WHERE erased_by = 'retention'`);
    assert.equal(erasedInDb, 2, "no other report in the database was touched");

    const audits = await t.database.rows<{ details: Record<string, unknown> }>(
      sql`SELECT details FROM audit_events WHERE action = 'retention.erase' ORDER BY seq`,
    );
    assert.deepEqual(
      audits.map((a) => ({ ...a.details, endedBefore: undefined })),
      [
        {
          what: "personalData",
          months: 24,
          endedBefore: undefined,
          reports: 2,
          descriptions: 2,
          phones: 2,
          messages: 4,
          notes: 2,
          stories: 0,
        },
        {
          what: "messages",
          months: 12,
          endedBefore: undefined,
          reports: 1,
          descriptions: 0,
          phones: 0,
          messages: 2,
          notes: 1,
          stories: 0,
        },
      ],
    );
    const messagesView = (await staff().get(dm, `/api/inbox/reports/${ids.pastMessages}`)).json();
    assert.equal(messagesView.retention.messagesErasedAt, asOf.toISOString());
    assert.ok(messagesView.trackingCode, "the conversation went, the report's code stays until its personal data goes");

    // A second run finds nothing left to do and records nothing.
    const again = await applyRetention(systemCtx(t.app.services), asOf);
    assert.equal(again.personalData.reports + again.messages.reports, 0);
    assert.equal(await countOf(sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'retention.erase'`), 2);
  });

  test("reports closed or declined before ended_at existed get it from their closure or decline (migration 0029)", async () => {
    const before = await t.database.rows<{ id: string; status: string; ended_at: string; expected: string }>(sql`
      SELECT id, status, ended_at::text,
             (CASE WHEN status = 'closed' THEN COALESCE(closed_at, updated_at)
                   ELSE (SELECT max(e.at) FROM report_events e WHERE e.report_id = r.id AND e.to_status = 'declined') END)::text AS expected
        FROM reports r WHERE status IN ('closed', 'declined') ORDER BY status, created_at LIMIT 2000`);
    assert.ok(
      before.some((r) => r.status === "closed") && before.some((r) => r.status === "declined"),
      "demo has both",
    );
    await t.database.exec("UPDATE reports SET ended_at = NULL WHERE status IN ('closed', 'declined')");
    const migration = readFileSync(new URL("../../drizzle/0029_report_erasure_ended_at.sql", import.meta.url), "utf8");
    for (const statement of migration.split("--> statement-breakpoint")) await t.database.exec(statement);
    const after = new Map(
      (
        await t.database.rows<{ id: string; ended_at: string }>(
          sql`SELECT id, ended_at::text FROM reports WHERE status IN ('closed', 'declined')`,
        )
      ).map((r) => [r.id, r.ended_at]),
    );
    for (const r of before) {
      assert.equal(after.get(r.id), r.expected, `${r.status} ${r.id}`);
      assert.equal(after.get(r.id), r.ended_at, "the demo seed sets the same moment");
    }
  });

  test("a community member exports their data, and deleting the account erases it as thoroughly", async () => {
    const reg = await post("/api/community/accounts", { nickname: "Baobab", secret: "long enough secret" });
    const cookie = cookieFrom(reg);
    const payload = reportPayload(districtId, {
      description: "Asked to pay at the clinic",
      contact: { phone: "+258 84 765 4321" },
      consent: { contactMe: true, shareDeidentified: false, useInAdvocacyStories: false },
    });
    const res = await post("/api/reports", payload, cookie);
    assert.equal(res.statusCode, 201);
    const code = res.json().trackingCode as string;
    await post("/api/reports/track/messages", { trackingCode: code, body: "Any news?" });

    const exported = await t.app.inject({
      method: "GET",
      url: "/api/community/accounts/me/export",
      headers: { cookie },
    });
    assert.equal(exported.statusCode, 200, exported.body);
    assert.equal(exported.headers["cache-control"], "no-store");
    const data = exported.json();
    assert.equal(data.account.nickname, reg.json().nickname);
    assert.equal(data.reports.length, 1);
    assert.equal(data.reports[0].trackingCode, code);
    assert.equal(data.reports[0].description, "Asked to pay at the clinic");
    assert.ok(data.reports[0].phone);
    assert.deepEqual(
      data.reports[0].messages.map((m: { body: string }) => m.body),
      ["Any news?"],
    );
    assert.equal(
      (await t.app.inject({ method: "GET", url: "/api/community/accounts/me/export" })).statusCode,
      401,
      "only the signed-in member",
    );

    const [{ id } = { id: "" }] = await t.database.rows<{ id: string }>(
      sql`SELECT id FROM reports WHERE client_id = ${payload.clientId}`,
    );
    const del = await t.app.inject({ method: "DELETE", url: "/api/community/accounts/me", headers: { cookie } });
    assert.equal(del.statusCode, 200, del.body);
    const row = await rowOf(id);
    assert.deepEqual(Object.fromEntries(Object.keys(ERASED).map((k) => [k, row?.[k]])), ERASED);
    assert.equal(row?.erased_by, "account");
    assert.equal(await countOf(sql`SELECT count(*)::int AS n FROM report_messages WHERE report_id = ${id}`), 0);
    assert.equal((await post("/api/reports/track", { trackingCode: code })).statusCode, 404);
    const [accountAudit] = await t.database.rows<{ details: Record<string, unknown> }>(
      sql`SELECT details FROM audit_events WHERE action = 'community.account_deleted' ORDER BY seq DESC LIMIT 1`,
    );
    assert.deepEqual(accountAudit?.details, {
      reportsErased: 1,
      descriptions: 1,
      phones: 1,
      messages: 1,
      notes: 0,
      stories: 0,
    });
  });
});
