import { and, desc, eq, gt, gte, inArray, lt, lte, sql } from "drizzle-orm";
import type { Db } from "../db/database.js";
import { staffUsers } from "../identity/identity.schema.js";
import { type ChainedFields, chainContent, chainHash, GENESIS_HASH } from "./audit.chain.js";
import { auditCheckpoints, auditEvents, auditHead, auditPending } from "./audit.schema.js";

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
  /** Any of these actions (the personal-data views). */
  actions?: readonly string[];
  entity?: string;
  entityId?: string;
  from?: Date;
  to?: Date;
  beforeSeq?: number;
  limit: number;
}

/** A page of the log, newest first, with the acting staff member's email where the actor is a staff account. */
export async function listAudit(db: Db, f: AuditFilter) {
  return db
    .select({ event: auditEvents, actorEmail: staffUsers.email })
    .from(auditEvents)
    .leftJoin(staffUsers, and(eq(auditEvents.actorType, "staff"), sql`${auditEvents.actorId} = ${staffUsers.id}::text`))
    .where(
      and(
        f.actorId ? eq(auditEvents.actorId, f.actorId) : undefined,
        f.action ? eq(auditEvents.action, f.action) : undefined,
        f.actions ? inArray(auditEvents.action, [...f.actions]) : undefined,
        f.entity ? eq(auditEvents.entity, f.entity) : undefined,
        f.entityId ? eq(auditEvents.entityId, f.entityId) : undefined,
        f.from ? gte(auditEvents.at, f.from) : undefined,
        f.to ? lte(auditEvents.at, f.to) : undefined,
        f.beforeSeq !== undefined ? lt(auditEvents.seq, f.beforeSeq) : undefined,
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
  /** The recomputed hash of each row asked for in `hashesAt` (absent: no such row). */
  hashes: Map<number, string>;
}

export interface VerifyOptions {
  pageSize?: number;
  /** Start after this link, trusted (a verified checkpoint), instead of at the genesis. */
  from?: { seq: number; hash: string };
  /** Rows whose hash the caller wants back (checkpoint seqs). */
  hashesAt?: Set<number>;
}

/**
 * Walks the whole chain in pages, recomputing every hash, then checks that the chain ends where its head row says.
 * Finds edited, inserted, reordered and deleted rows, including rows cut from the end (unless the head was rewound
 * too: record the head hash outside the server), and staged rows that were never sealed.
 */
export async function verifyAuditChain(db: Db, opts: VerifyOptions = {}): Promise<VerifyResult> {
  const pageSize = opts.pageSize ?? 5000;
  // The head is read first and the walk stops there, so rows appended meanwhile by a running server are not
  // mistaken for rows beyond the head.
  const [head] = await db.select().from(auditHead);
  const until = head?.seq ?? Number.MAX_SAFE_INTEGER;
  const problems: VerifyResult["problems"] = [];
  const hashes = new Map<number, string>();
  let prevHash = opts.from?.hash ?? GENESIS_HASH;
  let expectedSeq = (opts.from?.seq ?? 0) + 1;
  let checked = 0;
  if (opts.from && opts.from.seq > 0) problems.push(...(await linkProblems(db, opts.from)));
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
      if (opts.hashesAt?.has(row.seq)) hashes.set(row.seq, hash);
      prevHash = hash;
      expectedSeq = row.seq + 1;
      checked++;
    }
  }
  const lastSeq = expectedSeq - 1;
  problems.push(...(await headProblems(db, head, lastSeq, prevHash)));
  return { ok: problems.length === 0, checked, headSeq: lastSeq, headHash: prevHash, problems, hashes };
}

/** The row a walk starts after must still be there with the hash it was trusted with. */
async function linkProblems(db: Db, from: { seq: number; hash: string }): Promise<VerifyResult["problems"]> {
  const [row] = await db.select({ hash: auditEvents.hash }).from(auditEvents).where(eq(auditEvents.seq, from.seq));
  if (!row) return [{ seq: from.seq, problem: "the checkpointed row is missing" }];
  if (row.hash !== from.hash) return [{ seq: from.seq, problem: "the row no longer has its checkpointed hash" }];
  return [];
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

export type AuditCheckpoint = typeof auditCheckpoints.$inferSelect;

export async function auditHeadRow(db: Db) {
  const [head] = await db.select().from(auditHead);
  return head;
}

export async function latestCheckpoint(db: Db): Promise<AuditCheckpoint | undefined> {
  const [row] = await db.select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.seq)).limit(1);
  return row;
}

export async function allCheckpoints(db: Db): Promise<AuditCheckpoint[]> {
  return db.select().from(auditCheckpoints).orderBy(auditCheckpoints.seq);
}

/** Two processes checkpointing the same head write it once. */
export async function insertCheckpoint(db: Db, row: AuditCheckpoint): Promise<void> {
  await db.insert(auditCheckpoints).values(row).onConflictDoNothing();
}

/** The time of the newest row and of the oldest row after `seq` (rows no checkpoint covers yet). */
export async function uncoveredSpan(db: Db, afterSeq: number) {
  const [row] = await db
    .select({
      oldest: sql<Date | null>`min(${auditEvents.at})`,
      newest: sql<Date | null>`(SELECT max(at) FROM audit_events)`,
      from: sql<number | null>`min(${auditEvents.seq})`,
    })
    .from(auditEvents)
    .where(gt(auditEvents.seq, afterSeq));
  return row;
}
