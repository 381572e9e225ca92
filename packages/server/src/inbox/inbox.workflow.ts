import type { DeclineReason, ReportStatus } from "@openclm/contracts";
import { sql } from "drizzle-orm";
import { audit } from "../audit/audit.service.js";
import type { Db } from "../db/database.js";
import { roleHas } from "../identity/roles.js";
import { resolveScope } from "../identity/scope.js";
import { AppError } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import { canMoveTo } from "./inbox.policy.js";
import * as repo from "./inbox.repo.js";
import { loadInScope } from "./inbox.service.js";
import { reporterNotice } from "./reporter-notices.js";

function staffId(ctx: Ctx): string {
  if (ctx.actor.type !== "staff") throw new AppError("UNAUTHENTICATED", "Sign in first");
  return ctx.actor.userId;
}

type Tx = Db;

/**
 * The shared shape of every workflow write: check scope (404), then in one transaction apply the update only if the
 * report is still where the caller saw it (else 409), add the timeline event, audit, and notify open inboxes.
 */
async function transition(
  ctx: Ctx,
  id: string,
  opts: {
    version?: number;
    from: ReportStatus[];
    conflict: "ALREADY_DECIDED" | "INVALID_TRANSITION";
    values: (r: repo.ReportRow) => Parameters<typeof repo.updateIfCurrent>[3];
    event: (r: repo.ReportRow, updated: repo.ReportRow) => Omit<Parameters<typeof repo.insertEvent>[1], "reportId">;
    action: string;
    details?: Record<string, unknown>;
    afterUpdate?: (tx: Tx, updated: repo.ReportRow) => Promise<void>;
    /** Responders act on unassigned reports and their own, never on a colleague's; data managers on any in scope. */
    handlerOnly?: boolean;
  },
) {
  const current = await loadInScope(ctx, id);
  if (
    opts.handlerOnly &&
    ctx.actor.type === "staff" &&
    ctx.actor.role === "first_responder" &&
    current.assigneeId !== null &&
    current.assigneeId !== ctx.actor.userId
  ) {
    throw new AppError("FORBIDDEN", "This report is assigned to someone else");
  }
  return ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Tx;
    const updated = await repo.updateIfCurrent(
      tx,
      id,
      { version: opts.version, statuses: opts.from },
      opts.values(current),
    );
    if (!updated) {
      const fresh = await repo.findInScope(tx, id, sql`true`);
      if (opts.version !== undefined && fresh && fresh.version !== opts.version) {
        throw new AppError("VERSION_CONFLICT", "Someone else changed this report; reload it", {
          version: fresh.version,
        });
      }
      throw new AppError(opts.conflict, `Not possible while the report is ${fresh?.status ?? current.status}`, {
        status: fresh?.status ?? current.status,
      });
    }
    await repo.insertEvent(tx, { reportId: id, ...opts.event(current, updated) });
    await opts.afterUpdate?.(tx, updated);
    await repo.notifyChange(tx, { id, status: updated.status, districtId: updated.districtId, type: opts.action });
    await audit(ctx, tx, {
      action: opts.action,
      entity: "report",
      entityId: id,
      details: { from: current.status, to: updated.status, ...opts.details },
    });
    return { id, status: updated.status as ReportStatus, version: updated.version };
  });
}

async function sendSystemMessage(ctx: Ctx, tx: Tx, r: repo.ReportRow, kind: Parameters<typeof reporterNotice>[0]) {
  await repo.insertMessage(tx, {
    reportId: r.id,
    from: "responder",
    bodyEnc: ctx.services.cipher.encrypt(reporterNotice(kind, r.language)),
  });
}

export async function decideReport(
  ctx: Ctx,
  id: string,
  input: {
    decision: "validate" | "decline";
    reason?: DeclineReason | null;
    note?: string | null;
    duplicateOfId?: string | null;
    version?: number;
  },
) {
  const actorId = staffId(ctx);
  const now = new Date();
  const validating = input.decision === "validate";
  if (input.duplicateOfId) await loadInScope(ctx, input.duplicateOfId);
  return transition(ctx, id, {
    version: input.version,
    from: ["submitted"],
    conflict: "ALREADY_DECIDED",
    values: () =>
      validating
        ? { status: "validated", validatedAt: now, declineReason: null }
        : { status: "declined", declineReason: input.reason ?? "other" },
    event: (r) => ({
      type: "status_change",
      fromStatus: r.status,
      toStatus: validating ? "validated" : "declined",
      actorType: "staff",
      actorId,
      visibleToReporter: true,
      noteEnc: ctx.services.cipher.encryptOptional(input.note),
      details: validating ? {} : { reason: input.reason, duplicateOfId: input.duplicateOfId ?? undefined },
    }),
    action: validating ? "report.validate" : "report.decline",
    details: validating ? {} : { reason: input.reason },
    // The reporter hears back either way, in their own language.
    afterUpdate: (tx, updated) => sendSystemMessage(ctx, tx, updated, validating ? "validated" : "declined"),
  });
}

