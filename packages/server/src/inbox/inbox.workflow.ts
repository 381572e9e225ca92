import {
  reportStatuses as allStatuses,
  type DeclineReason,
  type ReportStatus,
  type ResolutionOutcome,
} from "@openclm/contracts";
import { sql } from "drizzle-orm";
import { audit } from "../audit/audit.service.js";
import { type Tx, withTransaction } from "../db/database.js";
import { roleHas } from "../identity/roles.js";
import { resolveScope } from "../identity/scope.js";
import { notifyReporter, sendReporterNotifications } from "../notifications/notify-reporter.js";
import { AppError } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import * as protocolsRepo from "../protocols/protocols.repo.js";
import { notifyReportChange } from "../reports/reports.repo.js";
import * as teamsRepo from "../teams/teams.repo.js";
import { myTeamIds, teamDistricts } from "../teams/teams.service.js";
import { canMoveTo, mayActOn, maySeePersonalData } from "./inbox.policy.js";
import * as repo from "./inbox.repo.js";
import { loadInScope, registrationRequired, scopeSql } from "./inbox.service.js";
import { type NoticeKind, reporterNotice } from "./reporter-notices.js";

function staffId(ctx: Ctx): string {
  if (ctx.actor.type !== "staff") throw new AppError("UNAUTHENTICATED", "Sign in first");
  return ctx.actor.userId;
}

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
    /** Applies only while nobody holds the report (a person or a team). */
    unheld?: boolean;
    conflict: "ALREADY_DECIDED" | "INVALID_TRANSITION";
    values: (r: repo.ReportRow) => Parameters<typeof repo.updateIfCurrent>[3];
    event: (r: repo.ReportRow, updated: repo.ReportRow) => Omit<Parameters<typeof repo.insertEvent>[1], "reportId">;
    action: string;
    details?: Record<string, unknown>;
    afterUpdate?: (tx: Tx, updated: repo.ReportRow) => Promise<void>;
    /**
     * Who among those allowed the route may write to this report (403 otherwise): `mayActOn` for the case work
     * (responders never act on a colleague's or another team's report), `maySeePersonalData` for notes.
     */
    allowed?: (actor: Ctx["actor"], report: repo.ReportRow, myTeamIds: string[]) => boolean;
    /** Writes personal content (a message, a note): refused with REPORT_ERASED once the report's data is erased. */
    personalContent?: boolean;
  },
) {
  const current = await loadInScope(ctx, id);
  if (opts.personalContent && current.erasedAt) throw reportErased();
  if (opts.allowed && !opts.allowed(ctx.actor, current, await myTeamIds(ctx))) {
    throw new AppError("FORBIDDEN", "This report is handled by someone else");
  }
  return withTransaction(ctx, async (tx) => {
    const updated = await repo.updateIfCurrent(
      tx,
      id,
      { version: opts.version, statuses: opts.from, notErased: opts.personalContent, unheld: opts.unheld },
      opts.values(current),
    );
    if (!updated) {
      const fresh = await repo.findInScope(tx, id, sql`true`);
      if (opts.personalContent && fresh?.erasedAt) throw reportErased();
      if (opts.version !== undefined && fresh && fresh.version !== opts.version) {
        throw new AppError("VERSION_CONFLICT", "Someone else changed this report; reload it", {
          version: fresh.version,
        });
      }
      if (opts.unheld && (fresh?.assigneeId || fresh?.assigneeTeamId)) {
        throw new AppError("VERSION_CONFLICT", "Someone else took this report first; reload it", {
          version: fresh.version,
        });
      }
      throw new AppError(opts.conflict, `Not possible while the report is ${fresh?.status ?? current.status}`, {
        status: fresh?.status ?? current.status,
      });
    }
    await repo.insertEvent(tx, { reportId: id, ...opts.event(current, updated) });
    await opts.afterUpdate?.(tx, updated);
    await notifyReportChange(tx, id, updated.status, opts.action);
    await audit(ctx, tx, {
      action: opts.action,
      entity: "report",
      entityId: id,
      details: { from: current.status, to: updated.status, ...opts.details },
    });
    return { id, status: updated.status as ReportStatus, version: updated.version };
  });
}

