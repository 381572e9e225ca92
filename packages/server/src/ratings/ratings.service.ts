import { randomBytes } from "node:crypto";
import {
  DEFAULT_RATINGS_SETTING,
  type FacilityRatings,
  type ModerateFacilityRatingBody,
  RATING_WINDOW_DAYS,
  type RateFacilityBody,
  type RateFacilityResult,
  type RatingAspect,
  type RatingFlag,
  type RatingReviewItem,
  type RatingsSetting,
  ratingAspects,
} from "@openclm/contracts";
import { audit } from "../audit/audit.service.js";
import { type Db, withTransaction } from "../db/database.js";
import { actorScope } from "../identity/scope.js";
import { AppError, notFound } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import { pickText } from "../platform/i18n-text.js";
import { getSetting } from "../platform/platform.repo.js";
import { resolveLanguage } from "../platform/platform.service.js";
import { limitSettings } from "../platform/rate-limit-settings.js";
import { clientAddress, hitLimits, limitKey } from "../platform/rate-limiter.js";
import { commentFlags } from "./comment-flags.js";
import * as repo from "./ratings.repo.js";

export const RATINGS_SETTING = "ratings.minimumCount";

/** The minimum number of counted ratings before an average is shown anywhere (Set-up → Settings; default 5). */
export async function ratingsSetting(db: Db): Promise<RatingsSetting> {
  const stored = await getSetting<number>(db, RATINGS_SETTING);
  return { minimumCount: typeof stored === "number" ? stored : DEFAULT_RATINGS_SETTING.minimumCount };
}

