import { type AuditVerification, type auditQuerySchema, personalDataViewActions } from "@openclm/contracts";
import type { z } from "zod";
import type { Db } from "../db/database.js";
import { findUserByEmail } from "../identity/identity.repo.js";
import type { Ctx } from "../platform/context.js";
import { type CheckpointedVerifyResult, verifyAuditWithCheckpoints } from "./audit.checkpoint.js";
import { listAudit } from "./audit.repo.js";
import { auditAlone } from "./audit.service.js";

const personalViews = new Set<string>(personalDataViewActions);

export async function listAuditEvents(ctx: Ctx, q: z.output<typeof auditQuerySchema>) {
  let actorId = q.actorId;
  if (q.actorEmail) {
    const user = await findUserByEmail(ctx.db, q.actorEmail);
    // Nobody with that email: nothing they did (an id no row holds, rather than ignoring the filter).
    if (!user || (actorId && actorId !== user.id)) return { items: [], nextCursor: null };
    actorId = user.id;
  }
  const rows = await listAudit(ctx.db, {
    actorId,
    action: q.action,
    actions: q.personalData === "true" ? personalDataViewActions : undefined,
    entity: q.entity,
    entityId: q.entityId,
    from: q.from ? new Date(q.from) : undefined,
    to: q.to ? new Date(q.to) : undefined,
    beforeSeq: q.cursor ? Number(q.cursor) : undefined,
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  return {
    items: page.map(({ event: r, actorEmail }) => ({
      id: r.seq,
      at: r.at.toISOString(),
      actorType: r.actorType,
      actorId: r.actorId,
      actorEmail,
      actorRole: r.actorRole,
      action: r.action,
      personalData: personalViews.has(r.action),
      entity: r.entity,
      entityId: r.entityId,
      outcome: r.outcome,
      requestId: r.requestId,
      details: r.details,
      hash: r.hash,
    })),
    nextCursor: rows.length > q.limit ? String(page.at(-1)?.event.seq) : null,
  };
}

/** At most this many problems go back to the browser (the count says how many there were). */
const MAX_PROBLEMS = 50;

/**
 * The integrity check from the auditor view: exactly what `npm run audit:verify` runs (verifyAuditWithCheckpoints),
 * on the running server. The check is itself audited, with its outcome and the head it saw, so the log records
 * who checked it, when, and what the chain's head was then.
 */
export async function verifyAuditLog(ctx: Ctx): Promise<AuditVerification> {
  const result = await verifyAuditWithCheckpoints(ctx.db as Db, ctx.services.cipher);
  const presented = presentVerification(result, new Date());
  await auditAlone(ctx, {
    action: "audit.verify",
    entity: "audit_log",
    outcome: result.ok ? "success" : "failure",
    details: {
      ok: result.ok,
      checked: result.checked,
      headSeq: result.headSeq,
      headHash: result.headHash,
      problems: result.problems.length,
    },
  });
  return presented;
}

export function presentVerification(result: CheckpointedVerifyResult, at: Date): AuditVerification {
  return {
    ok: result.ok,
    checked: result.checked,
    headSeq: result.headSeq,
    headHash: result.headHash,
    checkpoints: result.checkpoints,
    latestCheckpoint: result.latest
      ? { seq: result.latest.seq, hash: result.latest.hash, at: result.latest.at.toISOString() }
      : null,
    problems: result.problems.slice(0, MAX_PROBLEMS),
    problemCount: result.problems.length,
    verifiedAt: at.toISOString(),
  };
}
