import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { PublicConfig } from "@openclm/contracts";
import { sql } from "drizzle-orm";
import type { DemoAccount } from "../demo/demo-accounts.js";
import { systemCtx } from "../platform/context.js";
import { startFakeSmtp } from "../testing/fake-smtp.js";
import { staffCalls, submitReport } from "../testing/inbox-fixtures.js";
import { createStaffAccount } from "../testing/staff-factory.js";
import { account, sessionOf } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";
import { smtpAccountFromUrl } from "./mail-settings.js";
import { collectStaffNotifications, deliverStaffMail, nextDigestAt } from "./staff-mail.js";

const PUBLIC_URL = "https://clm.example.org";
const SMTP_USER = "clm-mailer";
const SMTP_PASS = "smtp-password-for-tests-0001";
const FROM = "clm@example.org";
/** What a staff mail never holds: the report's words, its tracking code, the illness. */
const DESCRIPTION = "No medicines at the clinic";

/**
 * Issue 14 item 5: staff are told by e-mail of new reports in their scope, assignments and escalations — at once, in
 * a daily digest, or not at all, as each chose — through the SMTP server a system administrator set up (here a real
 * SMTP server on 127.0.0.1). A mail names what happened, the district and the inbox item, nothing of the report.
 */
describe("staff e-mail notifications", () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;
  let staff: ReturnType<typeof staffCalls>;
  let admin: string;
  let districtA: string;
  let districtB: string;
  let inA: DemoAccount;
  let inB: DemoAccount;
  let digestA: DemoAccount;
  let offA: DemoAccount;
  const ctx = () => systemCtx({ ...t.app.services, log: t.app.log });
  /**
   * One run of the job: collect what happened, mail what is due at `at` — never before the collection, as the job
   * does (a mail due "now" at collection was otherwise skipped when the clock ticked a millisecond in between).
   */
  const run = async (at?: Date) => {
    const collectedAt = new Date();
    await collectStaffNotifications(ctx(), collectedAt);
    return deliverStaffMail(ctx(), at && at > collectedAt ? at : collectedAt);
  };
  const choose = async (who: DemoAccount, emailNotifications: string) => {
    const cookie = await sessionOf(t.app, who);
    const res = await t.app.inject({
      method: "PUT",
      url: "/api/me/notifications",
      headers: { cookie },
      payload: { emailNotifications },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { emailNotifications });
  };

  before(async () => {
    smtp = await startFakeSmtp({ user: SMTP_USER, pass: SMTP_PASS });
    t = await createTestApp({ env: { PUBLIC_URL } });
    staff = staffCalls(t);
    const config: PublicConfig = (await t.app.inject({ method: "GET", url: "/api/config?lang=en" })).json();
    const districts = config.areas.filter((a) => a.isLeaf && a.level > 0);
    districtA = (districts[0] as { id: string }).id;
    districtB = (districts[1] as { id: string }).id;
    inA = await createStaffAccount(t, "first_responder", { areaIds: [districtA] });
    inB = await createStaffAccount(t, "first_responder", { areaIds: [districtB] });
    digestA = await createStaffAccount(t, "data_manager", { areaIds: [districtA] });
    offA = await createStaffAccount(t, "first_responder", { areaIds: [districtA] });
    await choose(inA, "immediate");
    await choose(inB, "immediate");
    await choose(offA, "off");
    admin = await sessionOf(t.app, account(t.demoAccounts, "system_admin"));
    // Older news (the demo's reports) is not mailed: the collector has looked once before the tests begin.
    await collectStaffNotifications(ctx(), new Date());
    await t.database.exec("DELETE FROM staff_notifications");
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  test("SMTP settings: a system administrator saves them, the password is encrypted and never shown, a test mail goes", async () => {
    const body = { host: "127.0.0.1", port: smtp.port, secure: false, username: SMTP_USER, from: FROM };
    const saved = await t.app.inject({
      method: "PUT",
      url: "/api/notifications/smtp",
      headers: { cookie: admin },
      payload: { ...body, password: SMTP_PASS },
    });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.ok(!saved.body.includes(SMTP_PASS));
    const view = await staff.get(admin, "/api/notifications/smtp");
    assert.equal(view.statusCode, 200);
    assert.ok(!view.body.includes(SMTP_PASS));
    assert.deepEqual(
      { ...(view.json() as object), updatedAt: null },
      {
        host: "127.0.0.1",
        port: smtp.port,
        secure: false,
        username: SMTP_USER,
        passwordSet: true,
        from: FROM,
        fromEnvironment: false,
        configured: true,
        updatedAt: null,
      },
    );
    const stored = await t.database.rows<{ row: string }>(sql`SELECT t::text AS row FROM mail_settings t`);
    assert.ok(stored.length === 1 && !stored[0]?.row.includes(SMTP_PASS), "encrypted at rest");
    const audited = await t.database.rows<{ details: string }>(
      sql`SELECT details::text FROM audit_events WHERE action = 'notifications.smtp_update'`,
    );
    assert.match(audited[0]?.details ?? "", /"password": ?"set"/);
    assert.ok(!audited[0]?.details.includes(SMTP_PASS));

    // Saved again without a password: the stored one is kept.
    const again = await t.app.inject({
      method: "PUT",
      url: "/api/notifications/smtp",
      headers: { cookie: admin },
      payload: body,
    });
    assert.equal(again.json().passwordSet, true);

    const test = await staff.post(admin, "/api/notifications/smtp/test", {});
    assert.equal(test.statusCode, 200, test.body);
    const me = account(t.demoAccounts, "system_admin").email;
    assert.deepEqual(test.json(), { sent: true, to: me, error: null });
    assert.equal(smtp.to(me).length, 1);
    assert.equal(smtp.to(me)[0]?.from, FROM);

    // Bad input changes nothing; other roles may not.
    const bad = await t.app.inject({
      method: "PUT",
      url: "/api/notifications/smtp",
      headers: { cookie: admin },
      payload: { ...body, port: 70000 },
    });
    assert.equal(bad.statusCode, 400);
    assert.equal((await staff.get(admin, "/api/notifications/smtp")).json().port, smtp.port);
    const dm = await sessionOf(t.app, account(t.demoAccounts, "data_manager"));
    assert.equal((await staff.get(dm, "/api/notifications/smtp")).statusCode, 403);
  });

  test("a new report: one mail to each person in scope who asked for it at once, none to others, never twice", async () => {
    const before = smtp.received.length;
    const { id, code } = await submitReport(t, districtA, { description: DESCRIPTION });
    await run();
    const mails = smtp.to(inA.email);
    assert.equal(mails.length, 1);
    const mail = mails[0];
    assert.equal(mail?.subject, "OpenCLM: New report");
    assert.ok(mail?.text.includes(`${PUBLIC_URL}/inbox/${id}`), mail?.text);
    assert.ok(!mail?.text.includes(code) && !mail?.text.includes(code.replace("-", "")), "never the tracking code");
    assert.ok(!mail?.text.includes("medicines"), "never the report's words");
    assert.doesNotMatch(`${mail?.subject} ${mail?.text}`, /\bTB\b|tubercul/i);
    assert.deepEqual(smtp.to(inB.email), [], "not in their scope");
    assert.deepEqual(smtp.to(offA.email), [], "switched off");
    assert.deepEqual(smtp.to(digestA.email), [], "waits for the digest");
    // Every mail goes to one person only.
    assert.ok(smtp.received.slice(before).every((m) => m.to.length === 1));

    await run();
    assert.equal(smtp.to(inA.email).length, 1, "exactly once");
  });

  test("an assignment and an escalation are told to the person named", async () => {
    const { id } = await submitReport(t, districtA);
    await run();
    const seen = smtp.to(inA.email).length;
    const dm = await sessionOf(t.app, account(t.demoAccounts, "data_manager"));
    const assigned = await staff.post(dm, `/api/inbox/reports/${id}/assignment`, { assigneeId: await idOf(inA) });
    assert.equal(assigned.statusCode, 200, assigned.body);
    await run();
    const last = smtp.to(inA.email).slice(seen);
    assert.deepEqual(
      last.map((m) => m.subject),
      ["OpenCLM: Report assigned to you"],
    );

    // An escalation (protocols/escalate-overdue.ts) names the district's supervisors: they are told.
    const { id: late } = await submitReport(t, districtB);
    await run();
    const before = smtp.to(inB.email).length;
    await t.database.exec(
      `INSERT INTO report_events (report_id, type, from_status, to_status, actor_type, details)
       VALUES ('${late}', 'escalation', 'submitted', 'submitted', 'system', '{"supervisorIds": ["${await idOf(inB)}"]}')`,
    );
    await run();
    assert.deepEqual(
      smtp
        .to(inB.email)
        .slice(before)
        .map((m) => m.subject),
      ["OpenCLM: Report escalated to you"],
    );
  });

  test("the daily digest: several events in one mail, at the digest hour", async () => {
    // What earlier tests told them is out of the way (as if yesterday's digest had gone).
    await t.database.exec(`UPDATE staff_notifications SET sent_at = now() WHERE staff_id = '${await idOf(digestA)}'`);
    const one = await submitReport(t, districtA);
    const two = await submitReport(t, districtA);
    const now = new Date();
    await run(now);
    assert.deepEqual(smtp.to(digestA.email), [], "not before the digest hour");
    await run(new Date(nextDigestAt(now).getTime() + 60_000));
    const mails = smtp.to(digestA.email);
    assert.equal(mails.length, 1, "one mail");
    assert.equal(mails[0]?.subject, "OpenCLM: 2 updates in your inbox");
    for (const r of [one, two]) assert.ok(mails[0]?.text.includes(`/inbox/${r.id}`));
    await run(new Date(nextDigestAt(now).getTime() + 120_000));
    assert.equal(smtp.to(digestA.email).length, 1, "sent once");
  });

  test("a mail the SMTP server refuses for now is sent again later; switched off, nothing waits", async () => {
    smtp.rejectNext(1);
    const seen = smtp.to(inA.email).length;
    await submitReport(t, districtA);
    const now = new Date();
    const first = await run(now);
    assert.ok(first.failed >= 1);
    assert.equal(smtp.to(inA.email).length, seen);
    await run(new Date(now.getTime() + 3 * 60_000));
    assert.equal(smtp.to(inA.email).length, seen + 1, "retried");

    // Off: what was waiting is dropped, and nothing more comes.
    await submitReport(t, districtA);
    await collectStaffNotifications(ctx(), new Date());
    await choose(inA, "off");
    await run();
    assert.equal(smtp.to(inA.email).length, seen + 1);
    const prefs = await staff.get(await sessionOf(t.app, inA), "/api/me/notifications");
    assert.deepEqual(prefs.json(), { emailNotifications: "off" });
    const bad = await t.app.inject({
      method: "PUT",
      url: "/api/me/notifications",
      headers: { cookie: await sessionOf(t.app, inA) },
      payload: { emailNotifications: "hourly" },
    });
    assert.equal(bad.statusCode, 400);
  });

  test("SMTP_URL: the sender and the account are read from the URL", () => {
    assert.deepEqual(smtpAccountFromUrl("smtps://mailer:p%40ss@mail.example.org?from=clm@example.org"), {
      host: "mail.example.org",
      port: 465,
      secure: true,
      user: "mailer",
      pass: "p@ss",
      from: "clm@example.org",
    });
    assert.equal(smtpAccountFromUrl("smtp://mail.example.org:2525")?.port ?? null, null, "no sender: not usable");
  });

  async function idOf(who: DemoAccount): Promise<string> {
    const rows = await t.database.rows<{ id: string }>(sql`SELECT id FROM staff_users WHERE email = ${who.email}`);
    return rows[0]?.id as string;
  }
});