/** An average to one decimal, or null when fewer than `minimum` ratings gave a score. */
export function shownAverage(sum: number, count: number, minimum: number): number | null {
  return count >= minimum && count > 0 ? Math.round((sum / count) * 10) / 10 : null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A person rates a facility (PRODUCT.md section 7 `rateFacility`). The same clientId again answers the first rating
 * (`created: false`); another rating of the facility from the same device or community account within 30 days is
 * refused with 409 ALREADY_RATED. Part of a burst from one address (platform/rate-limit settings
 * `ratingHoldPerAddress`) is stored but held: not counted until a data manager releases it. The address itself is
 * never stored, only its hashed bucket in the rate limiter.
 */
export async function rateFacility(
  ctx: Ctx,
  facilityId: string,
  input: RateFacilityBody,
  /** When the rating is made: now, except for the demo's history (demo/demo-ratings.ts). */
  now: Date = new Date(),
): Promise<{ created: boolean; result: RateFacilityResult }> {
  const existing = await repo.byClientId(ctx.db, input.clientId);
  if (existing) return replay(existing, facilityId);
  const facility = await repo.activeFacility(ctx.db, facilityId);
  if (!facility) throw notFound("facility");

  const { cipher, database } = ctx.services;
  const deviceHash = cipher.hash("rating-device", input.deviceId.toLowerCase());
  const accountHash = ctx.actor.type === "community" ? cipher.hash("rating-account", ctx.actor.accountId) : null;
  const comment = input.comment?.trim() || null;
  const flags = comment ? commentFlags(comment) : [];

  // Counted against the address before the transaction: the limiter batches its own writes.
  const limits = (await limitSettings(ctx.db)).routes;
  const burst = await hitLimits(
    database,
    [{ key: limitKey("rating-hold", clientAddress(ctx.ip)), bucket: limits.ratingHoldPerAddress }],
    now,
  );
  const held = !burst.allowed;

  const since = new Date(now.getTime() - RATING_WINDOW_DAYS * DAY_MS);
  const { row, created } = await withTransaction(ctx, async (tx) => {
    await repo.lockRater(tx, facilityId, accountHash ? [deviceHash, accountHash] : [deviceHash]);
    // A retry that raced the first submit finds it now, under the lock.
    const raced = await repo.byClientId(tx, input.clientId);
    if (raced) return { row: raced, created: false };
    if (await repo.ratedSince(tx, facilityId, deviceHash, accountHash, since))
      throw new AppError("ALREADY_RATED", `This facility was rated from here within ${RATING_WINDOW_DAYS} days`);
    const inserted = await repo.insertRating(tx, {
      clientId: input.clientId,
      facilityId,
      districtId: facility.districtId,
      deviceHash,
      accountHash,
      overall: input.overall,
      ...Object.fromEntries(ratingAspects.map((a) => [a, input.aspects?.[a] ?? null])),
      status: held ? "held" : "counted",
      commentEnc: comment ? cipher.encrypt(comment) : null,
      commentStatus: comment ? "pending" : "none",
      commentFlags: flags,
      // From the system CSPRNG, as reports' keys: the public view's noise must not be guessable (disclosure.ts).
      recordKey: randomBytes(2).readUInt16BE(0),
      createdAt: now,
    });
    await audit(ctx, tx, {
      action: "facility_rating.create",
      entity: "facility_rating",
      entityId: inserted.id,
      details: { facilityId, held, comment: !!comment, flags },
    });
    return { row: inserted, created: true };
  });
  return created ? { created, result: present(row) } : replay(row, facilityId);
}

function present(row: { id: string; commentStatus: string }): RateFacilityResult {
  return { id: row.id, comment: row.commentStatus === "none" ? "none" : "pending" };
}

function replay(row: { id: string; facilityId: string; commentStatus: string }, facilityId: string) {
  if (row.facilityId !== facilityId) throw new AppError("CONFLICT", "This clientId was used for another facility");
  return { created: false, result: present(row) };
}

const COMMENT_LIMIT = 20;

/**
 * The public view of a facility's ratings (PRODUCT.md section 7 `listFacilityRatings`): the number counted, averages
 * to one decimal only from the minimum number of ratings on (each aspect needs that many scores of its own), and
 * approved comments with their month only.
 */
export async function listFacilityRatings(ctx: Ctx, facilityId: string): Promise<FacilityRatings> {
  const facility = await repo.activeFacility(ctx.db, facilityId);
  if (!facility) throw notFound("facility");
  const [{ minimumCount: minimum }, sums, comments] = await Promise.all([
    ratingsSetting(ctx.db),
    repo.facilityScores(ctx.db, facilityId),
    repo.approvedComments(ctx.db, facilityId, COMMENT_LIMIT),
  ]);
  return {
    count: sums.count,
    minimum,
    average: shownAverage(sums.overallSum, sums.count, minimum),
    aspects: Object.fromEntries(
      ratingAspects.map((a) => [a, shownAverage(sums[`${a}Sum`], sums[`${a}Count`], minimum)]),
    ) as Record<RatingAspect, number | null>,
    comments: comments.map((c) => ({
      body: ctx.services.cipher.decrypt(c.commentEnc as string),
      at: c.at.toISOString().slice(0, 7),
    })),
  };
}

const REVIEW_LIMIT = 200;

/**
 * Ratings in the data manager's scope waiting for a decision: comments nobody has read yet (flagged first) and
 * ratings held from a burst. Reading the comments is a view of free text a person wrote: audited.
 */
export async function listRatingsToReview(ctx: Ctx): Promise<{ items: RatingReviewItem[] }> {
  const scope = await actorScope(ctx);
  const { lang, defaultLang } = await resolveLanguage(ctx, ctx.language);
  return withTransaction(ctx, async (tx) => {
    const rows = await repo.toReview(tx, scope, REVIEW_LIMIT);
    if (rows.some((r) => r.commentStatus === "pending"))
      await audit(ctx, tx, {
        action: "facility_rating.view_comments",
        entity: "facility_rating",
        details: { count: rows.filter((r) => r.commentStatus === "pending").length },
      });
    return {
      items: rows.map((r) => ({
        id: r.id,
        facilityId: r.facilityId,
        facilityName: pickText(r.facilityNames, lang, defaultLang),
        overall: r.overall,
        comment: r.commentStatus === "pending" ? ctx.services.cipher.decryptOptional(r.commentEnc) : null,
        flags: r.commentFlags as RatingFlag[],
        held: r.status === "held",
        at: r.createdAt.toISOString(),
      })),
    };
  });
}

/**
 * A data manager decides on a rating in scope (out of scope: 404): approves or hides its comment, releases or
 * discards a held rating. A hidden comment's text is erased, not kept. Audited in the same transaction.
 */
export async function moderateFacilityRating(ctx: Ctx, id: string, input: ModerateFacilityRatingBody) {
  const scope = await actorScope(ctx);
  return withTransaction(ctx, async (tx) => {
    const row = await repo.ratingInScope(tx, scope, id);
    if (!row) throw notFound("rating");
    if (input.comment && row.commentStatus !== "pending")
      throw new AppError("ALREADY_DECIDED", "This comment was already decided");
    if (input.rating && row.status !== "held") throw new AppError("ALREADY_DECIDED", "This rating is not held");
    const updated = await repo.updateRating(tx, id, {
      ...(input.comment === "approve" ? { commentStatus: "approved" as const } : {}),
      ...(input.comment === "hide" ? { commentStatus: "hidden" as const, commentEnc: null } : {}),
      ...(input.rating === "release" ? { status: "counted" as const } : {}),
      // A discarded rating's comment goes with it (unless it was already published with the rating's release).
      ...(input.rating === "discard"
        ? {
            status: "discarded" as const,
            ...(row.commentStatus === "pending" && input.comment !== "approve"
              ? { commentStatus: "hidden" as const, commentEnc: null }
              : {}),
          }
        : {}),
      reviewedBy: ctx.actor.type === "staff" ? ctx.actor.userId : null,
      reviewedAt: new Date(),
    });
    await audit(ctx, tx, {
      action: "facility_rating.moderate",
      entity: "facility_rating",
      entityId: id,
      details: { facilityId: row.facilityId, ...input, flags: row.commentFlags },
    });
    return { id, comment: updated.commentStatus, rating: updated.status };
  });
}
