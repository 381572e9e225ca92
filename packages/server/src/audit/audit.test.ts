import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import { type Database, type Db, withTransaction } from "../db/database.js";
import { createTestDatabase } from "../testing/test-database.js";
import { chainContent, chainHash, sealHash } from "./audit.chain.js";
import { type AuditInput, appendAudit, verifyAuditChain } from "./audit.repo.js";

const event = (action: string, details: Record<string, unknown> = {}): AuditInput => ({
  actorType: "staff",
  actorId: "u1",
  actorRole: "auditor",
  action,
  entity: "report",
  entityId: "r1",
  outcome: "success",
  requestId: "req",
  details,
});

describe("audit chain sealed at commit", () => {
  let database: Database;
  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => database.close());

  const actions = async () =>
    (
      await database.rows<{ seq: number; action: string }>(sql`SELECT seq::int, action FROM audit_events ORDER BY seq`)
    ).map((r) => `${r.seq}:${r.action}`);
  const inTx = (fn: (tx: Db) => Promise<void>) => withTransaction(database.db, fn);

  test("the database completes and hashes a row exactly as the JS chain does", () => {
    const fields = { ...event("x", { b: "é ✓", a: [1, { z: null, y: "\n" }] }), at: new Date() };
    const prev = "f".repeat(64);
    assert.equal(sealHash(prev, chainContent(fields), 42), chainHash(prev, { ...fields, seq: 42 }));
  });

  test("rows join the chain in commit order with gap-free seq; a rolled-back transaction leaves nothing", async () => {
    await inTx(async (tx) => {
      await appendAudit(tx, event("first", { note: "ünïcode" }));
      await appendAudit(tx, event("second"));
    });
    await assert.rejects(
      inTx(async (tx) => {
        await appendAudit(tx, event("rolled back"));
        throw new Error("abort");
      }),
    );
    await inTx((tx) => appendAudit(tx, event("third")));
    assert.deepEqual(await actions(), ["1:first", "2:second", "3:third"]);
    const [pending] = await database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_pending`);
    assert.equal(pending?.n, 0, "nothing stays staged");
    const result = await verifyAuditChain(database.db);
    assert.deepEqual(result.problems, []);
    assert.equal(result.headSeq, 3);
  });

  test("concurrent writers never fork the chain and each transaction's rows stay together", async () => {
    const before = (await actions()).length;
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        inTx(async (tx) => {
          await appendAudit(tx, event(`t${i}.a`));
          await appendAudit(tx, event(`t${i}.b`));
        }),
      ),
    );
    const after = (await actions()).slice(before).map((a) => a.split(":")[1] as string);
    assert.equal(after.length, 24);
    for (let i = 0; i < after.length; i += 2) assert.equal(after[i + 1], after[i]?.replace(".a", ".b"));
    assert.equal((await verifyAuditChain(database.db)).ok, true);
  });

  test("the head only moves forward, and rows cut from the end are found", async () => {
    await assert.rejects(database.exec("UPDATE audit_head SET seq = seq - 1"), /only moves forward/);
    await assert.rejects(database.exec("DELETE FROM audit_head"), /only moves forward/);
    const { headSeq } = await verifyAuditChain(database.db);
    await database.exec("ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete");
    try {
      await database.exec(`DELETE FROM audit_events WHERE seq = ${headSeq}`);
    } finally {
      await database.exec("ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete");
    }
    const cut = await verifyAuditChain(database.db);
    assert.equal(cut.ok, false);
    assert.deepEqual(
      cut.problems.map((p) => p.problem),
      [`missing rows ${headSeq}…${headSeq} at the end of the log`],
    );
  });
});
