import assert from "node:assert/strict";
import crypto from "node:crypto";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import { FieldCipher } from "../crypto/field-cipher.js";
import { systemCtx } from "../platform/context.js";
import { submitReport } from "../testing/inbox-fixtures.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";
import { chainHash } from "./audit.chain.js";
import { signCheckpoint, verifyAuditWithCheckpoints, writeAuditCheckpoint } from "./audit.checkpoint.js";
import { verifyAuditChain } from "./audit.repo.js";

/**
 * Attack: someone with write access to the database (not the master key) edits an audit row and recomputes the
 * whole unkeyed chain, head included, so that the chain alone verifies again.
 */
describe("audit checkpoints (attack: edit a row, recompute the chain)", () => {
  let t: TestApp;
  let districtId: string;
  before(async () => {
    t = await createTestApp();
    const [d] = await t.database.rows<{ id: string }>(sql`SELECT id FROM areas WHERE is_leaf LIMIT 1`);
    districtId = d!.id;
  });
  after(async () => t.close());

  const ctx = () => systemCtx(t.app.services, "test");

  /** What the attacker does: edit a row's details, then rehash every row from it on and move the head. */
  async function editAndRecompute(seq: number) {
    await t.database.exec("ALTER TABLE audit_events DISABLE TRIGGER USER");
    await t.database.exec("ALTER TABLE audit_head DISABLE TRIGGER USER");
    try {
      await t.database.exec(
        `UPDATE audit_events SET details = details || '{"forged": true}'::jsonb WHERE seq = ${Number(seq)}`,
      );
      const rows = await t.database.rows<Record<string, unknown>>(
        sql`SELECT seq::int AS seq, at, actor_type, actor_id, actor_role, action, entity, entity_id, outcome,
                   request_id, details, prev_hash FROM audit_events WHERE seq >= ${seq} ORDER BY seq`,
      );
      let prev = String(rows[0]?.prev_hash);
      for (const r of rows) {
        const hash = chainHash(prev, {
          seq: Number(r.seq),
          at: new Date(r.at as string),
          actorType: r.actor_type as string,
          actorId: r.actor_id as string | null,
          actorRole: r.actor_role as string | null,
          action: r.action as string,
          entity: r.entity as string,
          entityId: r.entity_id as string | null,
          outcome: r.outcome as string,
          requestId: r.request_id as string | null,
          details: r.details as Record<string, unknown>,
        });
        await t.database.exec("UPDATE audit_events SET prev_hash = $1, hash = $2 WHERE seq = $3", [prev, hash, r.seq]);
        prev = hash;
      }
      await t.database.exec("UPDATE audit_head SET hash = $1", [prev]);
    } finally {
      await t.database.exec("ALTER TABLE audit_events ENABLE TRIGGER USER");
      await t.database.exec("ALTER TABLE audit_head ENABLE TRIGGER USER");
    }
  }

  test("a signed checkpoint makes an edited row with a recomputed chain fail audit:verify", async () => {
    await submitReport(t, districtId);
    const checkpoint = await writeAuditCheckpoint(ctx());
    assert.ok(checkpoint, "a checkpoint was signed");
    await submitReport(t, districtId); // rows after the checkpoint, as a running server adds them
    const clean = await verifyAuditWithCheckpoints(t.database.db, t.cipher);
    assert.deepEqual(clean.problems, []);
    assert.equal(clean.checkpoints, 1);

    await editAndRecompute(1);
    assert.equal((await verifyAuditChain(t.database.db)).ok, true, "the unkeyed chain alone is fooled");
    const result = await verifyAuditWithCheckpoints(t.database.db, t.cipher);
    assert.equal(result.ok, false);
    assert.ok(
      result.problems.some((p) => p.seq === checkpoint.seq && /no longer matches the checkpoint/.test(p.problem)),
      JSON.stringify(result.problems),
    );
  });

  test("the next checkpoint refuses to sign a chain edited since the last one", async () => {
    await submitReport(t, districtId);
    assert.equal(await writeAuditCheckpoint(ctx()), null);
  });

  test("a checkpoint forged without the key, or altered, has an invalid signature", async () => {
    const [head] = await t.database.rows<{ seq: number; hash: string }>(
      sql`SELECT seq::int AS seq, hash FROM audit_head`,
    );
    const forged = signCheckpoint(new FieldCipher(crypto.randomBytes(32)), {
      seq: head!.seq,
      hash: head!.hash,
      at: new Date(),
    });
    await t.database.exec("INSERT INTO audit_checkpoints (seq, hash, at, mac) VALUES ($1, $2, $3, $4)", [
      forged.seq,
      forged.hash,
      forged.at.toISOString(),
      forged.mac,
    ]);
    const result = await verifyAuditWithCheckpoints(t.database.db, t.cipher);
    assert.ok(
      result.problems.some((p) => p.seq === forged.seq && /invalid signature/.test(p.problem)),
      JSON.stringify(result.problems),
    );
  });
});
