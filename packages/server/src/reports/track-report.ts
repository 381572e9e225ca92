import type { TrackedReport } from "@openclm/contracts";
import { AppError } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import { presentTrackedReport } from "./reports.presenter.js";
import * as repo from "./reports.repo.js";
import { normaliseTrackingCode, trackingCodeHash } from "./tracking-code.js";

/** Finds a report by the code its reporter holds; anything that is not a live code is simply "not found". */
export async function findTracked(ctx: Ctx, typed: string): Promise<repo.TrackedRow> {
  const row = await repo.findByTrackingCode(ctx.db, lookupHash(ctx, typed));
  if (!row) throw notFound();
  return row;
}

/** The keyed hash that finds the report of what the reporter typed; what cannot be a code is "not found". */
export function lookupHash(ctx: Ctx, typed: string): string {
  const code = normaliseTrackingCode(typed);
  if (!code) throw notFound();
  return trackingCodeHash(ctx.services.cipher, code);
}

export function notFound(): AppError {
  return new AppError("NOT_FOUND", "No report has this tracking code");
}

/** The reporter's view of their report: plain status history, public replies, and whether to confirm. */
export async function trackReport(ctx: Ctx, typed: string): Promise<TrackedReport> {
  const row = await findTracked(ctx, typed);
  return presentTracked(ctx, row);
}

export async function presentTracked(ctx: Ctx, row: repo.TrackedRow): Promise<TrackedReport> {
  const [timeline, messages, mergedStatus] = await Promise.all([
    repo.reporterTimeline(ctx.db, row.id),
    repo.messagesOf(ctx.db, row.id),
    row.mergedIntoId ? repo.statusOf(ctx.db, row.mergedIntoId) : undefined,
  ]);
  return presentTrackedReport(row, timeline, messages, ctx.services.cipher, mergedStatus);
}
