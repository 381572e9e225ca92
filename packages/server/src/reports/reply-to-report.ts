import type { ReportMessage } from "@openclm/contracts";
import { audit } from "../audit/audit.service.js";
import { withTransaction } from "../db/database.js";
import { AppError } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import { presentMessage } from "./reports.presenter.js";
import * as repo from "./reports.repo.js";
import { findTracked } from "./track-report.js";

/** The reporter answers the responder (or adds information) from the tracking page. Closed reports take no more. */
export async function replyToReport(ctx: Ctx, typed: string, input: { body: string }): Promise<ReportMessage> {
  const report = await findTracked(ctx, typed);
  if (report.status === "closed") throw new AppError("INVALID_TRANSITION", "This report is closed");
  const now = new Date();
  const bodyEnc = ctx.services.cipher.encrypt(input.body);
  const actorId = ctx.actor.type === "community" ? ctx.actor.accountId : null;
  await withTransaction(ctx, async (tx) => {
    await repo.insertMessage(tx, { reportId: report.id, at: now, from: "reporter", bodyEnc });
    await repo.insertEvents(tx, [
      { reportId: report.id, at: now, type: "message", actorType: "reporter", actorId, visibleToReporter: true },
    ]);
    await repo.updateReport(tx, report.id, {}, now);
    const action = "report.reporter_message";
    await repo.notifyReportChange(tx, report.id, report.status, action);
    await audit(ctx, tx, { action, entity: "report", entityId: report.id });
  });
  return presentMessage({ from: "reporter", bodyEnc, at: now }, ctx.services.cipher);
}
