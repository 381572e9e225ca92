import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import { staffCalls, submitReport } from "../testing/inbox-fixtures.js";
import { account, signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";

/**
 * Issue 22 item 1: a responder in scope who does not handle a report read its messages (a reporter's name and
 * phone) and internal notes (a health condition) in full, unaudited, and could add notes to it.
 */
describe("attack: a responder reads the messages and notes of a report they do not handle", () => {
  let t: TestApp;
  let dm: string;
  let responder: string;
  let responderId: string;
  let dmId: string;
  let district: string;
  const api = () => staffCalls(t);
  const SECRET_MESSAGE = "My name is Amina Diallo, call me on 0777 123 456";
  const SECRET_NOTE = "She is HIV positive and pregnant";

  before(async () => {
    t = await createTestApp();
    dm = await signInAs(t.app, account(t.demoAccounts, "data_manager"));
    responder = await signInAs(t.app, account(t.demoAccounts, "first_responder", 0));
    district = account(t.demoAccounts, "first_responder", 0).scope.districtIds[0]!;
    responderId = (await api().get(responder, "/api/me")).json().id;
    dmId = (await api().get(dm, "/api/me")).json().id;
  });
  after(async () => t.close());

  /** A report in the responder's district with a reporter's message and a data manager's note. */
  async function reportWithSecrets() {
    const r = await submitReport(t, district);
    assert.equal(
      (await api().post(dm, `/api/inbox/reports/${r.id}/decision`, { decision: "validate" })).statusCode,
      200,
    );
    const reply = await t.app.inject({
      method: "POST",
      url: `/api/reports/track/${r.code}/messages`,
      payload: { body: SECRET_MESSAGE },
    });
    assert.equal(reply.statusCode, 201, reply.body);
    assert.equal((await api().post(dm, `/api/inbox/reports/${r.id}/notes`, { body: SECRET_NOTE })).statusCode, 200);
    return r;
  }

  async function personalViews(reportId: string, actorId: string): Promise<number> {
    const [row] = await t.database.rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_events
          WHERE entity_id = ${reportId} AND action = 'report.view_personal' AND actor_id = ${actorId}`,
    );
    return row!.n;
  }

  async function noteCount(reportId: string): Promise<number> {
    const [row] = await t.database.rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM report_events WHERE report_id = ${reportId} AND type = 'note'`,
    );
    return row!.n;
  }

  for (const held of ["by a colleague", "by nobody"] as const) {
    test(`held ${held}: no message bodies, no notes, no way to add either`, async () => {
      const r = await reportWithSecrets();
      if (held === "by a colleague") {
        const assign = await api().post(dm, `/api/inbox/reports/${r.id}/assignment`, { assigneeId: dmId });
        assert.equal(assign.statusCode, 200);
      }
      const view = await api().get(responder, `/api/inbox/reports/${r.id}`);
      assert.equal(view.statusCode, 200, "the report itself is in the responder's scope");
      const body = view.json();
      assert.equal(body.personal, null);
      assert.ok(body.messages.length >= 2, "the conversation's shape is shown");
      assert.ok(
        body.messages.every((m: { body: string | null }) => m.body === null),
        "but none of its text",
      );
      assert.ok(
        body.timeline.every((e: { note: string | null }) => e.note === null),
        "nor any note",
      );
      assert.ok(!view.body.includes("Amina") && !view.body.includes("HIV"), view.body);

      const before = await noteCount(r.id);
      const add = await api().post(responder, `/api/inbox/reports/${r.id}/notes`, { body: "I was here" });
      assert.equal(add.statusCode, 403, add.body);
      assert.equal(add.json().error.code, "FORBIDDEN");
      assert.equal(await noteCount(r.id), before, "nothing was added");
      const write = await api().post(responder, `/api/inbox/reports/${r.id}/messages`, { body: "Hello" });
      assert.equal(write.statusCode, 403, "nor write in a conversation they may not read");
      assert.equal(await personalViews(r.id, responderId), 0, "nothing personal was shown, so nothing to audit");
    });
  }

  test("the responder handling it reads messages and notes, and every view is audited", async () => {
    const r = await reportWithSecrets();
    const assign = await api().post(dm, `/api/inbox/reports/${r.id}/assignment`, { assigneeId: responderId });
    assert.equal(assign.statusCode, 200);
    for (let i = 1; i <= 2; i++) {
      const body = (await api().get(responder, `/api/inbox/reports/${r.id}`)).json();
      assert.ok(body.messages.some((m: { body: string | null }) => m.body === SECRET_MESSAGE));
      assert.ok(body.timeline.some((e: { note: string | null }) => e.note === SECRET_NOTE));
      assert.equal(await personalViews(r.id, responderId), i, `view ${i} has its audit row`);
    }
    const add = await api().post(responder, `/api/inbox/reports/${r.id}/notes`, { body: "Called her back" });
    assert.equal(add.statusCode, 200, add.body);
  });
});
