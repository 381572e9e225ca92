import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { AuditEvent, AuditPage, AuditVerification } from "@openclm/contracts";
import { sql } from "drizzle-orm";
import { systemCtx } from "../platform/context.js";
import { staffCalls, submitReport } from "../testing/inbox-fixtures.js";
import { account, signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";
import { writeAuditCheckpoint } from "./audit.checkpoint.js";

/** The auditor view's API: the log filtered and paged, personal-data views marked, the integrity check. */
describe("auditor view: the audit log and its integrity check", () => {
  let t: TestApp;
  let auditor: string;
  let dm: string;
  let dmId: string;
  let district: string;
  const api = () => staffCalls(t);
  const page = async (cookie: string, query: string): Promise<AuditPage> => {
    const res = await api().get(cookie, `/api/audit-events?${query}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };
  const verify = async (cookie: string): Promise<AuditVerification> => {
    const res = await api().post(cookie, "/api/audit/verification", {});
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };

  before(async () => {
    t = await createTestApp();
    auditor = await signInAs(t.app, account(t.demoAccounts, "auditor"));
    dm = await signInAs(t.app, account(t.demoAccounts, "data_manager"));
    dmId = (await api().get(dm, "/api/me")).json().id;
    district = account(t.demoAccounts, "first_responder", 0).scope.districtIds[0]!;
  });
  after(async () => t.close());

  test("a data manager's views of personal data are listed, marked and filterable by actor, action and entity", async () => {
    const r = await submitReport(t, district);
    assert.equal((await api().get(dm, `/api/inbox/reports/${r.id}`)).statusCode, 200);
    assert.equal((await api().get(dm, `/api/inbox/reports/${r.id}`)).statusCode, 200);

    const views = await page(auditor, `personalData=true&entityId=${r.id}`);
    assert.equal(views.items.length, 2);
    for (const e of views.items) {
      assert.equal(e.action, "report.view_personal");
      assert.equal(e.personalData, true);
      assert.equal(e.actorId, dmId);
      assert.equal(e.actorEmail, account(t.demoAccounts, "data_manager").email);
      assert.equal(e.actorRole, "data_manager");
    }

    const byEmail = await page(
      auditor,
      `actorEmail=${encodeURIComponent(account(t.demoAccounts, "data_manager").email.toUpperCase())}&entity=report&entityId=${r.id}`,
    );
    assert.deepEqual(
      byEmail.items.map((e) => e.action),
      ["report.view_personal", "report.view_personal"],
    );
    const everything = await page(auditor, `entityId=${r.id}`);
    assert.deepEqual(
      everything.items.map((e) => [e.action, e.personalData]),
      [
        ["report.view_personal", true],
        ["report.view_personal", true],
        ["report.submit", false],
      ],
    );
    assert.deepEqual((await page(auditor, `action=report.submit&entityId=${r.id}`)).items.length, 1);
    assert.deepEqual((await page(auditor, "actorEmail=nobody%40example.org")).items, []);
  });

  test("a period filter keeps only events inside it", async () => {
    const all = await page(auditor, "limit=5");
    const newest = all.items[0]!;
    const inside = await page(auditor, `from=${encodeURIComponent(newest.at)}&to=${encodeURIComponent(newest.at)}`);
    assert.ok(inside.items.some((e) => e.id === newest.id));
    assert.ok(inside.items.every((e) => e.at === newest.at));
    const before = new Date(Date.parse(newest.at) - 365 * 86_400_000 * 20).toISOString();
    assert.deepEqual((await page(auditor, `to=${encodeURIComponent(before)}`)).items, []);
  });

  test("paging by cursor walks the log newest first, each event once, to the end", async () => {
    for (let i = 0; i < 3; i++) await submitReport(t, district);
    const seen: AuditEvent[] = [];
    let cursor: string | null = "";
    let pages = 0;
    while (cursor !== null) {
      const p: AuditPage = await page(auditor, `action=report.submit&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...p.items);
      cursor = p.nextCursor;
      pages++;
      if (pages > 10_000) assert.fail("paging does not end");
    }
    const [count] = await t.database.rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'report.submit'`,
    );
    assert.equal(seen.length, count!.n);
    const ids = seen.map((e) => e.id);
    assert.deepEqual(
      ids,
      [...ids].sort((a, b) => b - a),
      "newest first",
    );
    assert.equal(new Set(ids).size, ids.length, "no event twice");
  });

  test("the integrity check passes on an untouched log, names the head, and is itself audited", async () => {
    // The server signs a checkpoint every quarter hour; one is signed here.
    assert.ok(await writeAuditCheckpoint(systemCtx(t.app.services, "test")));
    const result = await verify(auditor);
    assert.deepEqual(result.problems, []);
    assert.equal(result.ok, true);
    const [head] = await t.database.rows<{ seq: number; hash: string }>(
      sql`SELECT seq::int AS seq, hash FROM audit_head`,
    );
    // The check's own audit row comes after the head it saw.
    assert.equal(result.headSeq, head!.seq - 1);
    assert.match(result.headHash, /^[0-9a-f]{64}$/);
    assert.ok(result.checkpoints >= 1);
    const [mine] = (await page(auditor, "action=audit.verify&limit=1")).items;
    assert.equal(mine?.outcome, "success");
    assert.equal(mine?.details.headHash, result.headHash);
    assert.equal(mine?.actorRole, "auditor");
  });

  test("a row edited in the database makes the integrity check fail at that row", async () => {
    const r = await submitReport(t, district);
    const [row] = await t.database.rows<{ seq: number }>(
      sql`SELECT seq::int AS seq FROM audit_events WHERE entity_id = ${r.id} AND action = 'report.submit'`,
    );
    await t.database.exec("ALTER TABLE audit_events DISABLE TRIGGER USER");
    try {
      await t.database.exec(`UPDATE audit_events SET actor_id = 'someone-else' WHERE seq = ${row!.seq}`);
    } finally {
      await t.database.exec("ALTER TABLE audit_events ENABLE TRIGGER USER");
    }
    const result = await verify(auditor);
    assert.equal(result.ok, false);
    assert.ok(
      result.problems.some((p) => p.seq === row!.seq && /does not match its hash/.test(p.problem)),
      JSON.stringify(result.problems),
    );
    assert.ok(result.problemCount >= 1);
    const [mine] = (await page(auditor, "action=audit.verify&limit=1")).items;
    assert.equal(mine?.outcome, "failure");
  });

  test("only auditors and system admins read the log or run the check", async () => {
    const admin = await signInAs(t.app, account(t.demoAccounts, "system_admin"));
    assert.equal((await api().get(admin, "/api/audit-events?limit=1")).statusCode, 200);
    for (const role of ["data_manager", "analyst", "first_responder", "country_admin"] as const) {
      const cookie = role === "data_manager" ? dm : await signInAs(t.app, account(t.demoAccounts, role));
      assert.equal((await api().get(cookie, "/api/audit-events")).statusCode, 403, role);
      assert.equal((await api().post(cookie, "/api/audit/verification", {})).statusCode, 403, role);
    }
    const anonymous = await t.app.inject({ method: "POST", url: "/api/audit/verification" });
    assert.equal(anonymous.statusCode, 401);
  });

  test("the check reads the whole chain, so one account may run it 10 times at once and 60 an hour", async () => {
    const auditorAudits = async () => (await page(auditor, "action=audit.verify&limit=100")).items.length;
    const before = await auditorAudits();
    let passed = 0;
    let refused: Awaited<ReturnType<ReturnType<typeof api>["post"]>> | undefined;
    for (let i = 0; i < 12 && !refused; i++) {
      const res = await api().post(auditor, "/api/audit/verification", {});
      if (res.statusCode === 200) passed++;
      else refused = res;
    }
    assert.equal(refused?.statusCode, 429, "the auditor is told to wait");
    assert.equal(refused?.json().error.code, "RATE_LIMITED");
    assert.ok(Number(refused?.headers["retry-after"]) > 0, "and for how long");
    assert.ok(passed <= 10, `${passed} checks ran before the limit`);
    assert.equal(await auditorAudits(), before + passed, "a refused check runs nothing and records nothing");
    const admin = await signInAs(t.app, account(t.demoAccounts, "system_admin"));
    assert.equal((await api().post(admin, "/api/audit/verification", {})).statusCode, 200, "another account may");
  });
});