/** Only a data manager undoes a decision, and only with a note saying why. */
export async function reopenReport(ctx: Ctx, id: string, input: { note: string; version?: number }) {
  const actorId = staffId(ctx);
  return transition(ctx, id, {
    version: input.version,
    from: ["declined", "validated"],
    conflict: "INVALID_TRANSITION",
    values: () => ({ status: "submitted", declineReason: null, validatedAt: null }),
    event: (r) => ({
      type: "status_change",
      fromStatus: r.status,
      toStatus: "submitted",
      actorType: "staff",
      actorId,
      visibleToReporter: false,
      noteEnc: ctx.services.cipher.encrypt(input.note),
      details: { reopened: true },
    }),
    action: "report.reopen",
  });
}

export async function changeReportStatus(
  ctx: Ctx,
  id: string,
  input: { status: ReportStatus; note?: string | null; version?: number },
) {
  const actorId = staffId(ctx);
  const now = new Date();
  const from = (
    Object.keys({ validated: 1, in_progress: 1, referred: 1, escalated: 1, resolved: 1 }) as ReportStatus[]
  ).filter((s) => canMoveTo(s, input.status));
  return transition(ctx, id, {
    version: input.version,
    from,
    conflict: "INVALID_TRANSITION",
    values: (r) => ({
      status: input.status,
      ...(input.status === "resolved" ? { resolvedAt: now, reporterConfirmed: null, reporterConfirmedAt: null } : {}),
      ...(input.status === "closed" ? { closedAt: now } : {}),
      ...(!r.firstResponseAt ? { firstResponseAt: now } : {}),
    }),
    event: (r) => ({
      type: "status_change",
      fromStatus: r.status,
      toStatus: input.status,
      actorType: "staff",
      actorId,
      visibleToReporter: true,
      noteEnc: ctx.services.cipher.encryptOptional(input.note),
    }),
    action: "report.status",
    handlerOnly: true,
    afterUpdate: async (tx, updated) => {
      if (input.status === "resolved") await sendSystemMessage(ctx, tx, updated, "resolved");
    },
  });
}

/** Assign to a responder (or data manager) whose scope covers the report's district; null unassigns. */
export async function assignReport(ctx: Ctx, id: string, input: { assigneeId: string | null; version?: number }) {
  const actorId = staffId(ctx);
  const report = await loadInScope(ctx, id);
  if (input.assigneeId) {
    const assignee = await repo.staffById(ctx.db, input.assigneeId);
    const scope =
      assignee &&
      (await resolveScope(ctx.db, { areaIds: assignee.scopeAreaIds, facilityIds: assignee.scopeFacilityIds }));
    if (
      !assignee ||
      assignee.disabledAt ||
      !roleHas(assignee.role, "report:update_status") ||
      !scope?.districtIds.includes(report.districtId)
    ) {
      throw new AppError("VALIDATION_FAILED", "This person cannot take reports in this district", [
        { path: "assigneeId", message: "not an eligible responder for this district" },
      ]);
    }
  }
  return transition(ctx, id, {
    version: input.version,
    from: ["submitted", "validated", "in_progress", "referred", "escalated", "resolved"],
    conflict: "INVALID_TRANSITION",
    values: () => ({ assigneeId: input.assigneeId }),
    event: (r) => ({
      type: "assignment",
      fromStatus: r.status,
      toStatus: r.status,
      actorType: "staff",
      actorId,
      visibleToReporter: false,
      details: { assigneeId: input.assigneeId, previousAssigneeId: r.assigneeId },
    }),
    action: "report.assign",
    details: { assigneeId: input.assigneeId },
  });
}

/** A message the reporter sees on the tracking page (and, later, by SMS or chat). The first one starts the clock. */
export async function sendReporterMessage(ctx: Ctx, id: string, input: { body: string }) {
  const actorId = staffId(ctx);
  const now = new Date();
  return transition(ctx, id, {
    from: ["submitted", "validated", "in_progress", "referred", "escalated", "resolved"],
    conflict: "INVALID_TRANSITION",
    values: (r) => (r.firstResponseAt ? {} : { firstResponseAt: now }),
    event: (r) => ({
      type: "message",
      fromStatus: r.status,
      toStatus: r.status,
      actorType: "staff",
      actorId,
      visibleToReporter: true,
    }),
    action: "report.message",
    handlerOnly: true,
    afterUpdate: async (tx) => {
      await repo.insertMessage(tx, {
        reportId: id,
        from: "responder",
        authorId: actorId,
        bodyEnc: ctx.services.cipher.encrypt(input.body),
      });
    },
  });
}

/** Internal notes are never shown to the reporter. */
export async function addInternalNote(ctx: Ctx, id: string, input: { body: string }) {
  const actorId = staffId(ctx);
  const all: ReportStatus[] = [
    "submitted",
    "validated",
    "declined",
    "in_progress",
    "referred",
    "resolved",
    "escalated",
    "closed",
  ];
  return transition(ctx, id, {
    from: all,
    conflict: "INVALID_TRANSITION",
    values: () => ({}),
    event: (r) => ({
      type: "note",
      fromStatus: r.status,
      toStatus: r.status,
      actorType: "staff",
      actorId,
      visibleToReporter: false,
      noteEnc: ctx.services.cipher.encrypt(input.body),
    }),
    action: "report.note",
  });
}
