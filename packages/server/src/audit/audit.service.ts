import { type Db, withTransaction } from "../db/database.js";
import type { Ctx } from "../platform/context.js";
import { type AuditInput, appendAudit } from "./audit.repo.js";

export interface AuditEvent {
  action: string;
  entity: string;
  entityId?: string | null;
  outcome?: "success" | "failure" | "denied";
  details?: Record<string, unknown>;
  /** Overrides the actor taken from ctx (e.g. a failed sign-in names the account tried, if any). */
  actorId?: string | null;
}

/** Records an event for the acting user in the given transaction (see appendAudit for why it must be the same one). */
export async function audit(ctx: Ctx, tx: Db, event: AuditEvent): Promise<void> {
  await appendAudit(tx, auditInput(ctx, event));
}

/** The audit row for an event by the acting user (for writers that stage audit rows in their own statement). */
export function auditInput(ctx: Ctx, event: AuditEvent, at?: Date): AuditInput {
  const actor = ctx.actor;
  return {
    at,
    actorType: actor.type,
    actorId:
      event.actorId !== undefined
        ? event.actorId
        : actor.type === "staff"
          ? actor.userId
          : actor.type === "community"
            ? actor.accountId
            : actor.type === "desk"
              ? actor.deskId
              : actor.type === "system"
                ? actor.process
                : null,
    actorRole: actor.type === "staff" ? actor.role : null,
    action: event.action,
    entity: event.entity,
    entityId: event.entityId ?? null,
    outcome: event.outcome ?? "success",
    requestId: ctx.requestId,
    details: event.details ?? {},
  };
}

/** For events that record no other change (a view, a denial, a failed sign-in): a transaction of its own. */
export async function auditAlone(ctx: Ctx, event: AuditEvent): Promise<void> {
  await withTransaction(ctx, async (tx) => audit(ctx, tx, event));
}
