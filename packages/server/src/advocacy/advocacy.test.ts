import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { AdvocacyCase, AdvocacyCaseSummary } from "@openclm/contracts";
import { sql } from "drizzle-orm";
import PDFDocument from "pdfkit";
import { perturb } from "../dashboard/disclosure.js";
import { fontsDir } from "../paths.js";
import { createFacility } from "../testing/facility-factory.js";
import { auditActionsFor, staffCalls, submitReport } from "../testing/inbox-fixtures.js";
import { inkIn, lineLetters, PDFTOPPM, pdfPages } from "../testing/pdf-pages.js";
import { createStaffAccount } from "../testing/staff-factory.js";
import { account, signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";
import * as repo from "./advocacy.repo.js";
import { caseThreshold, controlled } from "./advocacy-figures.js";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const today = () => new Date().toISOString().slice(0, 10);
const shared = { consent: { contactMe: false, shareDeidentified: true, useInAdvocacyStories: false } };

/** A pdfkit document's bytes, once ended. */
function pdfBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  doc.end();
  return done;
}

/** The calendar quarter containing today, as published figures need. */
function thisQuarter() {
  const d = new Date();
  const q = Math.floor(d.getUTCMonth() / 3);
  const from = new Date(Date.UTC(d.getUTCFullYear(), q * 3, 1)).toISOString().slice(0, 10);
  const to = new Date(Date.UTC(d.getUTCFullYear(), q * 3 + 3, 0)).toISOString().slice(0, 10);
  return { from, to };
}

