import type { TrackedReport } from "@openclm/contracts";
import { audit } from "../audit/audit.service.js";
import { withTransaction } from "../db/database.js";
import { AppError } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import { canConfirm } from "./reports.presenter.js";
import * as repo from "./reports.repo.js";
import { lookupHash, notFound, presentTracked } from "./track-report.js";

/**
 * Closes the loop (PRODUCT.md 3.2): the reporter says whether the resolved challenge was really resolved. "Yes"
 * keeps it resolved and records the confirmation; "no" reopens it (back to in progress) for the responder.
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
    await repo.updateReport(
      tx,
      report.id,
      { status, reporterConfirmed: input.resolved, reporterConfirmedAt: now },
      now,
    );
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
            details: { reason: "reporter_not_resolved" },
          },
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
      details: { resolved: input.resolved, fromStatus: "resolved", toStatus: status },
    });
    return { ...report, status, reporterConfirmed: input.resolved, reporterConfirmedAt: now };
  });
  return presentTracked(ctx, updated);
}
