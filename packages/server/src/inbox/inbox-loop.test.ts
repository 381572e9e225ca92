import assert from "node:assert/strict";
import crypto from "node:crypto";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import { submitReport } from "../testing/inbox-fixtures.js";
import { account, signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";

/** Issue #20, items 9, 10, 12-14: the loop as a responder and a data manager live it. */
describe("inbox: reopened by the reporter, taking work, outcomes, names and queue filters", () => {
  let t: TestApp;
  let dm: string;
  let responderA: string;
  let responderB: string;
  let responderAId: string;
  let districtA: string;

  before(async () => {
    t = await createTestApp();
    dm = await signInAs(t.app, account(t.demoAccounts, "data_manager"));
    responderA = await signInAs(t.app, account(t.demoAccounts, "first_responder", 0));
    responderB = await signInAs(t.app, account(t.demoAccounts, "first_responder", 1));
    districtA = account(t.demoAccounts, "first_responder", 0).scope.districtIds[0]!;
    responderAId = (await get(responderA, "/api/me")).json().id;
  });
  after(async () => t.close());

  const get = (cookie: string, url: string) => t.app.inject({ method: "GET", url, headers: { cookie } });
  const post = (cookie: string, url: string, payload: unknown) =>
    t.app.inject({ method: "POST", url, headers: { cookie }, payload: payload as object });
  const track = (code: string, path: string, payload: object) =>
    t.app.inject({ method: "POST", url: `/api/reports/track/${code}/${path}`, payload });

  // The shared fixture's report, without its description (these reports are told apart by channel and phone only).
  const submit = (extra: Record<string, unknown> = {}) =>
    submitReport(t, districtA, { description: undefined, ...extra });

  async function listed(cookie: string, code: string, filters = "") {
    const res = await get(cookie, `/api/inbox/reports?q=${code}${filters}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json().items[0];
  }

  const displayName = async (id: string) =>
    (await t.database.rows<{ n: string }>(sql`SELECT display_name AS n FROM staff_users WHERE id = ${id}`))[0]!.n;

  test("a responder takes unassigned work in scope; colleagues then see who holds it, by name", async () => {
    const { code, id } = await submit();
    assert.equal((await post(responderA, `/api/inbox/reports/${id}/take`, {})).statusCode, 409, "not validated yet");
    await post(dm, `/api/inbox/reports/${id}/decision`, { decision: "validate" });
    assert.equal((await post(responderB, `/api/inbox/reports/${id}/take`, {})).statusCode, 404, "out of scope");
    const taken = await post(responderA, `/api/inbox/reports/${id}/take`, {});
    assert.equal(taken.statusCode, 200, taken.body);
    const again = await post(responderA, `/api/inbox/reports/${id}/take`, {});
    assert.equal(again.statusCode, 403, "a held report is not taken over");

    const name = await displayName(responderAId);
    assert.equal((await listed(dm, code)).assigneeName, name, "the queue names the assignee");
    const detail = (await get(dm, `/api/inbox/reports/${id}`)).json();
    assert.equal(detail.assigneeName, name);
    const assignment = detail.timeline.find((e: { type: string }) => e.type === "assignment");
    assert.equal(assignment.actorId, responderAId);
    assert.equal(assignment.details.assigneeId, responderAId);
    assert.equal(detail.names[responderAId], name, "the timeline's actor and assignee have names");
  });

  test("resolving needs an outcome, and records the protocol steps skipped; referring needs where to", async () => {
    const { id } = await submit();
    await post(dm, `/api/inbox/reports/${id}/decision`, { decision: "validate" });
    await post(responderA, `/api/inbox/reports/${id}/take`, {});
    const bare = await post(responderA, `/api/inbox/reports/${id}/status`, { status: "resolved" });
    assert.equal(bare.statusCode, 400);
    assert.equal(bare.json().error.code, "VALIDATION_FAILED");
    const unsaidOther = await post(responderA, `/api/inbox/reports/${id}/status`, {
      status: "resolved",
      outcome: "other",
    });
    assert.equal(unsaidOther.statusCode, 400, "'other' says what in a note");
    const nowhere = await post(responderA, `/api/inbox/reports/${id}/status`, { status: "referred" });
    assert.equal(nowhere.statusCode, 400);
    assert.equal((await get(dm, `/api/inbox/reports/${id}`)).json().status, "validated", "nothing changed");

    const referred = await post(responderA, `/api/inbox/reports/${id}/status`, {
      status: "referred",
      referredTo: "District legal aid office",
    });
    assert.equal(referred.statusCode, 200, referred.body);
    const steps = (await get(responderA, `/api/inbox/reports/${id}/protocol`)).json().steps as { code: string }[];
    await post(responderA, `/api/inbox/reports/${id}/protocol-steps`, { stepCode: steps[0]!.code, done: true });
    const resolved = await post(responderA, `/api/inbox/reports/${id}/status`, {
      status: "resolved",
      outcome: "resolved_after_referral",
    });
    assert.equal(resolved.statusCode, 200, resolved.body);
    const timeline = (await get(dm, `/api/inbox/reports/${id}`)).json().timeline as {
      toStatus: string;
      details: Record<string, unknown>;
    }[];
    assert.equal(timeline.find((e) => e.toStatus === "referred")?.details.referredTo, "District legal aid office");
    const resolution = timeline.find((e) => e.toStatus === "resolved")!;
    assert.equal(resolution.details.outcome, "resolved_after_referral");
    assert.deepEqual(
      resolution.details.skippedSteps,
      steps.slice(1).map((s) => s.code),
    );
  });

  test("'No, not solved' reopens it as the reporter's act, restarts the resolution clock and returns it to its last handler", async () => {
    const { code, id } = await submit();
    await post(dm, `/api/inbox/reports/${id}/decision`, { decision: "validate" });
    await post(responderA, `/api/inbox/reports/${id}/take`, {});
    await post(responderA, `/api/inbox/reports/${id}/status`, { status: "resolved", outcome: "service_provided" });
    // The data manager cleared the assignment once it was resolved: nobody would hear of the reopening.
    assert.equal((await post(dm, `/api/inbox/reports/${id}/assignment`, { assigneeId: null })).statusCode, 200);
    const before = (await get(responderA, `/api/inbox/reports/${id}/protocol`)).json();
    assert.ok(before.sla.resolution.metAt, "the clock stopped at the resolution");

    const no = await track(code, "confirmation", { resolved: false, comment: "They still ask me to pay." });
    assert.equal(no.statusCode, 200, no.body);

    const item = await listed(responderA, code, "&reopened=true&assigneeId=me");
    assert.ok(item, "back in the last handler's queue, under 'reopened'");
    assert.equal(item.reopenedByReporter, true);
    assert.equal(item.status, "in_progress");
    assert.equal(item.reporterReplied, true, "the reporter's comment waits for an answer");
    const detail = (await get(responderA, `/api/inbox/reports/${id}`)).json();
    assert.equal(detail.assigneeId, responderAId);
    const reopening = detail.timeline.find((e: { details: { reopened?: boolean } }) => e.details.reopened);
    assert.equal(reopening.actorType, "reporter", "the reporter reopened it, not staff");
    assert.equal(reopening.toStatus, "in_progress");
    const after = (await get(responderA, `/api/inbox/reports/${id}/protocol`)).json();
    assert.equal(after.sla.resolution.metAt, null, "the resolution clock runs again");

    assert.equal(
      (await post(responderA, `/api/inbox/reports/${id}/messages`, { body: "I am calling them now." })).statusCode,
      200,
    );
    assert.equal((await listed(responderA, code, "&replied=true")) ?? null, null, "answered: no longer waiting");
  });

  test("the queue filters by channel and possible duplicate, and flags duplicates", async () => {
    const phone = `+999 55 ${String(crypto.randomInt(100, 999))} ${String(crypto.randomInt(1000, 9999))}`;
    const first = await submit({ channel: "ussd", contact: { phone } });
    const second = await submit({ contact: { phone } });
    const alone = await submit({ channel: "ussd" });
    assert.equal((await listed(dm, first.code)).possibleDuplicate, true);
    assert.equal((await listed(dm, second.code, "&duplicate=true")).possibleDuplicate, true);
    assert.equal((await listed(dm, alone.code, "&duplicate=true")) ?? null, null);
    assert.ok(await listed(dm, alone.code, "&channel=ussd"));
    assert.equal((await listed(dm, second.code, "&channel=ussd,sms")) ?? null, null);
    assert.equal((await get(dm, "/api/inbox/reports?channel=pigeon")).statusCode, 400);
  });

  test("the queue filters by facility and by who reported", async () => {
    const [facility] = await t.database.rows<{ id: string }>(
      sql`SELECT id FROM facilities WHERE district_id = ${districtA} ORDER BY code LIMIT 1`,
    );
    const atFacility = await submit({ facilityId: facility!.id });
    const inDistrict = await submit({ reporterMode: "self" });
    // As a peer supporter's report would be (their sign-in is not what this test is about).
    await t.database.db.execute(sql`UPDATE reports SET reporter_mode = 'on_behalf' WHERE id = ${atFacility.id}`);
    assert.ok(await listed(dm, atFacility.code, `&facilityId=${facility!.id}`));
    assert.equal((await listed(dm, inDistrict.code, `&facilityId=${facility!.id}`)) ?? null, null);
    assert.ok(await listed(dm, atFacility.code, "&reporterMode=on_behalf"));
    assert.equal((await listed(dm, atFacility.code, "&reporterMode=self")) ?? null, null);
    assert.ok(await listed(dm, inDistrict.code, "&reporterMode=self"));
    // Another district's responder does not learn of the report by filtering on its facility.
    assert.equal((await listed(responderB, atFacility.code, `&facilityId=${facility!.id}`)) ?? null, null);
  });

  test("a data manager merges a duplicate: declined as its duplicate, counted once, audited, still trackable", async () => {
    const phone = `+999 55 ${String(crypto.randomInt(100, 999))} ${String(crypto.randomInt(1000, 9999))}`;
    const kept = await submit({ contact: { phone } });
    const dup = await submit({ contact: { phone } });
    await post(dm, `/api/inbox/reports/${kept.id}/decision`, { decision: "validate" });
    const merge = (cookie: string, id: string, intoId: string) =>
      post(cookie, `/api/inbox/reports/${id}/merge`, { intoId });
    assert.equal((await merge(responderA, dup.id, kept.id)).statusCode, 403, "a data manager's decision");
    assert.equal((await merge(dm, dup.id, dup.id)).statusCode, 400, "not into itself");
    assert.equal((await merge(dm, dup.id, crypto.randomUUID())).statusCode, 400, "not into an unknown report");
    const merged = await merge(dm, dup.id, kept.id);
    assert.equal(merged.statusCode, 200, merged.body);
    assert.equal((await merge(dm, dup.id, kept.id)).statusCode, 409, "once");
    assert.equal((await merge(dm, kept.id, dup.id)).statusCode, 400, "not into a merged report");

    const dupDetail = (await get(dm, `/api/inbox/reports/${dup.id}`)).json();
    assert.equal(dupDetail.status, "declined");
    assert.equal(dupDetail.declineReason, "duplicate", "so it does not count as a second validated challenge");
    const keptDetail = (await get(dm, `/api/inbox/reports/${kept.id}`)).json();
    assert.ok(keptDetail.timeline.some((e: { type: string; details: { mergedId?: string } }) => e.type === "merge"));
    const audited = await t.database.rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'report.merge' AND entity_id = ${dup.id}`,
    );
    assert.equal(audited[0]?.n, 1);

    await post(responderA, `/api/inbox/reports/${kept.id}/take`, {});
    await post(responderA, `/api/inbox/reports/${kept.id}/status`, { status: "in_progress" });
    const tracked = (await t.app.inject({ method: "GET", url: `/api/reports/track/${dup.code}` })).json();
    assert.deepEqual(tracked.mergedInto, { status: "in_progress" }, "its reporter follows the report that stays");
    const keptTracked = (await t.app.inject({ method: "GET", url: `/api/reports/track/${kept.code}` })).json();
    assert.equal(keptTracked.mergedInto, null);

    const reopened = await post(dm, `/api/inbox/reports/${dup.id}/reopen`, { note: "Not the same problem after all" });
    assert.equal(reopened.statusCode, 200, reopened.body);
    const own = (await t.app.inject({ method: "GET", url: `/api/reports/track/${dup.code}` })).json();
    assert.equal(own.mergedInto, null, "reopened, it is its own report again");
  });
});
