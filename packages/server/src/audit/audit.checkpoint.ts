import { z } from "zod";
import type { FieldCipher } from "../crypto/field-cipher.js";
import type { Db } from "../db/database.js";
import type { Ctx } from "../platform/context.js";
import { defineJob } from "../platform/job-runner.js";
import * as repo from "./audit.repo.js";

/**
 * Rows a running server leaves uncovered stay younger than this (the job runs every quarter hour): older uncovered
 * rows mean checkpoints were deleted, or the job stopped, and either needs an operator.
 */
const UNCOVERED_GRACE_MS = 60 * 60_000;

/** What a checkpoint's HMAC covers. */
function checkpointText(c: { seq: number; hash: string; at: Date }): string {
  return `openclm-audit-checkpoint\n${c.seq}\n${c.hash}\n${c.at.toISOString()}`;
}

export function signCheckpoint(cipher: FieldCipher, c: { seq: number; hash: string; at: Date }): repo.AuditCheckpoint {
  return { ...c, mac: cipher.auditCheckpointMac(checkpointText(c)) };
}

function signatureValid(cipher: FieldCipher, c: repo.AuditCheckpoint): boolean {
  return cipher.auditCheckpointMac(checkpointText(c)) === c.mac;
}

/**
 * Signs the chain's current head, after checking the rows since the last checkpoint: a chain edited since then
 * is not signed (it is logged, and audit:verify reports it). Does nothing when the head has not moved.
 */
export async function writeAuditCheckpoint(ctx: Ctx, now = new Date()): Promise<repo.AuditCheckpoint | null> {
  const { cipher } = ctx.services;
  const db = ctx.db as Db;
  const [head, last] = await Promise.all([repo.auditHeadRow(db), repo.latestCheckpoint(db)]);
  if (!head || head.seq === 0 || head.seq === last?.seq) return null;
  if (last && !signatureValid(cipher, last)) {
    ctx.log.error({ seq: last.seq }, "the last audit checkpoint's signature is invalid; not checkpointing");
    return null;
  }
  const chain = await repo.verifyAuditChain(db, { from: last ? { seq: last.seq, hash: last.hash } : undefined });
  if (!chain.ok) {
    ctx.log.error({ problems: chain.problems.slice(0, 20) }, "the audit chain does not verify; not checkpointing");
    return null;
  }
  const checkpoint = signCheckpoint(cipher, { seq: chain.headSeq, hash: chain.headHash, at: now });
  await repo.insertCheckpoint(db, checkpoint);
  return checkpoint;
}

export interface CheckpointedVerifyResult extends repo.VerifyResult {
  checkpoints: number;
  latest?: repo.AuditCheckpoint;
}

/**
 * audit:verify: the whole chain recomputed, every checkpoint's signature checked, and the chain at each checkpoint's
 * seq still ending in the signed hash. An edited row with the chain recomputed after it passes the first test and
 * fails the others; rows left uncovered for long (deleted checkpoints) are reported too.
 */
export async function verifyAuditWithCheckpoints(db: Db, cipher: FieldCipher): Promise<CheckpointedVerifyResult> {
  const checkpoints = await repo.allCheckpoints(db);
  const result = await repo.verifyAuditChain(db, { hashesAt: new Set(checkpoints.map((c) => c.seq)) });
  const problems = [...result.problems];
  for (const c of checkpoints) {
    if (!signatureValid(cipher, c))
      problems.push({ seq: c.seq, problem: `checkpoint of ${c.at.toISOString()} has an invalid signature` });
    else if (result.hashes.get(c.seq) !== c.hash)
      problems.push({ seq: c.seq, problem: `the chain no longer matches the checkpoint of ${c.at.toISOString()}` });
  }
  const latest = checkpoints.at(-1);
  const span = await repo.uncoveredSpan(db, latest?.seq ?? 0);
  if (
    span?.oldest &&
    span.newest &&
    new Date(span.newest).getTime() - new Date(span.oldest).getTime() > UNCOVERED_GRACE_MS
  )
    problems.push({
      seq: span.from ?? 0,
      problem: `rows from #${span.from} on are covered by no checkpoint though newer rows came an hour later (checkpoints deleted?)`,
    });
  return { ...result, ok: problems.length === 0, problems, checkpoints: checkpoints.length, latest };
}

/** Every quarter hour, and once at start-up (main.ts). */
export const auditCheckpointJob = defineJob({
  id: "audit-checkpoint",
  payload: z.object({}),
  cron: "*/15 * * * *",
  async handler(ctx) {
    const written = await writeAuditCheckpoint(ctx);
    if (written) ctx.log.info({ seq: written.seq, hash: written.hash }, "audit checkpoint signed");
  },
});
