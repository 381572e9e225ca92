import assert from "node:assert/strict";
import crypto from "node:crypto";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import { getSetting, putSetting } from "../platform/platform.repo.js";
import { invalidateReportLookups } from "../reports/reports.lookups.js";
import { account, signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";

describe("first responder inbox", () => {
  let t: TestApp;
  let dm: string; // data manager, scoped to region A
  let responderA: string; // first responder, district A1
  let responderB: string; // first responder, district in region B
  let analyst: string;
  let districtA: string;
  let districtB: string;

  before(async () => {
    t = await createTestApp();
    dm = await signInAs(t.app, account(t.demoAccounts, "data_manager"));
    responderA = await signInAs(t.app, account(t.demoAccounts, "first_responder", 0));
    responderB = await signInAs(t.app, account(t.demoAccounts, "first_responder", 1));
    analyst = await signInAs(t.app, account(t.demoAccounts, "analyst"));
    districtA = account(t.demoAccounts, "first_responder", 0).scope.districtIds[0]!;
    districtB = account(t.demoAccounts, "first_responder", 1).scope.districtIds[0]!;
  });
  after(async () => t.close());

  async function submit(extra: Record<string, unknown> = {}) {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/reports",
      payload: {
        clientId: crypto.randomUUID(),
        channel: "app",
        reporterMode: "self",
        categoryCode: "health_services",
        subcategoryCode: "health_services.availability",
        challengeTypes: [],
        description: "The clinic had no medicines for two weeks",
        districtId: districtA,
        language: "fr",
        ...extra,
      },
    });
    assert.equal(res.statusCode, 201, res.body);
    const code = res.json().trackingCode as string;
    const list = await t.app.inject({ method: "GET", url: `/api/inbox/reports?q=${code}`, headers: { cookie: dm } });
    const item = list.json().items.find((i: { trackingCode: string }) => i.trackingCode === code);
    return { code, id: item?.id as string };
  }

  const get = (cookie: string, url: string) => t.app.inject({ method: "GET", url, headers: { cookie } });
  const post = (cookie: string, url: string, payload: unknown) =>
    t.app.inject({ method: "POST", url, headers: { cookie }, payload: payload as object });

  test("a new report appears once in the queue of staff whose scope covers it, and nowhere else", async () => {
    const { code, id } = await submit();
    assert.ok(id, "the data manager of the region sees it");
    const mine = await get(responderA, `/api/inbox/reports?q=${code}`);
    assert.equal(mine.json().items.length, 1);
    const other = await get(responderB, `/api/inbox/reports?q=${code}`);
    assert.equal(other.json().items.length, 0, "a responder elsewhere does not see it");
    const detail = await get(responderB, `/api/inbox/reports/${id}`);
    assert.equal(detail.statusCode, 404, "out of scope reads as not found");
    const act = await post(responderB, `/api/inbox/reports/${id}/notes`, { body: "x" });
    assert.equal(act.statusCode, 404, "and cannot be changed");
    assert.equal((await get(analyst, "/api/inbox/reports")).statusCode, 403, "analysts cannot reach the inbox");
  });

  test("validate, then deciding again is refused; the reporter sees the decision and an acknowledgement", async () => {
    const { code, id } = await submit();
    const ok = await post(dm, `/api/inbox/reports/${id}/decision`, { decision: "validate" });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().status, "validated");
    const again = await post(dm, `/api/inbox/reports/${id}/decision`, { decision: "decline", reason: "spam" });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.code, "ALREADY_DECIDED");
    const tracked = (await t.app.inject({ method: "GET", url: `/api/reports/track/${code}` })).json();
    assert.equal(tracked.status, "validated");
    assert.ok(tracked.timeline.some((e: { status: string }) => e.status === "validated"));
    assert.ok(
      tracked.messages.some((m: { from: string; body: string }) => m.from === "responder" && /accepté/.test(m.body)),
      "acknowledged in the reporter's language",
    );
  });

  test("a decline carries its reason to the reporter; only a data manager reopens it, with a note", async () => {
    const { code, id } = await submit();
    const noReason = await post(dm, `/api/inbox/reports/${id}/decision`, { decision: "decline" });
    assert.equal(noReason.statusCode, 400);
    const declined = await post(dm, `/api/inbox/reports/${id}/decision`, {
      decision: "decline",
      reason: "insufficient_information",
    });
    assert.equal(declined.json().status, "declined");
    const tracked = (await t.app.inject({ method: "GET", url: `/api/reports/track/${code}` })).json();
    assert.equal(tracked.status, "declined");
    const detail = (await get(dm, `/api/inbox/reports/${id}`)).json();
    assert.equal(detail.declineReason, "insufficient_information");
    assert.equal((await post(responderA, `/api/inbox/reports/${id}/reopen`, { note: "x" })).statusCode, 403);
    const reopened = await post(dm, `/api/inbox/reports/${id}/reopen`, { note: "The reporter added details" });
    assert.equal(reopened.json().status, "submitted");
  });

  test("two people editing one report: the stale version gets 409, not a silent overwrite", async () => {
    const { id } = await submit();
    const v = (await get(dm, `/api/inbox/reports/${id}`)).json().version;
    const first = await post(dm, `/api/inbox/reports/${id}/decision`, { decision: "validate", version: v });
    assert.equal(first.statusCode, 200);
    const stale = await post(dm, `/api/inbox/reports/${id}/assignment`, { assigneeId: null, version: v });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().error.code, "VERSION_CONFLICT");
  });

  test("assignment, handling and messages flow both ways while internal notes stay internal", async () => {
    const { code, id } = await submit({
      contact: { phone: "+999 55 123 4567" },
      consent: { contactMe: true, shareDeidentified: true, useInAdvocacyStories: false },
    });
    const responderId = (await get(responderA, "/api/me")).json().id;
    await post(dm, `/api/inbox/reports/${id}/decision`, { decision: "validate" });
    const before = (await get(responderA, `/api/inbox/reports/${id}`)).json();
    assert.equal(before.personal, null, "a responder not assigned sees no personal data");
    const dmId = (await get(dm, "/api/me")).json().id;
    assert.equal((await post(dm, `/api/inbox/reports/${id}/assignment`, { assigneeId: dmId })).statusCode, 200);
    const notYours = await post(responderA, `/api/inbox/reports/${id}/status`, { status: "in_progress" });
    assert.equal(notYours.statusCode, 403, "a report assigned to a colleague is theirs to handle");
    const wrongAssignee = await post(dm, `/api/inbox/reports/${id}/assignment`, {
      assigneeId: (await get(responderB, "/api/me")).json().id,
    });
    assert.equal(wrongAssignee.statusCode, 400, "a responder outside the district cannot be assigned");
    assert.equal((await post(dm, `/api/inbox/reports/${id}/assignment`, { assigneeId: responderId })).statusCode, 200);
    const assigned = (await get(responderA, `/api/inbox/reports/${id}`)).json();
    assert.equal(assigned.personal.phone, "+999 55 123 4567");
    assert.match(assigned.personal.description, /no medicines/);

    assert.equal(
      (await post(responderA, `/api/inbox/reports/${id}/status`, { status: "in_progress" })).statusCode,
      200,
    );
    assert.equal(
      (await post(responderA, `/api/inbox/reports/${id}/messages`, { body: "We are calling the clinic today." }))
        .statusCode,
      200,
    );
    assert.equal(
      (await post(responderA, `/api/inbox/reports/${id}/notes`, { body: "Head nurse is Mr X, hostile" })).statusCode,
      200,
    );
    const reply = await t.app.inject({
      method: "POST",
      url: `/api/reports/track/${code}/messages`,
      payload: { body: "Thank you, still no pills" },
    });
    assert.equal(reply.statusCode, 201);

    const tracked = (await t.app.inject({ method: "GET", url: `/api/reports/track/${code}` })).json();
    assert.ok(tracked.messages.some((m: { body: string }) => m.body === "We are calling the clinic today."));
    assert.ok(!JSON.stringify(tracked).includes("hostile"), "internal notes never reach the reporter");
    const inbox = (await get(responderA, `/api/inbox/reports/${id}`)).json();
    assert.ok(
      inbox.messages.some(
        (m: { from: string; body: string }) => m.from === "reporter" && m.body === "Thank you, still no pills",
      ),
    );
    assert.ok(inbox.timeline.some((e: { type: string; note: string }) => e.type === "note" && /hostile/.test(e.note)));
    assert.ok(inbox.firstResponseAt, "the first response time is recorded");

    assert.equal((await post(responderA, `/api/inbox/reports/${id}/status`, { status: "closed" })).statusCode, 200);
    const illegal = await post(responderA, `/api/inbox/reports/${id}/status`, { status: "in_progress" });
    assert.equal(illegal.statusCode, 409);
    assert.equal(illegal.json().error.code, "INVALID_TRANSITION");

    const auditor = await signInAs(t.app, account(t.demoAccounts, "auditor"));
    const events = (await get(auditor, `/api/audit-events?entity=report&entityId=${id}&limit=50`)).json().items;
    const actions = events.map((e: { action: string }) => e.action);
    for (const a of [
      "report.validate",
      "report.assign",
      "report.status",
      "report.message",
      "report.note",
      "report.view_personal",
    ]) {
      assert.ok(actions.includes(a), `audited: ${a}`);
    }
  });

  test("duplicate candidates: a phone typed in the national form matches its international form", async () => {
    const country = await getSetting<Record<string, unknown>>(t.database.db, "country");
    // A real numbering plan (Demoland's code is fictional): Mozambique dials 84 123 4567 at home.
    await putSetting(t.database.db, "country", { ...country, code: "MZ" });
    invalidateReportLookups();
    try {
      const international = await submit({ contact: { phone: "+258 84 765 4321" } });
      const national = await submit({ contact: { phone: "84 765 4321" } });
      const other = await submit({ contact: { phone: "84 765 4322" } });
      const dupes = (await get(dm, `/api/inbox/reports/${national.id}/duplicates`)).json().items;
      assert.deepEqual(
        dupes.map((d: { id: string; match: string[] }) => [d.id, d.match]),
        [[international.id, ["phone"]]],
      );
      assert.ok(!dupes.some((d: { id: string }) => d.id === other.id));
    } finally {
      await putSetting(t.database.db, "country", country);
      invalidateReportLookups();
    }
  });

  test("duplicate candidates: same phone, subcategory and district within the window are flagged, not declined", async () => {
    const phone = { contact: { phone: "+999 77 000 1111" } };
    const first = await submit(phone);
    const second = await submit(phone);
    const otherPlace = await submit({ ...phone, districtId: districtB });
    const dupes = (await get(dm, `/api/inbox/reports/${second.id}/duplicates`)).json().items;
    assert.deepEqual(
      dupes.map((d: { id: string }) => d.id),
      [first.id],
    );
    assert.deepEqual(dupes[0].match, ["phone"]);
    assert.equal((await get(dm, `/api/inbox/reports/${second.id}`)).json().status, "submitted", "never auto-declined");
    assert.ok(!dupes.some((d: { id: string }) => d.id === otherPlace.id));
    const marked = await post(dm, `/api/inbox/reports/${second.id}/decision`, {
      decision: "decline",
      reason: "duplicate",
      duplicateOfId: first.id,
    });
    assert.equal(marked.statusCode, 200);
  });

  test("filters, counts and cursor pagination", async () => {
    for (let i = 0; i < 3; i++) await submit({ categoryCode: "stigma", subcategoryCode: "stigma.employment" });
    const page1 = (await get(dm, "/api/inbox/reports?categoryCode=stigma&limit=2")).json();
    assert.equal(page1.items.length, 2);
    assert.ok(page1.nextCursor);
    const page2 = (await get(dm, `/api/inbox/reports?categoryCode=stigma&limit=2&cursor=${page1.nextCursor}`)).json();
    const ids = [...page1.items, ...page2.items].map((i: { id: string }) => i.id);
    assert.equal(new Set(ids).size, ids.length, "no report twice across pages");
    assert.ok(ids.length >= 3);
    const counts = (await get(dm, `/api/inbox/reports?categoryCode=stigma&status=submitted`)).json().counts;
    assert.ok(counts.submitted >= 3);
    const byArea = (await get(dm, `/api/inbox/reports?areaId=${districtA}&limit=100`)).json().items;
    assert.ok(byArea.every((i: { districtId: string }) => i.districtId === districtA));
    // Counts from the maintained counters equal a live count of the same queue.
    const counted = (await get(dm, "/api/inbox/reports")).json().counts;
    const live = (await get(dm, "/api/inbox/reports?overdue=false")).json().counts;
    const liveOverdue = (await get(dm, "/api/inbox/reports?overdue=true")).json().counts;
    for (const status of new Set([...Object.keys(counted), ...Object.keys(live), ...Object.keys(liveOverdue)])) {
      assert.equal(counted[status] ?? 0, (live[status] ?? 0) + (liveOverdue[status] ?? 0), status);
    }
    // Past the first-response target with no response: overdue in the queue and in the detail alike.
    const late = await submit();
    await t.database.db.execute(sql`UPDATE reports SET created_at = now() - interval '4 days' WHERE id = ${late.id}`);
    const lateRow = (await get(dm, `/api/inbox/reports?q=${late.code}`)).json().items[0];
    assert.equal(lateRow.overdue, true);
    assert.equal((await get(dm, `/api/inbox/reports/${late.id}`)).json().overdue, true);
    const fresh = await submit();
    assert.equal((await get(dm, `/api/inbox/reports/${fresh.id}`)).json().overdue, false);
    const bad = await get(dm, "/api/inbox/reports?cursor=garbage");
    assert.equal(bad.statusCode, 400);
  });
});
