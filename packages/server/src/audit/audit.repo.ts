import { and, desc, eq, gte, lt, lte, sql } from "drizzle-orm";
import type { Db } from "../db/database.js";
import { type ChainedFields, chainHash, GENESIS_HASH } from "./audit.chain.js";
import { auditEvents } from "./audit.schema.js";

/** Serialises appends so `seq` stays gap-free and each row chains to the one before it. */
const AUDIT_LOCK_ID = 727_010;

export type AuditInput = Omit<ChainedFields, "seq" | "at"> & { at?: Date };

/**
 * Appends one event inside the caller's transaction: if the audit write fails, the change it records rolls back
 * with it. Call it last in the transaction, so the lock is held only until commit.
 */
export async function appendAudit(tx: Db, input: AuditInput): Promise<number> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_ID})`);
  const [last] = await tx
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  const fields: ChainedFields = { ...input, seq: (last?.seq ?? 0) + 1, at: input.at ?? new Date() };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.insert(auditEvents).values({ ...fields, prevHash, hash: chainHash(prevHash, fields) });
  return fields.seq;
}

export interface AuditFilter {
  actorId?: string;
  action?: string;
  entity?: string;
  entityId?: string;
  from?: Date;
  to?: Date;
  beforeSeq?: number;
  limit: number;
}

export async function listAudit(db: Db, f: AuditFilter) {
  return db
    .select()
    .from(auditEvents)
    .where(
      and(
        f.actorId ? eq(auditEvents.actorId, f.actorId) : undefined,
        f.action ? eq(auditEvents.action, f.action) : undefined,
        f.entity ? eq(auditEvents.entity, f.entity) : undefined,
        f.entityId ? eq(auditEvents.entityId, f.entityId) : undefined,
        f.from ? gte(auditEvents.at, f.from) : undefined,
        f.to ? lte(auditEvents.at, f.to) : undefined,
        f.beforeSeq ? lt(auditEvents.seq, f.beforeSeq) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.seq))
    .limit(f.limit);
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  headSeq: number;
  headHash: string;
  problems: { seq: number; problem: string }[];
}

/** Walks the whole chain in pages, recomputing every hash. Finds edited, inserted, reordered and deleted rows. */
export async function verifyAuditChain(db: Db, pageSize = 5000): Promise<VerifyResult> {
  const problems: VerifyResult["problems"] = [];
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gte(auditEvents.seq, expectedSeq))
      .orderBy(auditEvents.seq)
      .limit(pageSize);
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.seq !== expectedSeq)
        problems.push({ seq: expectedSeq, problem: `missing rows ${expectedSeq}…${row.seq - 1}` });
      if (row.prevHash !== prevHash) problems.push({ seq: row.seq, problem: "does not chain to the previous row" });
      const { prevHash: _p, hash, ...fields } = row;
      if (chainHash(row.prevHash, fields) !== hash)
        problems.push({ seq: row.seq, problem: "content does not match its hash" });
      prevHash = hash;
      expectedSeq = row.seq + 1;
      checked++;
    }
  }
  return { ok: problems.length === 0, checked, headSeq: expectedSeq - 1, headHash: prevHash, problems };
}
