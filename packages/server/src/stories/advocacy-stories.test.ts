import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { AdvocacyStory, StoryCandidate, StoryCandidateDetail } from "@openclm/contracts";
import { sql } from "drizzle-orm";
import { auditActionsFor, staffCalls, submitReport } from "../testing/inbox-fixtures.js";
import { createStaffAccount } from "../testing/staff-factory.js";
import { account, signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";

const consent = (useInAdvocacyStories: boolean) => ({
  consent: { contactMe: false, shareDeidentified: true, useInAdvocacyStories },
});

/**
 * Advocacy stories (issue 12 item 2): a reporter's description reaches analysts only with consent, only after a data
 * manager redacted and approved it, and never again once consent is withdrawn.
 */
describe("advocacy stories: consent, review with redaction, revocation", () => {
  let t: TestApp;
  let dm: string;
  let analyst: string;
  let district: string;
  const api = () => staffCalls(t);
  const ORIGINAL = "Nurse Fatima Banda at Kibera clinic told my neighbours I have TB; call me on 0712 345 678.";
  const REDACTED = "A nurse at the clinic told the neighbours about the person's TB.";

  const candidates = async (): Promise<StoryCandidate[]> => {
    const res = await api().get(dm, "/api/advocacy/story-candidates");
    assert.equal(res.statusCode, 200, res.body);
    return res.json().items;
  };
  const stories = async (cookie = analyst): Promise<AdvocacyStory[]> => {
    const res = await api().get(cookie, "/api/advocacy/stories");
    assert.equal(res.statusCode, 200, res.body);
    return res.json().items;
  };
  const review = (id: string, body: unknown) => api().post(dm, `/api/advocacy/story-candidates/${id}/review`, body);
  const setConsent = (code: string, useInAdvocacyStories: boolean) =>
    t.app.inject({
      method: "POST",
      url: "/api/reports/track/consent",
      payload: { trackingCode: code, contactMe: false, shareDeidentified: true, useInAdvocacyStories },
    });

  before(async () => {
    t = await createTestApp();
    dm = await signInAs(t.app, account(t.demoAccounts, "data_manager"));
    analyst = await signInAs(t.app, account(t.demoAccounts, "analyst"));
    district = account(t.demoAccounts, "first_responder", 0).scope.districtIds[0]!;
  });
  after(async () => t.close());

  test("only reports whose reporter agreed are candidates, and the list carries no description", async () => {
    const yes = await submitReport(t, district, { ...consent(true), description: ORIGINAL });
    const no = await submitReport(t, district, { ...consent(false), description: ORIGINAL });
    const list = await candidates();
    const ids = list.map((c) => c.reportId);
    assert.ok(ids.includes(yes.id));
    assert.ok(!ids.includes(no.id), "no consent, no candidate");
    assert.doesNotMatch(JSON.stringify(list), /Fatima|0712/);
    assert.equal((await api().get(dm, `/api/advocacy/story-candidates/${no.id}`)).statusCode, 404);
    assert.equal((await review(no.id, { decision: "approve", text: REDACTED })).statusCode, 404);
  });

  test("analysts see a story only after a data manager approved it, and only the redacted text with coarse facts", async () => {
    const r = await submitReport(t, district, { ...consent(true), description: ORIGINAL, occurredOn: "2026-09-14" });
    assert.equal((await stories()).length, (await stories()).filter((s) => s.text !== REDACTED).length);

    const opened = await api().get(dm, `/api/advocacy/story-candidates/${r.id}`);
    assert.equal(opened.statusCode, 200);
    const detail: StoryCandidateDetail = opened.json();
    assert.equal(detail.description, ORIGINAL);
    assert.equal(detail.decision, null);
    assert.deepEqual(await auditActionsFor(t, r.id), ["report.submit", "report.view_personal"]);

    // Approving the reporter's words unchanged is refused: redaction is the point of the step.
    assert.equal((await review(r.id, { decision: "approve", text: ` ${ORIGINAL} ` })).statusCode, 400);
    assert.equal((await review(r.id, { decision: "approve", text: "" })).statusCode, 400);
    assert.equal((await stories()).filter((s) => s.text.includes("nurse")).length, 0, "nothing before approval");

    const approved = await review(r.id, { decision: "approve", text: REDACTED });
    assert.equal(approved.statusCode, 200, approved.body);
    const mine = (await stories()).filter((s) => s.text === REDACTED);
    assert.equal(mine.length, 1);
    const [story] = mine;
    const [report] = await t.database.rows<{ region_id: string }>(
      sql`SELECT region_id FROM reports WHERE id = ${r.id}`,
    );
    assert.deepEqual(Object.keys(story!).sort(), ["categoryCode", "id", "month", "regionId", "text"]);
    assert.equal(story!.categoryCode, "health_services");
    assert.equal(story!.month, "2026-09");
    assert.equal(story!.regionId, report!.region_id);
    assert.notEqual(story!.id, r.id, "the story's id does not lead to the report");
    const everything = JSON.stringify(await stories());
    assert.doesNotMatch(everything, /Fatima|Kibera|0712/);
    assert.ok(!everything.includes(r.id));
    assert.deepEqual((await auditActionsFor(t, r.id)).slice(-1), ["advocacy_story.approve"]);
    assert.ok(!(await candidates()).some((c) => c.reportId === r.id), "a decided report leaves the queue");
  });

  test("a rejected story never reaches analysts", async () => {
    const r = await submitReport(t, district, { ...consent(true), description: "Only a rejected story here" });
    assert.equal((await review(r.id, { decision: "reject" })).statusCode, 200);
    assert.ok(!JSON.stringify(await stories()).includes("rejected story"));
    assert.ok(!(await candidates()).some((c) => c.reportId === r.id));
    assert.deepEqual((await auditActionsFor(t, r.id)).slice(-1), ["advocacy_story.reject"]);
  });

  test("withdrawing consent removes an approved story at once, and the redacted text with it", async () => {
    const r = await submitReport(t, district, { ...consent(true), description: ORIGINAL });
    const text = "A story whose teller changes their mind.";
    assert.equal((await review(r.id, { decision: "approve", text })).statusCode, 200);
    assert.ok((await stories()).some((s) => s.text === text));

    assert.equal((await setConsent(r.code, false)).statusCode, 200);
    assert.ok(!(await stories()).some((s) => s.text === text), "gone from the analysts' list");
    const [left] = await t.database.rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM advocacy_stories WHERE report_id = ${r.id}`,
    );
    assert.equal(left!.n, 0, "the redacted text is deleted");
    assert.ok((await auditActionsFor(t, r.id)).includes("advocacy_story.withdrawn"));
    assert.equal((await review(r.id, { decision: "approve", text })).statusCode, 404, "no longer offered");

    // Agreeing again puts it back in the review queue, not back on the list.
    assert.equal((await setConsent(r.code, true)).statusCode, 200);
    assert.ok((await candidates()).some((c) => c.reportId === r.id));
    assert.ok(!(await stories()).some((s) => s.text === text));
  });

  test("a story whose consent flag was cleared by any other path is not listed either", async () => {
    const r = await submitReport(t, district, { ...consent(true), description: ORIGINAL });
    const text = "Listed only while consent holds.";
    assert.equal((await review(r.id, { decision: "approve", text })).statusCode, 200);
    await t.database.exec("UPDATE reports SET consent_use_in_advocacy = false WHERE id = $1", [r.id]);
    assert.ok(!(await stories()).some((s) => s.text === text));
  });

  test("scope: a data manager of another region neither sees nor decides the candidate; analysts see their region", async () => {
    const r = await submitReport(t, district, { ...consent(true), description: ORIGINAL });
    const [other] = await t.database.rows<{ id: string }>(
      sql`SELECT a.id FROM areas a WHERE a.level = 1
          AND a.id <> (SELECT region_id FROM reports WHERE id = ${r.id}) LIMIT 1`,
    );
    const elsewhere = await signInAs(t.app, await createStaffAccount(t, "data_manager", { areaIds: [other!.id] }));
    const listed = await api().get(elsewhere, "/api/advocacy/story-candidates");
    assert.ok(!JSON.stringify(listed.json()).includes(r.id));
    assert.equal((await api().get(elsewhere, `/api/advocacy/story-candidates/${r.id}`)).statusCode, 404);
    assert.equal(
      (await api().post(elsewhere, `/api/advocacy/story-candidates/${r.id}/review`, { decision: "reject" })).statusCode,
      404,
    );
    const text = "Seen in its own region only.";
    assert.equal((await review(r.id, { decision: "approve", text })).statusCode, 200);
    const regionalAnalyst = await signInAs(t.app, await createStaffAccount(t, "analyst", { areaIds: [other!.id] }));
    assert.ok(!(await stories(regionalAnalyst)).some((s) => s.text === text));
    assert.ok((await stories()).some((s) => s.text === text));
  });

  test("responders, admins and auditors reach neither list", async () => {
    for (const role of ["first_responder", "country_admin", "system_admin", "auditor"] as const) {
      const cookie = await signInAs(t.app, account(t.demoAccounts, role));
      assert.equal((await api().get(cookie, "/api/advocacy/stories")).statusCode, 403, role);
      assert.equal((await api().get(cookie, "/api/advocacy/story-candidates")).statusCode, 403, role);
    }
    assert.equal((await api().get(analyst, "/api/advocacy/story-candidates")).statusCode, 403);
  });
});
