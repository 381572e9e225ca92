import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { auditActionsFor, staffCalls, submitReport } from "../testing/inbox-fixtures.js";
import { account, signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";

describe("bulk actions on the queue", () => {
  let t: TestApp;
  let dm: string; // region A
  let responder: string;
  let districtA: string;
  let districtB: string; // region B: outside the data manager's scope
  let api: ReturnType<typeof staffCalls>;

  before(async () => {
    t = await createTestApp();
    api = staffCalls(t);
    dm = await signInAs(t.app, account(t.demoAccounts, "data_manager"));
    responder = await signInAs(t.app, account(t.demoAccounts, "first_responder"));
    districtA = account(t.demoAccounts, "first_responder", 0).scope.districtIds[0]!;
    districtB = account(t.demoAccounts, "first_responder", 1).scope.districtIds[0]!;
  });
  after(async () => t.close());

  type Result = { id: string; ok: boolean; code?: string; status?: string };
  const byId = (results: Result[]) => new Map(results.map((r) => [r.id, r]));

  test("validating several: each is decided on its own, with the single action's answer per report", async () => {
    const fresh = [await submitReport(t, districtA), await submitReport(t, districtA)];
    const decided = await submitReport(t, districtA);
    const elsewhere = await submitReport(t, districtB);
    const stale = await submitReport(t, districtA);
    await api.post(dm, `/api/inbox/reports/${decided.id}/decision`, { decision: "decline", reason: "spam" });
    await api.post(dm, `/api/inbox/reports/${stale.id}/notes`, { body: "someone looked at it" }); // version 2 now

    const res = await api.post(dm, "/api/inbox/bulk/validate", {
      items: [...fresh, decided, elsewhere].map((r) => ({ id: r.id })).concat({ id: stale.id, version: 1 } as never),
    });
    assert.equal(res.statusCode, 200, res.body);
    const results = byId(res.json().results);
    for (const r of fresh) assert.deepEqual(results.get(r.id), { id: r.id, ok: true, status: "validated", version: 2 });
    assert.equal(results.get(decided.id)?.code, "ALREADY_DECIDED", "a report already declined stays declined");
    assert.equal(results.get(elsewhere.id)?.code, "NOT_FOUND", "out of scope reads as not found, as for one report");
    assert.equal(results.get(stale.id)?.code, "VERSION_CONFLICT", "a stale version is refused per report");

    const status = async (id: string) => (await api.get(dm, `/api/inbox/reports/${id}`)).json().status;
    assert.equal(await status(decided.id), "declined");
    assert.equal(await status(stale.id), "submitted");
    for (const r of fresh) {
      assert.equal(await status(r.id), "validated");
      assert.ok((await auditActionsFor(t, r.id)).includes("report.validate"), "each validation is audited");
    }
    assert.ok(!(await auditActionsFor(t, stale.id)).includes("report.validate"));
  });

  test("the reporter of each validated report hears back, as with a single decision", async () => {
    const r = await submitReport(t, districtA, { language: "fr" });
    await api.post(dm, "/api/inbox/bulk/validate", { items: [{ id: r.id }] });
    const tracked = (await t.app.inject({ method: "GET", url: `/api/reports/track/${r.code}` })).json();
    assert.equal(tracked.status, "validated");
    assert.ok(tracked.messages.some((m: { body: string }) => /accepté/.test(m.body)));
  });

  test("assigning several to a team: out-of-scope reports are not found, the rest are the team's", async () => {
    const teams = (await api.get(dm, `/api/inbox/assignees?districtIds=${districtA}`)).json().teams;
    const team = teams[0];
    assert.ok(team, "the demo team of district A is offered");
    const inA = [await submitReport(t, districtA), await submitReport(t, districtA)];
    const inB = await submitReport(t, districtB);
    const res = await api.post(dm, "/api/inbox/bulk/assign", {
      items: [...inA, inB].map((r) => ({ id: r.id })),
      assigneeId: null,
      assigneeTeamId: team.id,
    });
    const results = byId(res.json().results);
    for (const r of inA) {
      assert.equal(results.get(r.id)?.ok, true);
      assert.equal((await api.get(dm, `/api/inbox/reports/${r.id}`)).json().assigneeTeamId, team.id);
      assert.ok((await auditActionsFor(t, r.id)).includes("report.assign"));
    }
    assert.equal(results.get(inB.id)?.code, "NOT_FOUND");
  });

  test("only those allowed the single action may use it in bulk, and within the limit", async () => {
    const r = await submitReport(t, districtA);
    const asResponder = await api.post(responder, "/api/inbox/bulk/validate", { items: [{ id: r.id }] });
    assert.equal(asResponder.statusCode, 403, "responders do not decide reports");
    const tooMany = Array.from({ length: 101 }, (_, i) => ({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    }));
    assert.equal((await api.post(dm, "/api/inbox/bulk/validate", { items: tooMany })).statusCode, 400);
    const twice = await api.post(dm, "/api/inbox/bulk/validate", { items: [{ id: r.id }, { id: r.id }] });
    assert.equal(twice.statusCode, 400, "each report once per request");
  });
});
