import type { TrackedReport } from "@openclm/contracts";
import { AppError } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import { presentTrackedReport } from "./reports.presenter.js";
import * as repo from "./reports.repo.js";
import { normaliseTrackingCode } from "./tracking-code.js";

/** Finds a report by the code its reporter holds; anything that is not a live code is simply "not found". */
export async function findTracked(ctx: Ctx, typed: string): Promise<repo.TrackedRow> {
  const code = normaliseTrackingCode(typed);
  const row = code ? await repo.findByTrackingCode(ctx.db, code) : undefined;
  if (!row) throw new AppError("NOT_FOUND", "No report has this tracking code");
  return row;
}

/** The reporter's view of their report: plain status history, public replies, and whether to confirm. */
export async function trackReport(ctx: Ctx, typed: string): Promise<TrackedReport> {
  const row = await findTracked(ctx, typed);
  return presentTracked(ctx, row);
}

export async function presentTracked(ctx: Ctx, row: repo.TrackedRow): Promise<TrackedReport> {
  const [timeline, messages] = await Promise.all([
    repo.reporterTimeline(ctx.db, row.id),
    repo.messagesOf(ctx.db, row.id),
  ]);
  return presentTrackedReport(row, timeline, messages, ctx.services.cipher);
}
