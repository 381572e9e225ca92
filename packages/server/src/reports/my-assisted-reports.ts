import type { MyAssistedReports } from "@openclm/contracts";
import { and, desc, eq, isNotNull } from "drizzle-orm";
import { AppError } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import { reports } from "./reports.schema.js";
import { liveReports } from "./training.js";

type Status = MyAssistedReports["items"][number]["status"];

/** A field worker's recent reports; older ones stay counted on the dashboard. */
const LIMIT = 50;

/**
 * `listMyAssistedReports`: the reports this peer supporter made for others and where each one is. Codes, status and
 * dates only: the person's own words, phone and tracking code are theirs (a peer supporter who is also assigned to a
 * report reads it in the inbox, like any responder). Reads no personal data, so it writes no audit row.
 */
export async function listMyAssistedReports(ctx: Ctx): Promise<MyAssistedReports> {
  if (ctx.actor.type !== "staff") throw new AppError("UNAUTHENTICATED", "Sign in first");
  const rows = await ctx.db
    .select({
      clientId: reports.clientId,
      status: reports.status,
      categoryCode: reports.categoryCode,
      subcategoryCode: reports.subcategoryCode,
      assistantKind: reports.assistantKind,
      consentMethod: reports.consentMethod,
      createdAt: reports.createdAt,
    })
    .from(reports)
    .where(and(eq(reports.assistedBy, ctx.actor.userId), isNotNull(reports.assistantKind), liveReports))
    .orderBy(desc(reports.createdAt))
    .limit(LIMIT);
  return {
    items: rows.flatMap(({ assistantKind, ...r }) =>
      assistantKind ? [{ ...r, assistantKind, status: r.status as Status, createdAt: r.createdAt.toISOString() }] : [],
    ),
  };
}
