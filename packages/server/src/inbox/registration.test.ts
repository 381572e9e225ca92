import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { putSetting } from "../platform/platform.repo.js";
import { auditActionsFor, staffCalls, submitReport } from "../testing/inbox-fixtures.js";
import { account, signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";

describe("registration with the TB programme", () => {
  let t: TestApp;
  let dm: string;
  let responder: string;
  let district: string;
  let api: ReturnType<typeof staffCalls>;

  before(async () => {
    t = await createTestApp(); // the demo programme requires registration
    api = staffCalls(t);
    dm = await signInAs(t.app, account(t.demoAccounts, "data_manager"));
    responder = await signInAs(t.app, account(t.demoAccounts, "first_responder"));
    district = account(t.demoAccounts, "first_responder").scope.districtIds[0]!;
  });
  after(async () => t.close());

  test("where required: the data manager records it (audited) and may decline as not registered", async () => {
    const r = await submitReport(t, district);
    const before = (await api.get(dm, `/api/inbox/reports/${r.id}`)).json();
    assert.equal(before.registrationRequired, true);
    assert.equal(before.registeredWithProgramme, "unknown");
    const set = await api.post(dm, `/api/inbox/reports/${r.id}/registration`, { registeredWithProgramme: "no" });
    assert.equal(set.statusCode, 200, set.body);
    assert.equal((await api.get(dm, `/api/inbox/reports/${r.id}`)).json().registeredWithProgramme, "no");
    assert.ok((await auditActionsFor(t, r.id)).includes("report.registration"));
    const byResponder = await api.post(responder, `/api/inbox/reports/${r.id}/registration`, {
      registeredWithProgramme: "yes",
    });
    assert.equal(byResponder.statusCode, 403, "only the data manager sets it");
    const declined = await api.post(dm, `/api/inbox/reports/${r.id}/decision`, {
      decision: "decline",
      reason: "not_registered",
    });
    assert.equal(declined.statusCode, 200);
  });

  test("where not required: no flag to set, and not_registered is no reason to decline", async () => {
    await putSetting(t.database.db, "reports.registrationRequired", false);
    try {
      const r = await submitReport(t, district);
      assert.equal((await api.get(dm, `/api/inbox/reports/${r.id}`)).json().registrationRequired, false);
      const set = await api.post(dm, `/api/inbox/reports/${r.id}/registration`, { registeredWithProgramme: "no" });
      assert.equal(set.statusCode, 400);
      const declined = await api.post(dm, `/api/inbox/reports/${r.id}/decision`, {
        decision: "decline",
        reason: "not_registered",
      });
      assert.equal(declined.statusCode, 400);
      assert.equal((await api.get(dm, `/api/inbox/reports/${r.id}`)).json().status, "submitted");
    } finally {
      await putSetting(t.database.db, "reports.registrationRequired", true);
    }
  });
});
