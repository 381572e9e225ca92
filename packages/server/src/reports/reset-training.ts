import type { TrainingResetResult, TrainingSummary } from "@openclm/contracts";
import { count } from "drizzle-orm";
import { audit } from "../audit/audit.service.js";
import { withTransaction } from "../db/database.js";
import { requireCountryScope } from "../identity/scope.js";
import type { Ctx } from "../platform/context.js";
import { reports } from "./reports.schema.js";
import { reportsOfSet } from "./training.js";

/** `getTrainingSummary`: how many practice reports there are (Set-up shows it beside the reset). */
export async function getTrainingSummary(ctx: Ctx): Promise<TrainingSummary> {
  const [row] = await ctx.db.select({ n: count() }).from(reports).where(reportsOfSet("training"));
  return { reports: Number(row?.n ?? 0) };
}

/**
 * `resetTrainingData`: a country administrator erases every practice report at once (before a new training
 * session, or after one). Their timelines, messages, notes, chats and notices go with them (foreign keys cascade);
 * live reports are untouched, and practice reports were never in a count, so no aggregate moves. Country-wide only:
 * practice reports of every district go. One audit row names how many.
 */
export async function resetTrainingData(ctx: Ctx): Promise<TrainingResetResult> {
  await requireCountryScope(ctx);
  return withTransaction(ctx, async (tx) => {
    const deleted = await tx.delete(reports).where(reportsOfSet("training")).returning({ id: reports.id });
    await audit(ctx, tx, {
      action: "training.reset",
      entity: "training",
      entityId: null,
      details: { deleted: deleted.length },
    });
    return { deleted: deleted.length };
  });
}
