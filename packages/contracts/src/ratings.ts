import { z } from "zod";
import { uuidSchema } from "./common.js";

// ── Community ratings of facilities (issue 17 items 4 to 6; PRODUCT.md section 7 "Near Me") ──

/** The aspects a person may rate beside the overall score, named as PRODUCT.md section 7 names them. */
export const ratingAspects = ["respect", "confidentiality", "waiting", "cost", "medicines"] as const;
export type RatingAspect = (typeof ratingAspects)[number];

/** A comment is short: a sentence or two about the care, read by a data manager before anyone else sees it. */
export const RATING_COMMENT_MAX = 500;

/** One rating asked again within this many days from the same device or account answers 409 ALREADY_RATED. */
export const RATING_WINDOW_DAYS = 30;

const score = z.number().int().min(1).max(5);

export const facilityIdParamSchema = z.object({ id: uuidSchema });

export const rateFacilityBodySchema = z
  .object({
    /** Made on the device: the idempotency key. The same clientId again answers 200 and is not a second rating. */
    clientId: uuidSchema,
    /** The app's random device id; stored only as a keyed hash. */
    deviceId: z.string().trim().min(8).max(100),
    overall: score,
    aspects: z
      .object(
        Object.fromEntries(ratingAspects.map((a) => [a, score.optional()])) as Record<
          RatingAspect,
          z.ZodOptional<typeof score>
        >,
      )
      .strict()
      .optional(),
    comment: z.string().trim().max(RATING_COMMENT_MAX).optional(),
  })
  .strict();
export type RateFacilityBody = z.infer<typeof rateFacilityBodySchema>;

export const rateFacilityResultSchema = z.object({
  id: uuidSchema,
  /** `pending`: a data manager reads the comment before anyone else can; `none`: there was no comment. */
  comment: z.enum(["none", "pending"]),
});
export type RateFacilityResult = z.infer<typeof rateFacilityResultSchema>;

const averageSchema = z.number().nullable();

export const facilityRatingsSchema = z.object({
  /** Ratings counted (held ratings wait for a data manager and are not counted). */
  count: z.number().int(),
  /** The platform's minimum number of ratings before any average is shown (setting `ratings.minimumCount`). */
  minimum: z.number().int(),
  /** Overall average, one decimal; null below the minimum. */
  average: averageSchema,
  /** Each aspect's average, null while fewer than the minimum ratings scored that aspect. */
  aspects: z.object(
    Object.fromEntries(ratingAspects.map((a) => [a, averageSchema])) as Record<RatingAspect, typeof averageSchema>,
  ),
  /** Approved comments only, newest first; `at` is the month (YYYY-MM), never the day or time. */
  comments: z.array(z.object({ body: z.string(), at: z.string() })),
});
export type FacilityRatings = z.infer<typeof facilityRatingsSchema>;

// ── Moderation (data managers, in the facility's district) ──

/** Why a comment was flagged automatically: it seems to carry a phone number, an e-mail address or a person's name. */
export const ratingFlags = ["phone", "email", "name"] as const;
export type RatingFlag = (typeof ratingFlags)[number];

export const ratingReviewItemSchema = z.object({
  id: uuidSchema,
  facilityId: uuidSchema,
  facilityName: z.string(),
  overall: z.number().int(),
  /** The comment waiting for a decision, or null when only the rating is held. */
  comment: z.string().nullable(),
  flags: z.array(z.enum(ratingFlags)),
  /** Held because many ratings came from one address at once: not counted until released. */
  held: z.boolean(),
  at: z.string(),
});
export type RatingReviewItem = z.infer<typeof ratingReviewItemSchema>;
export const ratingReviewListSchema = z.object({ items: z.array(ratingReviewItemSchema) });

export const moderateFacilityRatingBodySchema = z
  .object({
    /** The comment: `approve` publishes it, `hide` keeps it from everyone for good. */
    comment: z.enum(["approve", "hide"]).optional(),
    /** A held rating: `release` counts it, `discard` never counts it. */
    rating: z.enum(["release", "discard"]).optional(),
  })
  .strict()
  .refine((b) => b.comment !== undefined || b.rating !== undefined, { message: "nothing to decide" });
export type ModerateFacilityRatingBody = z.infer<typeof moderateFacilityRatingBodySchema>;
export const moderateFacilityRatingResultSchema = z.object({
  id: uuidSchema,
  /** `erased`: the retention rule erased the comment's text (setting `retention.ratingCommentMonths`). */
  comment: z.enum(["none", "pending", "approved", "hidden", "erased"]),
  rating: z.enum(["counted", "held", "discarded"]),
});

// ── Dashboard: facility quality (issue 17 item 5) ──

export const facilityQualityQuerySchema = z
  .object({
    /** First and last month included (YYYY-MM); by default the last twelve months. */
    from: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
      .optional(),
    to: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
      .optional(),
    by: z.enum(["region", "district", "facility"]).default("facility"),
    /** Keep only this area (a region or district) and what lies in it. */
    areaId: uuidSchema.optional(),
  })
  .strict();
export type FacilityQualityQuery = z.input<typeof facilityQualityQuerySchema>;

const qualityCells = {
  count: z.number().int(),
  /** Averages, one decimal; null (suppressed) below the minimum number of ratings. */
  overall: averageSchema,
  ...(Object.fromEntries(ratingAspects.map((a) => [a, averageSchema])) as Record<RatingAspect, typeof averageSchema>),
};

export const facilityQualitySchema = z.object({
  minimum: z.number().int(),
  from: z.string(),
  to: z.string(),
  by: z.enum(["region", "district", "facility"]),
  rows: z.array(z.object({ id: uuidSchema, label: z.string(), ...qualityCells })),
  trend: z.array(z.object({ month: z.string(), ...qualityCells })),
  total: z.object(qualityCells),
});
export type FacilityQuality = z.infer<typeof facilityQualitySchema>;

/**
 * The public view of facility quality (issue 17; docs/disclosure-control.md): one calendar month, quarter or year
 * (months `YYYY-MM`: `from` = `to` for a month; January–March…; January–December), the whole country or one area.
 */
export const publicFacilityQualityQuerySchema = z
  .object({
    from: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
    to: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
    by: z.enum(["region", "district", "facility"]).default("district"),
    areaId: uuidSchema.optional(),
  })
  .strict();
export type PublicFacilityQualityQuery = z.input<typeof publicFacilityQualityQuerySchema>;

const publicQualityCells = {
  /** Perturbed (cell-key method); null when suppressed. */
  count: z.number().int().nullable(),
  /** Below the minimum number of ratings, or a perturbed count below the suppression threshold: nothing shown. */
  suppressed: z.boolean(),
  overall: averageSchema,
  ...(Object.fromEntries(ratingAspects.map((a) => [a, averageSchema])) as Record<RatingAspect, typeof averageSchema>),
};
export const publicFacilityQualitySchema = z.object({
  minimum: z.number().int(),
  threshold: z.number().int(),
  from: z.string(),
  to: z.string(),
  by: z.enum(["region", "district", "facility"]),
  rows: z.array(z.object({ id: uuidSchema, label: z.string(), ...publicQualityCells })),
  trend: z.array(z.object({ month: z.string(), ...publicQualityCells })),
  total: z.object(publicQualityCells),
});
export type PublicFacilityQuality = z.infer<typeof publicFacilityQualitySchema>;