function reportErased(): AppError {
  return new AppError("REPORT_ERASED", "The reporter's personal data and messages were erased: nobody can write here");
}

async function sendSystemMessage(ctx: Ctx, tx: Tx, r: repo.ReportRow, kind: NoticeKind) {
  // Nobody can read an erased report's conversation any more: its code is gone.
  if (r.erasedAt) return;
  // Inside the transaction (PGlite has one connection: a read beside it would wait for it to end).
  const text = await reporterNotice(tx, kind, r.language, r.declineReason);
  await repo.insertMessage(tx, { reportId: r.id, from: "responder", bodyEnc: ctx.services.cipher.encrypt(text) });
  // By push, chat or SMS, as the reporter asked: that there is news, not what (notifications/notify-reporter.ts).
  await notifyReporter(ctx, tx, r, { kind: "reply", from: "system", body: text });
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
  if (!validating && input.reason === "not_registered" && !(await registrationRequired(ctx.db))) {
    throw new AppError("VALIDATION_FAILED", "This programme does not require registration", [
      { path: "reason", message: "not_registered applies only where the programme requires registration" },
    ]);
  }
  return transition(ctx, id, {
    version: input.version,
    from: ["submitted"],
    conflict: "ALREADY_DECIDED",
    values: () =>
      validating
        ? { status: "validated", validatedAt: now, declineReason: null }
        : { status: "declined", declineReason: input.reason ?? "other", endedAt: now },
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
  }).then(async (result) => {
    await sendReporterNotifications(ctx, id);
    return result;
  });
}

/**
 * A data manager merges a duplicate into the report about the same problem that stays: the duplicate is declined as
 * a duplicate (so the challenge counts once, through the other), remembers where it went (its reporter follows that
 * report's status on their tracking page), and both timelines say so. A report already merged, or merged into
 * itself, is refused; a target outside the caller's scope is not a report they can name (400).
 */
export async function mergeDuplicateReports(ctx: Ctx, id: string, input: { intoId: string; version?: number }) {
  const actorId = staffId(ctx);
  const now = new Date();
  const source = await loadInScope(ctx, id);
  const into = await repo.findInScope(ctx.db, input.intoId, await scopeSql(ctx));
  // A practice report and a live one are never merged (training mode, ADR 0023): the live one would count it.
  const otherSet = into && into.training !== source.training;
  if (!into || otherSet || into.id === id || into.mergedIntoId || into.status === "declined") {
    throw new AppError("VALIDATION_FAILED", "Not a report this one can be merged into", [
      { path: "intoId", message: "another open report in your scope, not itself merged" },
    ]);
  }
  return transition(ctx, id, {
    version: input.version,
    from: ["submitted", "validated"],
    conflict: "INVALID_TRANSITION",
    values: () => ({ status: "declined", declineReason: "duplicate", endedAt: now, mergedIntoId: into.id }),
    event: (r) => ({
      type: "status_change",
      fromStatus: r.status,
      toStatus: "declined",
      actorType: "staff",
      actorId,
      visibleToReporter: true,
      details: { reason: "duplicate", duplicateOfId: into.id, merged: true },
    }),
    action: "report.merge",
    details: { intoId: into.id },
    afterUpdate: async (tx) => {
      await repo.insertEvent(tx, {
        reportId: into.id,
        type: "merge",
        fromStatus: into.status,
        toStatus: into.status,
        actorType: "staff",
        actorId,
        visibleToReporter: false,
        details: { mergedId: id },
      });
    },
  });
}

