import { and, desc, eq, gte, lt, lte, sql } from "drizzle-orm";
import type { Db } from "../db/database.js";
import { type ChainedFields, chainContent, chainHash, GENESIS_HASH } from "./audit.chain.js";
import { auditEvents, auditHead, auditPending } from "./audit.schema.js";

export type AuditInput = Omit<ChainedFields, "seq" | "at"> & { at?: Date };
export type StagedAudit = typeof auditPending.$inferInsert;

/** The row to stage for an event: its fields and the canonical JSON the database completes and hashes at commit. */
export function stagedAudit(input: AuditInput): StagedAudit {
  const fields = { ...input, at: input.at ?? new Date() };
  return { ...fields, content: chainContent(fields) };
}

/** A staged row as JSON keyed by column, for writers that stage audit rows set-based inside their own statement. */
export function stagedAuditJson(input: AuditInput): Record<string, unknown> {
  const s = stagedAudit(input);
  return {
    at: s.at.toISOString(),
    actor_type: s.actorType,
    actor_id: s.actorId,
    actor_role: s.actorRole,
    action: s.action,
    entity: s.entity,
    entity_id: s.entityId,
    outcome: s.outcome,
    request_id: s.requestId,
    details: s.details,
    content: s.content,
  };
}
/** Columns of audit_pending and the record type that reads `stagedAuditJson` back (`jsonb_to_record(x) AS a(…)`). */
export const STAGED_AUDIT_COLUMNS =
  "at, actor_type, actor_id, actor_role, action, entity, entity_id, outcome, request_id, details, content";
export const STAGED_AUDIT_RECORD =
  "at timestamptz, actor_type text, actor_id text, actor_role text, action text, entity text, entity_id text, outcome text, request_id text, details jsonb, content text";

/**
 * Stages one event inside the caller's transaction; it joins the hash chain when that transaction commits (a
 * deferred trigger, migration 0012), and vanishes with it if it rolls back, so the change and its audit row stand
 * or fall together. No lock is taken here: the chain's lock is held only during commit.
 */
export async function appendAudit(tx: Db, input: AuditInput): Promise<void> {
  await tx.insert(auditPending).values(stagedAudit(input));
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

/**
 * Walks the whole chain in pages, recomputing every hash, then checks that the chain ends where its head row says.
 * Finds edited, inserted, reordered and deleted rows, including rows cut from the end (unless the head was rewound
 * too: record the head hash outside the server), and staged rows that were never sealed.
 */
export async function verifyAuditChain(db: Db, pageSize = 5000): Promise<VerifyResult> {
  // The head is read first and the walk stops there, so rows appended meanwhile by a running server are not
  // mistaken for rows beyond the head.
  const [head] = await db.select().from(auditHead);
  const until = head?.seq ?? Number.MAX_SAFE_INTEGER;
  const problems: VerifyResult["problems"] = [];
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(and(gte(auditEvents.seq, expectedSeq), lte(auditEvents.seq, until)))
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
  const lastSeq = expectedSeq - 1;
  problems.push(...(await headProblems(db, head, lastSeq, prevHash)));
  return { ok: problems.length === 0, checked, headSeq: lastSeq, headHash: prevHash, problems };
}

async function headProblems(
  db: Db,
  head: typeof auditHead.$inferSelect | undefined,
  lastSeq: number,
  lastHash: string,
): Promise<VerifyResult["problems"]> {
  const problems: VerifyResult["problems"] = [];
  if (!head) problems.push({ seq: lastSeq, problem: "the chain's head row is missing" });
  else if (head.seq > lastSeq)
    problems.push({ seq: lastSeq + 1, problem: `missing rows ${lastSeq + 1}…${head.seq} at the end of the log` });
  else if (head.seq !== lastSeq || head.hash !== lastHash)
    problems.push({ seq: head.seq, problem: "the chain's head row does not match the last row" });
  const [pending] = await db.select({ n: sql<number>`count(*)::int` }).from(auditPending);
  if (pending?.n) problems.push({ seq: lastSeq, problem: `${pending.n} staged audit rows were never sealed` });
  return problems;
}