/** Issue 24: advocacy cases, their actions and outcome, the review pack, closing the loop. */
describe("advocacy cases", () => {
  let t: TestApp;
  let analyst: string;
  let dm: string;
  let districtA: string;
  let districtB: string;
  let facility: string;
  const api = () => staffCalls(t);

  /** A validated report at the test's own facility, with a chosen record key (the cell key's part). */
  async function validatedReport(key: number, createdAt?: string) {
    const r = await submitReport(t, districtA, { ...shared, facilityId: facility });
    await t.database.db.execute(
      sql`UPDATE reports SET status = 'validated', validated_at = now(), record_key = ${key},
          created_at = coalesce(${createdAt ?? null}::timestamptz, created_at) WHERE id = ${r.id}`,
    );
    return r;
  }
  const open = async (cookie: string, body: Record<string, unknown>) => {
    const res = await api().post(cookie, "/api/advocacy/cases", {
      title: "Asked to pay for medicines",
      filters: [
        ["is", "district", [districtA]],
        ["is", "facility", [facility]],
      ],
      from: "2020-01-01",
      dutyBearer: { name: "District health office", type: "district_health_office" },
      ask: "Stop charging for medicines",
      ...body,
    });
    return res;
  };
  const get = async (id: string, cookie = analyst): Promise<AdvocacyCase> => {
    const res = await api().get(cookie, `/api/advocacy/cases/${id}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };
  const status = (id: string, body: Record<string, unknown>, cookie = analyst) =>
    api().post(cookie, `/api/advocacy/cases/${id}/status`, body);
  const upload = (id: string, actionId: string, type: string, bytes: Buffer, cookie = analyst) =>
    t.app.inject({
      method: "POST",
      url: `/api/advocacy/cases/${id}/actions/${actionId}/documents?name=minutes.pdf`,
      headers: { cookie, "content-type": type },
      payload: bytes,
    });

  before(async () => {
    t = await createTestApp();
    analyst = await signInAs(t.app, account(t.demoAccounts, "analyst"));
    dm = await signInAs(t.app, account(t.demoAccounts, "data_manager"));
    districtA = account(t.demoAccounts, "first_responder", 0).scope.districtIds[0]!;
    districtB = account(t.demoAccounts, "first_responder", 1).scope.districtIds[0]!;
    facility = (await createFacility(t, districtA)).id;
  });
  after(async () => t.close());

  test("a case counts matching reports live, through disclosure control, and differencing learns nothing", async () => {
    const created = await open(analyst, {});
    assert.equal(created.statusCode, 201, created.body);
    const { id } = created.json();
    assert.equal((await get(id)).reportCount, 0);
    // Three reports: a perturbed count below the threshold is hidden, whatever it is.
    for (const k of [100, 200, 300]) await validatedReport(k);
    const small = await get(id);
    const shown3 = perturb(3, 600);
    assert.equal(small.reportCount, shown3 > 0 && shown3 < 5 ? null : shown3);
    // Live: new matching reports join the case; pending and declined ones do not.
    const keys = [11, 22, 33, 44, 55, 66, 77, 88, 99];
    for (const k of keys) await validatedReport(k);
    await submitReport(t, districtA, { ...shared, facilityId: facility });
    const n = 12;
    const key = (600 + keys.reduce((a, b) => a + b, 0)) % 65536;
    assert.equal((await get(id)).reportCount, perturb(n, key));
    // Asked again, or as another case over the same reports: the same value (nothing to average away).
    const twin = (await open(analyst, { title: "Same selection" })).json().id;
    assert.equal((await get(twin)).reportCount, perturb(n, key));
    assert.equal((await get(id)).reportCount, perturb(n, key));
    // Differencing: a case from a day later leaves out one back-dated report; its count carries its own noise.
    const late = await validatedReport(40000, "2020-01-01T06:00:00Z");
    const later = (await open(analyst, { title: "From a day later", from: "2020-01-02" })).json().id;
    const whole = (await get(id)).reportCount;
    const part = (await get(later)).reportCount;
    assert.equal(whole, perturb(n + 1, (key + 40000) % 65536));
    assert.equal(part, perturb(n, key));
    assert.notEqual((whole ?? 0) - (part ?? 0), 1, "the difference of two cases is not the hidden report");
    assert.ok(late.id);
  });

  test("scope: cases outside the reader's areas answer 404, and areas outside scope cannot be chosen", async () => {
    const inB = await open(analyst, { filters: [["is", "district", [districtB]]] });
    assert.equal(inB.statusCode, 201, inB.body);
    const idB = inB.json().id;
    // The data manager's scope is region A: district B's case does not exist for them.
    for (const res of [
      await api().get(dm, `/api/advocacy/cases/${idB}`),
      await api().post(dm, `/api/advocacy/cases/${idB}/actions`, { kind: "meeting", on: today(), note: "x" }),
      await status(idB, { status: "in_dialogue" }, dm),
    ])
      assert.equal(res.statusCode, 404, res.body);
    const list: AdvocacyCaseSummary[] = (await api().get(dm, "/api/advocacy/cases")).json().items;
    assert.ok(!list.some((c) => c.id === idB));
    const refused = await open(dm, { filters: [["is", "district", [districtB]]] });
    assert.equal(refused.statusCode, 404, refused.body);
    // A data manager with no area in the selection gets their one region added: the case is theirs to see.
    const mine = await open(dm, { filters: [["is", "category", ["health_services"]]] });
    assert.equal(mine.statusCode, 201, mine.body);
    const theirs = await get(mine.json().id, dm);
    assert.ok(theirs.filters.some(([, d]) => d === "region" || d === "district"));
    // A reader with an area elsewhere does not see it either.
    const other = await createStaffAccount(t, "analyst", { areaIds: [districtB] });
    const otherCookie = await signInAs(t.app, other);
    assert.equal((await api().get(otherCookie, `/api/advocacy/cases/${mine.json().id}`)).statusCode, 404);
    // Escalated reports outside scope cannot be linked.
    const rB = await submitReport(t, districtB, shared);
    const linked = await open(dm, { filters: [], reportIds: [rB.id] });
    assert.equal(linked.statusCode, 404, linked.body);
    // Time is chosen with `from`, not as a filter.
    const bad = await open(analyst, { filters: [["is", "month", ["2026-01"]]] });
    assert.equal(bad.statusCode, 400, bad.body);
  });

  test("actions with documents: only files whose bytes match their type, within the size limit", async () => {
    const id = (await open(analyst, { title: "Documents" })).json().id;
    const action = await api().post(analyst, `/api/advocacy/cases/${id}/actions`, {
      kind: "meeting",
      on: today(),
      note: "Met the district health officer",
    });
    assert.equal(action.statusCode, 201, action.body);
    const actionId = action.json().id;
    const ok = await upload(id, actionId, "application/pdf", PDF);
    assert.equal(ok.statusCode, 201, ok.body);
    assert.equal((await upload(id, actionId, "application/pdf", PNG)).statusCode, 415, "a PNG named PDF");
    const html = Buffer.from("<html><script>alert(1)</script></html>");
    assert.equal((await upload(id, actionId, "application/pdf", html)).statusCode, 415, "HTML named PDF");
    const fakeDocx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(60)]);
    const docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    assert.equal((await upload(id, actionId, docx, fakeDocx)).statusCode, 415, "a ZIP that is no office document");
    assert.equal((await upload(id, actionId, "text/html", html)).statusCode, 415);
    const big = Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]);
    assert.equal((await upload(id, actionId, "application/pdf", big)).statusCode, 413);
    const c = await get(id);
    assert.equal(c.actions.length, 1);
    assert.deepEqual(
      c.actions[0]!.documents.map((d) => d.contentType),
      ["application/pdf"],
    );
    const doc = await api().get(analyst, `/api/advocacy/cases/${id}/documents/${ok.json().id}`);
    assert.equal(doc.statusCode, 200);
    assert.match(String(doc.headers["content-disposition"]), /^attachment/);
    assert.equal(doc.rawPayload.subarray(0, 5).toString(), "%PDF-");
    assert.ok((await auditActionsFor(t, id)).includes("advocacy_case.document"));
  });

  test("status: open → in dialogue → commitment made → resolved, audited; no skipping to resolved", async () => {
    const id = (await open(analyst, { title: "Transitions" })).json().id;
    assert.equal((await status(id, { status: "resolved", outcome: "x" })).statusCode, 409);
    assert.equal((await status(id, { status: "in_dialogue", note: "Letter sent" })).statusCode, 200);
    const committed = await status(id, { status: "commitment_made", commitmentOn: today() });
    assert.equal(committed.statusCode, 200, committed.body);
    const c = await get(id);
    assert.equal(c.status, "commitment_made");
    assert.equal(c.commitmentOn, today());
    assert.deepEqual(
      c.history.map((h) => h.to),
      ["open", "in_dialogue", "commitment_made"],
    );
    // The trend runs six months before the commitment's month and every month since, each side marked.
    assert.equal(c.trend.length, 7);
    assert.equal(c.trend.at(-1)!.side, "after");
    assert.equal(c.trend[0]!.side, "before");
    assert.equal((await status(id, { status: "resolved" })).statusCode, 400, "resolving needs what changed");
    const audits = await auditActionsFor(t, id);
    assert.deepEqual(
      audits.filter((a) => a === "advocacy_case.status"),
      ["advocacy_case.status", "advocacy_case.status"],
    );
  });

  test("resolving publishes What changed with controlled figures, tells the reporters TB-free, lists it publicly", async () => {
    const id = (await open(analyst, { title: "Free medicines restored" })).json().id;
    await status(id, { status: "commitment_made" });
    const res = await status(id, {
      status: "resolved",
      outcome: "The clinic stopped charging for medicines.",
      publish: true,
      notifyReporters: true,
      announcement: { language: "en", title: "Medicines are free again", body: "The clinic no longer charges." },
    });
    assert.equal(res.statusCode, 200, res.body);
    const result = res.json();
    assert.ok(result.announcementId);
    assert.ok(result.notified >= 12);
    const list = await t.app.inject({ method: "GET", url: "/api/content?kind=announcement&language=en" });
    const item = list.json().items.find((i: { title: string }) => i.title === "Medicines are free again");
    assert.ok(item, list.body);
    const page = await t.app.inject({ method: "GET", url: `/api/content/${item.slug}?language=en` });
    assert.match(page.json().bodyHtml, /follows (\d+ )?reports from the community/);
    const messages = await t.database.rows<{ body_enc: string }>(
      sql`SELECT m.body_enc FROM report_messages m JOIN reports r ON r.id = m.report_id
          WHERE r.facility_id = ${facility} AND r.validated_at IS NOT NULL`,
    );
    const texts = messages.map((m) => t.cipher.decrypt(m.body_enc)).filter((x) => x.includes("led to a change"));
    assert.ok(texts.length >= 12);
    for (const text of texts) assert.doesNotMatch(text, /\bTB\b|tuberculosis/i);
    const pub = await t.app.inject({ method: "GET", url: "/api/public/advocacy-cases" });
    assert.equal(pub.statusCode, 200);
    const listed = pub.json().items.find((c: { id: string }) => c.id === id);
    assert.equal(listed.outcome, "The clinic stopped charging for medicines.");
    assert.doesNotMatch(pub.body, /reportId|trackingCode/);
    // Resolved is final.
    assert.equal((await status(id, { status: "open" })).statusCode, 409);
    assert.equal(
      (await api().post(analyst, `/api/advocacy/cases/${id}/actions`, { kind: "letter", on: today() })).statusCode,
      409,
    );
  });

  test("the quarterly review pack: a PDF and a self-contained HTML deck, in the chosen language", async () => {
    const { from, to } = thisQuarter();
    const pdf = await api().get(analyst, `/api/advocacy/review-pack?from=${from}&to=${to}&language=fr&format=pdf`);
    assert.equal(pdf.statusCode, 200, pdf.body.slice(0, 200));
    assert.equal(pdf.headers["content-type"], "application/pdf");
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), "%PDF-");
    const html = await api().get(analyst, `/api/advocacy/review-pack?from=${from}&to=${to}&language=fr&format=html`);
    assert.equal(html.statusCode, 200);
    assert.match(String(html.headers["content-security-policy"]), /default-src 'none'; style-src 'sha256-/);
    assert.match(html.body, /<html lang="fr">/);
    assert.match(html.body, /Revue trimestrielle/);
    assert.match(html.body, /Dossiers de plaidoyer ouverts/);
    assert.doesNotMatch(html.body, /<script/);
    const notCalendar = await api().get(analyst, `/api/advocacy/review-pack?from=${from}&to=${today()}&format=html`);
    if (to !== today()) assert.equal(notCalendar.statusCode, 400);
  });
  test("the list's counts come from one statement and equal each case's own count of its reports", async () => {
    for (const k of [7, 8, 9]) await validatedReport(k);
    const other = await submitReport(t, districtB, shared);
    await t.database.db.execute(
      sql`UPDATE reports SET status = 'validated', validated_at = now() WHERE id = ${other.id}`,
    );
    const made = [
      await open(analyst, { title: "Counts: facility" }),
      await open(analyst, { title: "Counts: district B", filters: [["is", "district", [districtB]]] }),
      await open(analyst, { title: "Counts: nothing yet", from: "2099-01-01" }),
      await open(analyst, { title: "Counts: linked by hand", from: "2099-01-01", reportIds: [other.id] }),
      await open(analyst, { title: "Counts: a category", filters: [["is", "category", ["health_services"]]] }),
    ];
    for (const m of made) assert.equal(m.statusCode, 201, m.body);
    const ids = made.map((m) => m.json().id as string);
    const rows = (await repo.listCases(t.database.db, "all", 500)).filter((r) => ids.includes(r.id));
    assert.equal(rows.length, ids.length);
    // One statement for every case: count the database calls the batch makes.
    let calls = 0;
    const counting = new Proxy(t.database.db, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (typeof value !== "function" || !["execute", "select", "selectDistinct"].includes(String(prop)))
          return value;
        return (...args: unknown[]) => {
          calls++;
          return value.apply(target, args);
        };
      },
    });
    const batch = await repo.countsWithKeys(counting, rows, false);
    assert.equal(calls, 1, "one query for five cases");
    // Each equals the count of exactly the reports the case matches.
    for (const r of rows)
      assert.deepEqual(batch.get(r.id), await repo.countWithKey(t.database.db, repo.caseReportsSql(r, false)));
    const byTitle = new Map(rows.map((r) => [r.title, batch.get(r.id)!]));
    assert.deepEqual(byTitle.get("Counts: nothing yet"), { n: 0, key: 0 });
    assert.equal(byTitle.get("Counts: linked by hand")!.n, 1, "the hand-linked report counts");
    assert.ok(byTitle.get("Counts: facility")!.n >= 3);
    // The list shows each case's controlled count, the same as its own page.
    const list: AdvocacyCaseSummary[] = (await api().get(analyst, "/api/advocacy/cases")).json().items;
    for (const id of ids) {
      const listed = list.find((c) => c.id === id);
      assert.ok(listed);
      assert.equal(listed.reportCount, (await get(id)).reportCount, listed.title);
    }
    const facilityCase = rows.find((r) => r.title === "Counts: facility")!;
    const { n, key } = byTitle.get("Counts: facility")!;
    const threshold = await caseThreshold(t.database.db, facilityCase.filters);
    assert.equal(list.find((c) => c.id === facilityCase.id)!.reportCount, controlled(n, key, threshold));
  });

  test("editing a case: title, ask, duty bearer, target date and an owner who manages cases in its area (audited)", async () => {
    const id = (await open(analyst, { title: "To edit" })).json().id;
    const staffId = async (email: string) =>
      (await t.database.rows<{ id: string }>(sql`SELECT id FROM staff_users WHERE email = ${email}`))[0]!.id;
    const dmId = await staffId(account(t.demoAccounts, "data_manager").email);
    const owners = await api().get(analyst, `/api/advocacy/cases/${id}/owners`);
    assert.equal(owners.statusCode, 200, owners.body);
    const ownerIds = owners.json().items.map((o: { id: string }) => o.id);
    assert.ok(ownerIds.includes(dmId), "the region's data manager may own a district's case");
    const responderId = await staffId(account(t.demoAccounts, "first_responder").email);
    assert.ok(!ownerIds.includes(responderId), "responders do not manage cases");
    const elsewhere = await createStaffAccount(t, "analyst", { areaIds: [districtB] });
    const elsewhereId = await staffId(elsewhere.email);
    assert.ok(!ownerIds.includes(elsewhereId), "an analyst who cannot see the area");
    const patch = (body: Record<string, unknown>, cookie = analyst) =>
      api().patch(cookie, `/api/advocacy/cases/${id}`, body);
    assert.equal((await patch({ ownerId: elsewhereId })).statusCode, 400);
    assert.equal((await patch({ ownerId: responderId })).statusCode, 400);
    assert.equal((await patch({})).statusCode, 400, "nothing to change");
    const res = await patch({
      title: "Charges for medicines at the clinic",
      ask: "Display the free-medicines notice",
      dutyBearer: { name: "Ministry of Health", type: "ministry" },
      dueOn: "2027-03-31",
      ownerId: dmId,
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json().changed, ["title", "ask", "dutyBearer", "dueOn", "ownerId"]);
    const c = await get(id);
    assert.equal(c.title, "Charges for medicines at the clinic");
    assert.equal(c.ask, "Display the free-medicines notice");
    assert.deepEqual(c.dutyBearer, { name: "Ministry of Health", type: "ministry" });
    assert.equal(c.dueOn, "2027-03-31");
    assert.equal(c.owner?.id, dmId);
    // The same again changes nothing and is not audited twice; the date can be cleared.
    assert.deepEqual((await patch({ title: "Charges for medicines at the clinic" })).json().changed, []);
    assert.deepEqual((await patch({ dueOn: null }, dm)).json().changed, ["dueOn"]);
    assert.equal((await get(id)).dueOn, null);
    assert.deepEqual(
      (await auditActionsFor(t, id)).filter((a) => a === "advocacy_case.update"),
      ["advocacy_case.update", "advocacy_case.update"],
    );
    // Out of scope: 404; resolved: 409.
    const otherCookie = await signInAs(t.app, elsewhere);
    assert.equal((await patch({ title: "x" }, otherCookie)).statusCode, 404);
    assert.equal((await api().get(otherCookie, `/api/advocacy/cases/${id}/owners`)).statusCode, 404);
    await status(id, { status: "commitment_made" });
    await status(id, { status: "resolved", outcome: "Notice displayed" });
    assert.equal((await patch({ title: "After" })).statusCode, 409);
  });

  test("from the inbox, a responder links a report to an open case about its place; scope holds", async () => {
    const caseA = (await open(analyst, { title: "Inbox: district A", from: "2099-01-01" })).json().id;
    const caseB = (
      await open(analyst, {
        title: "Inbox: district B",
        from: "2099-01-01",
        filters: [["is", "district", [districtB]]],
      })
    ).json().id;
    const responder = await signInAs(t.app, account(t.demoAccounts, "first_responder", 0));
    const responderB = await signInAs(t.app, account(t.demoAccounts, "first_responder", 1));
    const report = await submitReport(t, districtA, shared);
    const choices = await api().get(responder, `/api/inbox/reports/${report.id}/advocacy-cases`);
    assert.equal(choices.statusCode, 200, choices.body);
    const { linked, open: openCases } = choices.json() as { linked: { id: string }[]; open: { id: string }[] };
    assert.deepEqual(linked, []);
    assert.ok(openCases.some((c) => c.id === caseA));
    assert.ok(!openCases.some((c) => c.id === caseB), "a case about another district is not offered");
    const before = (await get(caseA)).linkedReports;
    const link = (caseId: string, cookie = responder, reportId = report.id) =>
      api().post(cookie, `/api/inbox/reports/${reportId}/advocacy-cases`, { caseId });
    const first = await link(caseA);
    assert.equal(first.statusCode, 200, first.body);
    assert.deepEqual(first.json(), { caseId: caseA, linked: true });
    assert.deepEqual((await link(caseA)).json(), { caseId: caseA, linked: false }, "linking twice changes nothing");
    assert.equal((await get(caseA)).linkedReports, before + 1);
    const after = (await api().get(responder, `/api/inbox/reports/${report.id}/advocacy-cases`)).json();
    assert.deepEqual(
      after.linked.map((c: { id: string }) => c.id),
      [caseA],
    );
    assert.ok(!after.open.some((c: { id: string }) => c.id === caseA));
    assert.deepEqual(
      (await auditActionsFor(t, caseA)).filter((a) => a === "advocacy_case.link"),
      ["advocacy_case.link"],
    );
    // Scope: another district's responder sees neither the report nor the case.
    assert.equal((await api().get(responderB, `/api/inbox/reports/${report.id}/advocacy-cases`)).statusCode, 404);
    const reportB = await submitReport(t, districtB, shared);
    assert.equal((await link(caseA, responderB, reportB.id)).statusCode, 404, "case A is not theirs to see");
    assert.equal((await link(caseB, responder)).statusCode, 404, "case B is not the responder's to see");
    // The data manager links too; a declined report or a resolved case is refused.
    assert.equal((await link(caseA, dm, (await submitReport(t, districtA, shared)).id)).statusCode, 200);
    const declined = await submitReport(t, districtA, shared);
    await t.database.db.execute(sql`UPDATE reports SET status = 'declined' WHERE id = ${declined.id}`);
    assert.equal((await link(caseA, responder, declined.id)).statusCode, 409);
    // A practice report (training mode) is offered no case and joins none, whoever asks: the case counts live reports.
    const practice = await submitReport(t, districtA, { ...shared, training: true });
    const practiceChoices = (await api().get(dm, `/api/inbox/reports/${practice.id}/advocacy-cases`)).json();
    assert.deepEqual(practiceChoices.open, [], "no case is offered for a practice report");
    const refusedPractice = await link(caseA, dm, practice.id);
    assert.equal(refusedPractice.statusCode, 409, refusedPractice.body);
    assert.equal(refusedPractice.json().error.details.problem, "practice_report");
    await status(caseA, { status: "commitment_made" });
    await status(caseA, { status: "resolved", outcome: "Done" });
    const late = await submitReport(t, districtA, shared);
    assert.equal((await link(caseA, responder, late.id)).statusCode, 409);
    assert.equal((await api().get(analyst, `/api/inbox/reports/${late.id}/advocacy-cases`)).statusCode, 403);
  });
  test("the review pack's PDF looked at as images: a page a section, none blank, Russian and Khmer in letters, not boxes", async (tc) => {
    if (!PDFTOPPM) {
      tc.skip("pdftoppm is not installed (apt-get install poppler-utils): the review pack's pages are not looked at");
      return;
    }
    const { from, to } = thisQuarter();
    const pack = async (language: string) => {
      const res = await api().get(analyst, `/api/advocacy/review-pack?from=${from}&to=${to}&language=${language}`);
      assert.equal(res.statusCode, 200, res.body.slice(0, 200));
      return pdfPages(res.rawPayload);
    };
    // What a blank page looks like, drawn the same way: no ink at all.
    const blank = new PDFDocument({ size: "A4", layout: "landscape" });
    const [blankPage] = await pdfPages(await pdfBytes(blank));
    assert.equal(inkIn(blankPage!), 0);
    for (const language of ["en", "ru", "km"]) {
      const pages = await pack(language);
      // Title, headline indicators against targets, top challenges per area, open cases, loop closure.
      assert.equal(pages.length, 5, `${language}: one page a section`);
      for (const [i, page] of pages.entries()) {
        assert.equal(page.width > page.height, true, "A4 landscape");
        // Below the accent bar and the heading, each page says something (a blank render has nothing).
        assert.ok(inkIn(page, 0.2, 1) > 200, `${language}: page ${i + 1} is not blank below its heading`);
      }
    }
    // Russian and Khmer: the title line (the tallest line of the first page) is drawn in letters — many different
    // shapes — not in the one missing-glyph box repeated; the same detector sees the boxes in a line drawn without the
    // glyphs (Khmer in DejaVu Sans alone, as the pack was set before it had Noto Sans Khmer).
    for (const language of ["ru", "km"]) {
      const [title] = await pack(language);
      const line = lineLetters(title!);
      assert.ok(line.shapes >= 8, `the ${language} title has letters (${line.shapes} shapes)`);
      assert.ok(
        line.distinct >= line.shapes / 2,
        `the ${language} title is letters, not tofu (${line.distinct}/${line.shapes})`,
      );
    }
    const khmerInDejaVu = new PDFDocument({ size: "A4", layout: "landscape" });
    khmerInDejaVu.registerFont("bold", `${fontsDir}/DejaVuSans-Bold.ttf`);
    khmerInDejaVu.font("bold").fontSize(32).text("កញ្ចប់ពិនិត្យឡើងវិញ ខេត្ត", 40, 160);
    const boxes = lineLetters((await pdfPages(await pdfBytes(khmerInDejaVu)))[0]!);
    assert.ok(
      boxes.shapes >= 8 && boxes.distinct <= 2,
      `Khmer without its font is seen as boxes (${boxes.distinct}/${boxes.shapes})`,
    );
    const tofuDoc = new PDFDocument({ size: "A4", layout: "landscape" });
    tofuDoc.registerFont("bold", `${fontsDir}/DejaVuSans-Bold.ttf`);
    tofuDoc.font("bold").fontSize(32).text("\u{E000}".repeat(12), 40, 160);
    const tofu = lineLetters((await pdfPages(await pdfBytes(tofuDoc)))[0]!);
    assert.ok(tofu.shapes >= 8 && tofu.distinct <= 2, `boxes are seen as boxes (${tofu.distinct}/${tofu.shapes})`);
  });
});