/** Only a data manager undoes a decision, and only with a note saying why. */
export async function reopenReport(ctx: Ctx, id: string, input: { note: string; version?: number }) {
  const actorId = staffId(ctx);
  return transition(ctx, id, {
    version: input.version,
    from: ["declined", "validated"],
    conflict: "INVALID_TRANSITION",
    // A merged duplicate reopened is its own report again.
    values: () => ({ status: "submitted", declineReason: null, validatedAt: null, endedAt: null, mergedIntoId: null }),
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
  input: {
    status: ReportStatus;
    note?: string | null;
    outcome?: ResolutionOutcome | null;
    referredTo?: string | null;
    version?: number;
  },
) {
  const actorId = staffId(ctx);
  const now = new Date();
  const outcome = await outcomeDetails(ctx, id, input);
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
      ...(input.status === "closed" ? { closedAt: now, endedAt: now } : {}),
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
      details: outcome,
    }),
    action: "report.status",
    details: outcome,
    allowed: mayActOn,
    afterUpdate: async (tx, updated) => {
      if (input.status === "resolved") await sendSystemMessage(ctx, tx, updated, "resolved");
      // Any other change the track page shows is told by push to the browsers that follow the report (free; no SMS).
      else await notifyReporter(ctx, tx, updated, { kind: "update", toStatus: input.status });
    },
  }).then(async (result) => {
    if (input.status === "resolved") await sendReporterNotifications(ctx, id);
    return result;
  });
}

/**
 * What a resolution or referral records beside the status: how it was resolved and which protocol steps were not
 * done (shown on the timeline, so a resolution with steps skipped is visible), or where it was referred.
 */
async function outcomeDetails(
  ctx: Ctx,
  id: string,
  input: { status: ReportStatus; outcome?: ResolutionOutcome | null; referredTo?: string | null },
): Promise<Record<string, unknown>> {
  if (input.status === "referred") return { referredTo: input.referredTo };
  if (input.status !== "resolved") return {};
  const report = await loadInScope(ctx, id);
  const [protocol, done] = await Promise.all([
    protocolsRepo.findProtocol(ctx.db, report.subcategoryCode),
    protocolsRepo.stepsDone(ctx.db, id),
  ]);
  const ticked = new Set(done.map((d) => d.stepCode));
  const skippedSteps = (protocol?.steps ?? []).map((s) => s.code).filter((code) => !ticked.has(code));
  return { outcome: input.outcome, skippedSteps };
}

/**
 * Assign to a responder (or data manager), a team, or a member of a team: each must have a scope covering the
 * report's district (else 400), and a named person within a team must belong to it. Null and no team unassigns.
 */
export async function assignReport(
  ctx: Ctx,
  id: string,
  input: { assigneeId: string | null; assigneeTeamId?: string | null; version?: number },
) {
  const actorId = staffId(ctx);
  const report = await loadInScope(ctx, id);
  const teamId = input.assigneeTeamId ?? null;
  await checkAssignee(ctx, report.districtId, input.assigneeId, teamId);
  return transition(ctx, id, {
    version: input.version,
    from: ["submitted", "validated", "in_progress", "referred", "escalated", "resolved"],
    conflict: "INVALID_TRANSITION",
    values: () => ({ assigneeId: input.assigneeId, assigneeTeamId: teamId }),
    event: (r) => ({
      type: "assignment",
      fromStatus: r.status,
      toStatus: r.status,
      actorType: "staff",
      actorId,
      visibleToReporter: false,
      details: {
        assigneeId: input.assigneeId,
        assigneeTeamId: teamId,
        previousAssigneeId: r.assigneeId,
        previousAssigneeTeamId: r.assigneeTeamId,
      },
    }),
    action: "report.assign",
    details: { assigneeId: input.assigneeId, assigneeTeamId: teamId },
  });
}

/**
 * A responder (or data manager) takes a report nobody holds, in their scope, without waiting for the data manager:
 * it becomes theirs. Someone who took it first wins (409); a report held by anyone is not taken over (403).
 */
export async function takeReport(ctx: Ctx, id: string, input: { version?: number }) {
  const actorId = staffId(ctx);
  const report = await loadInScope(ctx, id);
  if (report.assigneeId || report.assigneeTeamId)
    throw new AppError("FORBIDDEN", "Someone already handles this report");
  await checkAssignee(ctx, report.districtId, actorId, null);
  return transition(ctx, id, {
    version: input.version,
    from: ["validated", "in_progress", "referred", "escalated"],
    unheld: true,
    conflict: "INVALID_TRANSITION",
    values: () => ({ assigneeId: actorId }),
    event: (r) => ({
      type: "assignment",
      fromStatus: r.status,
      toStatus: r.status,
      actorType: "staff",
      actorId,
      visibleToReporter: false,
      details: { assigneeId: actorId, assigneeTeamId: null, previousAssigneeId: null, taken: true },
    }),
    action: "report.take",
  });
}

