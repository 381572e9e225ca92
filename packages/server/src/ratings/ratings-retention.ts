import { and, inArray, isNotNull, lt, sql } from "drizzle-orm";
import { z } from "zod";
import { audit } from "../audit/audit.service.js";
import { type Db, withTransaction } from "../db/database.js";
import type { Ctx } from "../platform/context.js";
import { defineJob } from "../platform/job-runner.js";
import { addMonths, retentionSetting } from "../reports/retention.js";
import { facilityRatings } from "./ratings.schema.js";

const BATCH = 500;

/** Ids of ratings made before `before` whose comment text is still stored (pending, approved or flagged alike). */
async function commentsDue(db: Db, before: Date, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: facilityRatings.id })
    .from(facilityRatings)
    .where(and(isNotNull(facilityRatings.commentEnc), lt(facilityRatings.createdAt, before)))
    .orderBy(facilityRatings.createdAt)
    .limit(limit)
    .for("update", { skipLocked: true });
  return rows.map((r) => r.id);
}

/**
 * Erases the text of rating comments older than the retention rule (`retention.ratingCommentMonths`, counted from the
 * day of the rating): the comment is free text a person wrote and may name someone, so it is not kept for ever. The
 * rating's scores stay counted. Batches of 500, each its own transaction with one audit row of counts
 * (`retention.erase`, `what: ratingComments`); a second run finds nothing more to erase.
 */
export async function eraseOldRatingComments(ctx: Ctx, now = new Date()): Promise<number> {
  const { ratingCommentMonths: months } = await retentionSetting(ctx.db);
  const before = addMonths(now, -months);
  let total = 0;
  for (;;) {
    const erased = await withTransaction(ctx, async (tx) => {
      const ids = await commentsDue(tx, before, BATCH);
      if (ids.length === 0) return 0;
      await tx
        .update(facilityRatings)
        .set({ commentEnc: null, commentFlags: sql`'{}'::text[]`, commentStatus: "erased" })
        .where(inArray(facilityRatings.id, ids));
      await audit(ctx, tx, {
        action: "retention.erase",
        entity: "facility_rating",
        details: { what: "ratingComments", months, madeBefore: before.toISOString(), comments: ids.length },
      });
      return ids.length;
    });
    if (erased === 0) return total;
    total += erased;
  }
}

/** Every night, after the reports' retention run: rating comments past the retention rule. */
export const ratingCommentRetentionJob = defineJob({
  id: "ratings.commentRetention",
  payload: z.object({ asOf: z.iso.datetime().optional() }),
  cron: "53 2 * * *",
  async handler(ctx, payload) {
    const erased = await eraseOldRatingComments(ctx, payload.asOf ? new Date(payload.asOf) : new Date());
    if (erased) ctx.log.info({ comments: erased }, "retention: rating comments erased");
  },
});
