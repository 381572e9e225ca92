import type { TrackedReport } from "@openclm/contracts";
import { audit } from "../audit/audit.service.js";
import { withTransaction } from "../db/database.js";
import { AppError } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import { releaseEscalation } from "../protocols/protocols.repo.js";
import { canConfirm } from "./reports.presenter.js";
import * as repo from "./reports.repo.js";
import { lookupHash, notFound, presentTracked } from "./track-report.js";

/**
 * Closes the loop (PRODUCT.md 3.2): the reporter says whether the resolved challenge was really resolved. "Yes"
 * keeps it resolved and records the confirmation; "no" reopens it (back to in progress): the resolution clock starts
 * again from this answer (`reopenedAt`; an earlier escalation of it is released so a new breach escalates again), and
 * a report nobody holds goes back to whoever last marked it resolved, so it appears in their queue flagged "reopened
 * by the reporter" (issue #20, item 9).
 */
export async function confirmResolution(
  ctx: Ctx,
  typed: string,
  input: { resolved: boolean; comment?: string | null },
): Promise<TrackedReport> {
  const codeHash = lookupHash(ctx, typed);
  const now = new Date();
  const { cipher } = ctx.services;
  const actorId = ctx.actor.type === "community" ? ctx.actor.accountId : null;
  const comment = input.comment?.trim() || null;
  const updated = await withTransaction(ctx, async (tx) => {
    const report = await repo.findByTrackingCode(tx, codeHash, { forUpdate: true });
    if (!report) throw notFound();
    if (!canConfirm(report)) throw new AppError("INVALID_TRANSITION", "This report is not waiting for a confirmation");
    const status = input.resolved ? "resolved" : "in_progress";
    const handler = input.resolved ? null : await repo.lastHandler(tx, report.id);
    await repo.updateReport(
      tx,
      report.id,
      {
        status,
        reporterConfirmed: input.resolved,
        reporterConfirmedAt: now,
        ...(input.resolved ? {} : { resolvedAt: null, reopenedAt: now }),
        ...(handler?.returned ? { assigneeId: handler.assigneeId } : {}),
      },
      now,
    );
    if (!input.resolved) await releaseEscalation(tx, report.id, "resolution");
    const reporter = { reportId: report.id, at: now, actorType: "reporter", actorId } as const;
    await repo.insertEvents(tx, [
      input.resolved
        ? { ...reporter, type: "confirmation", details: { resolved: true } }
        : {
            ...reporter,
            type: "status_change",
            fromStatus: "resolved",
            toStatus: "in_progress",
            visibleToReporter: true,
            details: { reason: "reporter_not_resolved", reopened: true },
          },
      ...(handler?.returned
        ? [
            {
              ...reporter,
              type: "assignment",
              actorType: "system",
              actorId: null,
              fromStatus: "in_progress",
              toStatus: "in_progress",
              details: {
                assigneeId: handler.assigneeId,
                assigneeTeamId: null,
                previousAssigneeId: null,
                reopened: true,
              },
            } as const,
          ]
        : []),
    ]);
    if (comment)
      await repo.insertMessage(tx, {
        reportId: report.id,
        at: now,
        from: "reporter",
        bodyEnc: cipher.encrypt(comment),
      });
    const action = input.resolved ? "report.resolution_confirmed" : "report.resolution_rejected";
    await repo.notifyReportChange(tx, report.id, status, action);
    await audit(ctx, tx, {
      action,
      entity: "report",
      entityId: report.id,
      details: {
        resolved: input.resolved,
        fromStatus: "resolved",
        toStatus: status,
        ...(handler?.returned ? { returnedTo: handler.assigneeId } : {}),
      },
    });
    return { ...report, status, reporterConfirmed: input.resolved, reporterConfirmedAt: now };
  });
  return presentTracked(ctx, updated);
}
