import type { Dhis2Metadata, Dhis2Payload, Dhis2PushResult } from "@openclm/contracts";
import { and, desc, eq } from "drizzle-orm";
import { audit } from "../audit/audit.service.js";
import { withTransaction } from "../db/database.js";
import { AppError } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import { dhis2Pushes } from "./dhis2.schema.js";
import { fetchMetadata, postDataValueSets } from "./dhis2-client.js";
import { dhis2Link } from "./dhis2-config.js";
import { buildPayload } from "./dhis2-payload.js";
import { assertClosed, parsePeriod } from "./dhis2-period.js";

/** `previewDhis2Push`: the exact payload a push of this period would send (to download or read), sending nothing. */
export async function previewDhis2Push(ctx: Ctx, period: string): Promise<Dhis2Payload> {
  const link = await dhis2Link(ctx);
  if (link.dataElements.length === 0 || link.orgUnits.length === 0) {
    throw new AppError("DHIS2_NOT_CONFIGURED", "Map at least one indicator and one area first");
  }
  const p = parsePeriod(period);
  assertClosed(p);
  return buildPayload(ctx, link, p);
}

/** `getDhis2Metadata`: the instance's data elements, combos and organisation units, to pick the mapping from. */
export async function getDhis2Metadata(ctx: Ctx): Promise<Dhis2Metadata> {
  const link = await dhis2Link(ctx);
  if (!link.baseUrl || !link.token) {
    throw new AppError("DHIS2_NOT_CONFIGURED", "Give the DHIS2 address and a personal access token first");
  }
  return fetchMetadata({ baseUrl: link.baseUrl, token: link.token });
}

function actorName(ctx: Ctx): string {
  const a = ctx.actor;
  return a.type === "staff" ? a.email : a.type === "system" ? a.process : a.type;
}

/** Whether a real (not dry-run) push of this period already went through (fully or with some values refused). */
export async function alreadyPushed(ctx: Ctx, period: string): Promise<boolean> {
  const rows = await ctx.db
    .select({ status: dhis2Pushes.status })
    .from(dhis2Pushes)
    .where(and(eq(dhis2Pushes.period, period), eq(dhis2Pushes.dryRun, false)));
  return rows.some((r) => r.status === "SUCCESS" || r.status === "WARNING");
}

/**
 * `pushToDhis2`: builds the period's payload (disclosure control applied) and sends it, as a dry run (DHIS2 checks
 * and answers, stores nothing) or for real. A period pushed for real is not pushed again unless `again` (a
 * correction). Every push is recorded with DHIS2's summary and the payload's hash, and audited (counts, never
 * values of single reports: there are none in a payload).
 */
export async function pushToDhis2(
  ctx: Ctx,
  input: { period: string; dryRun: boolean; again?: boolean },
): Promise<Dhis2PushResult> {
  const link = await dhis2Link(ctx);
  if (!link.baseUrl || !link.token) {
    throw new AppError("DHIS2_NOT_CONFIGURED", "Give the DHIS2 address and a personal access token first");
  }
  const payload = await previewDhis2Push(ctx, input.period);
  if (!input.dryRun && !input.again && (await alreadyPushed(ctx, input.period))) {
    throw new AppError(
      "ALREADY_PUSHED",
      `${input.period} was already sent to DHIS2; send it again only to correct it`,
      {
        period: input.period,
      },
    );
  }
  const answer = await postDataValueSets(
    { baseUrl: link.baseUrl, token: link.token, idScheme: link.idScheme },
    payload.dataValues,
    input.dryRun,
  );
  const by = actorName(ctx);
  const [row] = await withTransaction(ctx, async (tx) => {
    const inserted = await tx
      .insert(dhis2Pushes)
      .values({
        period: payload.period,
        dhis2Period: payload.dhis2Period,
        dryRun: input.dryRun,
        status: answer.status,
        httpStatus: answer.httpStatus,
        summary: { importCount: answer.importCount, conflicts: answer.conflicts, message: answer.message },
        sent: payload.dataValues.length,
        payloadHash: payload.payloadHash,
        by,
      })
      .returning();
    await audit(ctx, tx, {
      action: input.dryRun ? "dhis2.dry_run" : "dhis2.push",
      entity: "dhis2_push",
      entityId: inserted[0]?.id ?? null,
      outcome: answer.status === "SUCCESS" || answer.status === "WARNING" ? "success" : "failure",
      details: {
        period: payload.period,
        status: answer.status,
        httpStatus: answer.httpStatus,
        sent: payload.dataValues.length,
        suppressed: payload.suppressed,
        payloadHash: payload.payloadHash,
        importCount: answer.importCount,
        conflicts: answer.conflicts.length,
      },
    });
    return inserted;
  });
  if (!row) throw new Error("push not recorded");
  return present(row);
}

function present(row: typeof dhis2Pushes.$inferSelect): Dhis2PushResult {
  const summary = row.summary as Pick<Dhis2PushResult, "importCount" | "conflicts" | "message">;
  return {
    id: row.id,
    period: row.period,
    dhis2Period: row.dhis2Period,
    dryRun: row.dryRun,
    status: row.status,
    httpStatus: row.httpStatus,
    importCount: summary.importCount,
    conflicts: summary.conflicts,
    message: summary.message,
    sent: row.sent,
    payloadHash: row.payloadHash,
    at: row.at.toISOString(),
    by: row.by,
  };
}

/** `listDhis2Pushes`: the latest pushes and dry runs, newest first. */
export async function listDhis2Pushes(ctx: Ctx): Promise<{ items: Dhis2PushResult[] }> {
  const rows = await ctx.db.select().from(dhis2Pushes).orderBy(desc(dhis2Pushes.at)).limit(100);
  return { items: rows.map(present) };
}
