import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import { staffCalls, submitReport } from "../testing/inbox-fixtures.js";
import { createStaffAccount } from "../testing/staff-factory.js";
import { account, freshCode, signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";

/**
 * Trainee accounts (issue 25, ADR 0023 addendum): an administrator who manages staff marks an account as a trainee
 * (audited); the trainee then works on practice reports only. A live report answers 404 to every read and verb, as an
 * out-of-scope one does; the queue is the training view whatever is asked; the live-report export is refused. Once the
 * mark is removed, the account works on live reports again.
 */
describe("trainee accounts", () => {
  let t: TestApp;
  let api: ReturnType<typeof staffCalls>;
  let sysadmin: string;
  let districtId: string;
  let trainee: Awaited<ReturnType<typeof createStaffAccount>>;
  let traineeId: string;
  /** The trainee's session while marked (each sign-in needs a TOTP step of its own: sign in as few times as may be). */
  let traineeSession: string;

  before(async () => {
    t = await createTestApp();
    api = staffCalls(t);
    const admin = account(t.demoAccounts, "system_admin");
    sysadmin = await signInAs(t.app, admin);
    const reauth = await api.post(sysadmin, "/api/auth/reauth", {
      password: admin.password,
      code: freshCode(admin.totpSecret),
    });
    assert.equal(reauth.statusCode, 200, reauth.body);
    districtId = account(t.demoAccounts, "first_responder", 0).scope.districtIds[0]!;
    trainee = await createStaffAccount(t, "data_manager", { areaIds: [districtId] });
    const [row] = await t.database.rows<{ id: string }>(sql`SELECT id FROM staff_users WHERE email = ${trainee.email}`);
    traineeId = row!.id;
  });
  after(async () => t.close());

  const mark = async (on: boolean) => {
    const res = await api.patch(sysadmin, `/api/staff-users/${traineeId}`, { trainee: on });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().trainee, on);
  };

  test("only an administrator who manages staff can mark a trainee, and the mark is audited", async () => {
    const countryAdmin = await signInAs(t.app, account(t.demoAccounts, "country_admin"));
    const refused = await api.patch(countryAdmin, `/api/staff-users/${traineeId}`, { trainee: true });
    assert.equal(refused.statusCode, 403);
    await mark(true);
    const [row] = await t.database.rows<{ details: { trainee: boolean } }>(
      sql`SELECT details FROM audit_events WHERE action = 'staff_user.update' AND entity_id = ${traineeId}
          ORDER BY seq DESC LIMIT 1`,
    );
    assert.equal(row?.details.trainee, true);
    const listed = (await api.get(sysadmin, "/api/staff-users"))
      .json()
      .items.find((u: { id: string }) => u.id === traineeId);
    assert.equal(listed.trainee, true);
    await mark(false);
  });

  test("a trainee works on practice reports only; live reports are not found to them", async () => {
    const live = await submitReport(t, districtId);
    const practice = await submitReport(t, districtId, { training: true });
    await mark(true);
    const cookie = await signInAs(t.app, trainee);
    traineeSession = cookie;

    const me = (await api.get(cookie, "/api/me")).json();
    assert.equal(me.trainee, true);

    // The queue is the training view even when the live one is asked for.
    for (const url of ["/api/inbox/reports?limit=100", "/api/inbox/reports?set=live&limit=100"]) {
      const list = await api.get(cookie, url);
      assert.equal(list.statusCode, 200, list.body);
      const ids = list.json().items.map((i: { id: string }) => i.id);
      assert.ok(ids.includes(practice.id), "the practice report is listed");
      assert.ok(!ids.includes(live.id), "no live report is listed");
    }

    // A live report: not found, to read and to act on, as one out of scope.
    assert.equal((await api.get(cookie, `/api/inbox/reports/${live.id}`)).statusCode, 404);
    assert.equal((await api.get(cookie, `/api/inbox/reports/${live.id}/assignees`)).statusCode, 404);
    const decide = await api.post(cookie, `/api/inbox/reports/${live.id}/decision`, { decision: "validate" });
    assert.equal(decide.statusCode, 404);
    const note = await api.post(cookie, `/api/inbox/reports/${live.id}/notes`, { body: "practice" });
    assert.equal(note.statusCode, 404);
    assert.equal((await api.get(cookie, `/api/inbox/reports/${live.id}/advocacy-cases`)).statusCode, 404);
    const [liveRow] = await t.database.rows<{ status: string }>(sql`SELECT status FROM reports WHERE id = ${live.id}`);
    assert.equal(liveRow?.status, "submitted", "the live report was not touched");

    // The practice report: read and handled as usual.
    assert.equal((await api.get(cookie, `/api/inbox/reports/${practice.id}`)).statusCode, 200);
    const practised = await api.post(cookie, `/api/inbox/reports/${practice.id}/decision`, { decision: "validate" });
    assert.equal(practised.statusCode, 200, practised.body);

    // The de-identified export of live reports: refused.
    const month = new Date().toISOString().slice(0, 7);
    const exported = await api.get(cookie, `/api/dashboard/reports/export?from=${month}-01&to=${month}-28`);
    assert.equal(exported.statusCode, 403, exported.body);
  });

  test("removing the mark ends the trainee's sessions and the account works on live reports again", async () => {
    const live = await submitReport(t, districtId);
    const asTrainee = traineeSession;
    assert.equal((await api.get(asTrainee, `/api/inbox/reports/${live.id}`)).statusCode, 404);
    await mark(false);
    assert.equal((await api.get(asTrainee, "/api/me")).statusCode, 401, "the trainee's session ended");
    const cookie = await signInAs(t.app, trainee);
    assert.equal((await api.get(cookie, "/api/me")).json().trainee, false);
    assert.equal((await api.get(cookie, `/api/inbox/reports/${live.id}`)).statusCode, 200);
    const ids = (await api.get(cookie, "/api/inbox/reports?limit=100")).json().items.map((i: { id: string }) => i.id);
    assert.ok(ids.includes(live.id));
  });
});
