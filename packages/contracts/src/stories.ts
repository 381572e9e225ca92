import { z } from "zod";
import { uuidSchema } from "./common.js";

/*
 * Advocacy stories (consent `useInAdvocacyStories`, docs/consent.md): a data manager reviews the description of each
 * report whose reporter agreed, writes a redacted text and approves it, or rejects it; analysts read only the
 * approved, redacted texts with coarse facts (category, region, month), never anything that leads to the case.
 */

/** A report offered for a story and not yet decided: coarse facts only (the description is read one at a time). */
export const storyCandidateSchema = z.object({
  reportId: z.string(),
  categoryCode: z.string(),
  subcategoryCode: z.string(),
  districtId: z.string(),
  /** The month it happened, `2026-10`. */
  month: z.string(),
  createdAt: z.string(),
});
export type StoryCandidate = z.infer<typeof storyCandidateSchema>;
export const storyCandidateListSchema = z.object({ items: z.array(storyCandidateSchema) });

/** One candidate with the reporter's own words (personal data: reading it is audited as `report.view_personal`). */
export const storyCandidateDetailSchema = storyCandidateSchema.extend({
  description: z.string(),
  decision: z
    .object({ status: z.enum(["approved", "rejected"]), text: z.string().nullable(), decidedAt: z.string() })
    .nullable(),
});
export type StoryCandidateDetail = z.infer<typeof storyCandidateDetailSchema>;

export const reviewStoryBodySchema = z.discriminatedUnion("decision", [
  z.object({ decision: z.literal("approve"), text: z.string().trim().min(1).max(4000) }),
  z.object({ decision: z.literal("reject") }),
]);
export type ReviewStoryInput = z.infer<typeof reviewStoryBodySchema>;
export const reviewStoryResultSchema = z.object({ status: z.enum(["approved", "rejected"]) });

/** What analysts read: the redacted text and coarse facts. `id` is the story's own random id. */
export const advocacyStorySchema = z.object({
  id: z.string(),
  text: z.string(),
  categoryCode: z.string(),
  regionId: z.string().nullable(),
  month: z.string(),
});
export type AdvocacyStory = z.infer<typeof advocacyStorySchema>;
export const advocacyStoryListSchema = z.object({ items: z.array(advocacyStorySchema) });

export const storyReportParamSchema = z.object({ id: uuidSchema });
