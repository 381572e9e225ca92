import type { ErasedReport } from "@openclm/contracts";
import { audit } from "../audit/audit.service.js";
import { type Db, withTransaction } from "../db/database.js";
import type { Ctx } from "../platform/context.js";
import { type ErasedBy, type ErasureCounts, eraseReports } from "./erasure.repo.js";
import * as repo from "./reports.repo.js";
import { lookupHash, notFound } from "./track-report.js";

/**
 * The reporter deletes their report (PRODUCT.md 4: a person can delete their data). Its personal data, messages and
 * notes are erased and its tracking code with them, so every later call with the code answers 404 as for a code that
 * never existed; what stays is de-identified and keeps counting in the indicators. A second tap finds nothing to
 * erase: the row is locked while the first is erased, and then the code is gone.
 */
export async function deleteMyReport(ctx: Ctx, typed: string): Promise<ErasedReport> {
  const codeHash = lookupHash(ctx, typed);
  const now = new Date();
  await withTransaction(ctx, async (tx) => {
    const report = await repo.findByTrackingCode(tx, codeHash, { forUpdate: true });
    if (!report) throw notFound();
    const counts = await eraseReports(tx, [report.id], "reporter", now);
    await recordErasure(ctx, tx, { id: report.id, status: report.status }, "reporter", counts, now);
  });
  return { erased: true, erasedAt: now.toISOString() };
}

/**
 * What a report's erasure leaves behind, in the same transaction: an `erasure` event on its timeline (staff see when
 * and by whom), a notice to open inboxes, and an audit row of counts. Neither the event nor the audit row names the
 * person who erased (a community account would link itself to the report again).
 */
export async function recordErasure(
  ctx: Ctx,
  tx: Db,
  report: { id: string; status: string },
  by: ErasedBy,
  counts: ErasureCounts,
  at: Date,
): Promise<void> {
  await repo.insertEvents(tx, [
    {
      reportId: report.id,
      at,
      type: "erasure",
      actorType: by === "retention" ? "system" : "reporter",
      details: { by },
    },
  ]);
  await repo.notifyReportChange(tx, report.id, report.status, "report.erase");
  const { reports: _one, ...erased } = counts;
  await audit(ctx, tx, {
    action: "report.erase",
    entity: "report",
    entityId: report.id,
    actorId: null,
    details: { by, ...erased, trackingCode: true },
  });
}