function notEligible(path: string, message: string): AppError {
  return new AppError("VALIDATION_FAILED", "This assignment is not possible in this district", [{ path, message }]);
}

async function checkAssignee(ctx: Ctx, districtId: string, assigneeId: string | null, teamId: string | null) {
  if (assigneeId) {
    const assignee = await repo.staffById(ctx.db, assigneeId);
    const scope =
      assignee &&
      (await resolveScope(ctx.db, { areaIds: assignee.scopeAreaIds, facilityIds: assignee.scopeFacilityIds }));
    if (
      !assignee ||
      assignee.disabledAt ||
      !roleHas(assignee.role, "report:update_status") ||
      !scope?.districtIds.includes(districtId)
    ) {
      throw notEligible("assigneeId", "not an eligible responder for this district");
    }
  }
  if (teamId) {
    const team = await teamsRepo.findTeam(ctx.db, teamId);
    if (!team || !(await teamDistricts(ctx.db, team)).includes(districtId)) {
      throw notEligible("assigneeTeamId", "not a team covering this district");
    }
    if (assigneeId && !(await teamsRepo.isMember(ctx.db, teamId, assigneeId))) {
      throw notEligible("assigneeId", "not a member of this team");
    }
  }
}

/** The data manager records whether the reporter is registered with the TB programme (where it is required). */
export async function setRegistration(
  ctx: Ctx,
  id: string,
  input: { registeredWithProgramme: "yes" | "no" | "unknown"; version?: number },
) {
  const actorId = staffId(ctx);
  await loadInScope(ctx, id);
  if (!(await registrationRequired(ctx.db))) {
    throw new AppError("VALIDATION_FAILED", "This programme does not require registration", [
      { path: "registeredWithProgramme", message: "registration is not required here" },
    ]);
  }
  return transition(ctx, id, {
    version: input.version,
    from: [...allStatuses],
    conflict: "INVALID_TRANSITION",
    values: () => ({ registeredWithProgramme: input.registeredWithProgramme }),
    event: (r) => ({
      type: "registration",
      fromStatus: r.status,
      toStatus: r.status,
      actorType: "staff",
      actorId,
      visibleToReporter: false,
      details: { registeredWithProgramme: input.registeredWithProgramme, previous: r.registeredWithProgramme },
    }),
    action: "report.registration",
    details: { registeredWithProgramme: input.registeredWithProgramme },
  });
}

/**
 * A message the reporter sees on the tracking page, and told of by SMS when they agreed to be contacted on a number. The first one starts the clock. The
 * conversation is personal data: only those who may read it (the data manager, the responder handling) write in it.
 */
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
    allowed: maySeePersonalData,
    personalContent: true,
    afterUpdate: async (tx, r) => {
      await repo.insertMessage(tx, {
        reportId: id,
        from: "responder",
        authorId: actorId,
        bodyEnc: ctx.services.cipher.encrypt(input.body),
      });
      // By push, chat or SMS, as the reporter asked: that there is a reply, not what (notifications/notify-reporter.ts).
      await notifyReporter(ctx, tx, r, { kind: "reply", from: "responder", body: input.body });
    },
  }).then(async (result) => {
    await sendReporterNotifications(ctx, id);
    return result;
  });
}

/**
 * Internal notes are never shown to the reporter. They are read and written by those who may see the report's
 * personal data (the data manager, the responder handling it): a note is where a health condition gets written.
 */
export async function addInternalNote(ctx: Ctx, id: string, input: { body: string }) {
  const actorId = staffId(ctx);
  return transition(ctx, id, {
    from: [...allStatuses],
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
    allowed: maySeePersonalData,
    personalContent: true,
  });
}
