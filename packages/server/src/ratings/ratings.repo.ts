import { type RatingAspect, ratingAspects } from "@openclm/contracts";
import { and, desc, eq, gt, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../db/database.js";
import { facilities } from "../geography/geography.schema.js";
import { type ResolvedScope, readableSql } from "../identity/scope.js";
import { facilityRatings } from "./ratings.schema.js";

type Scope = Pick<ResolvedScope, "areaDistrictIds" | "facilityIds">;
const inScope = (scope: Scope) =>
  readableSql(scope, { district: facilityRatings.districtId, facility: facilityRatings.facilityId });

export async function byClientId(db: Db, clientId: string) {
  const [row] = await db.select().from(facilityRatings).where(eq(facilityRatings.clientId, clientId));
  return row;
}

export async function activeFacility(db: Db, id: string) {
  const [row] = await db
    .select({ id: facilities.id, districtId: facilities.districtId })
    .from(facilities)
    .where(and(eq(facilities.id, id), eq(facilities.active, true)));
  return row;
}

/**
 * Serialises ratings of one facility by one rater (device or account) for the rest of the transaction, so two
 * submits sent at the same moment cannot both pass the 30-day check.
 */
export async function lockRater(db: Db, facilityId: string, raterHashes: string[]) {
  for (const h of [...raterHashes].sort()) {
    await db.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`rating:${facilityId}:${h}`}, 0))`);
  }
}

/** Whether this device or account rated the facility since `since` (a discarded rating does not count). */
export async function ratedSince(
  db: Db,
  facilityId: string,
  deviceHash: string,
  accountHash: string | null,
  since: Date,
) {
  const rater: SQL[] = [eq(facilityRatings.deviceHash, deviceHash)];
  if (accountHash) rater.push(eq(facilityRatings.accountHash, accountHash));
  const [row] = await db
    .select({ id: facilityRatings.id })
    .from(facilityRatings)
    .where(
      and(
        eq(facilityRatings.facilityId, facilityId),
        or(...rater),
        gt(facilityRatings.createdAt, since),
        sql`${facilityRatings.status} <> 'discarded'`,
      ),
    )
    .limit(1);
  return !!row;
}

export async function insertRating(db: Db, values: typeof facilityRatings.$inferInsert) {
  const [row] = await db.insert(facilityRatings).values(values).returning();
  return row as typeof facilityRatings.$inferSelect;
}

/** Count and, per score, the number of ratings that gave it and their sum: the averages come from these. */
export const scoreColumns = {
  count: sql<number>`count(*)::int`,
  overallSum: sql<number>`coalesce(sum(${facilityRatings.overall}), 0)::int`,
  ...(Object.fromEntries(
    ratingAspects.flatMap((a) => [
      [`${a}Count`, sql<number>`count(${facilityRatings[a]})::int`],
      [`${a}Sum`, sql<number>`coalesce(sum(${facilityRatings[a]}), 0)::int`],
    ]),
  ) as Record<`${RatingAspect}Count` | `${RatingAspect}Sum`, SQL<number>>),
};
export type ScoreSums = { [K in keyof typeof scoreColumns]: number };

export async function facilityScores(db: Db, facilityId: string): Promise<ScoreSums> {
  const [row] = await db
    .select(scoreColumns)
    .from(facilityRatings)
    .where(and(eq(facilityRatings.facilityId, facilityId), eq(facilityRatings.status, "counted")));
  return row as ScoreSums;
}

export async function approvedComments(db: Db, facilityId: string, limit: number) {
  return db
    .select({ commentEnc: facilityRatings.commentEnc, at: facilityRatings.createdAt })
    .from(facilityRatings)
    .where(
      and(
        eq(facilityRatings.facilityId, facilityId),
        eq(facilityRatings.commentStatus, "approved"),
        eq(facilityRatings.status, "counted"),
      ),
    )
    .orderBy(desc(facilityRatings.createdAt))
    .limit(limit);
}

/** Ratings in scope waiting for a data manager: a comment to read, or a held rating. Flagged comments first. */
export async function toReview(db: Db, scope: Scope, limit: number) {
  return db
    .select({
      id: facilityRatings.id,
      facilityId: facilityRatings.facilityId,
      facilityNames: facilities.names,
      overall: facilityRatings.overall,
      commentEnc: facilityRatings.commentEnc,
      commentStatus: facilityRatings.commentStatus,
      commentFlags: facilityRatings.commentFlags,
      status: facilityRatings.status,
      createdAt: facilityRatings.createdAt,
    })
    .from(facilityRatings)
    .innerJoin(facilities, eq(facilities.id, facilityRatings.facilityId))
    .where(and(or(eq(facilityRatings.commentStatus, "pending"), eq(facilityRatings.status, "held")), inScope(scope)))
    .orderBy(sql`cardinality(${facilityRatings.commentFlags}) > 0 DESC`, facilityRatings.createdAt)
    .limit(limit);
}

export async function ratingInScope(db: Db, scope: Scope, id: string) {
  const [row] = await db
    .select()
    .from(facilityRatings)
    .where(and(eq(facilityRatings.id, id), inScope(scope)))
    .for("update");
  return row;
}

export async function updateRating(db: Db, id: string, set: Partial<typeof facilityRatings.$inferInsert>) {
  const [row] = await db.update(facilityRatings).set(set).where(eq(facilityRatings.id, id)).returning();
  return row as typeof facilityRatings.$inferSelect;
}
