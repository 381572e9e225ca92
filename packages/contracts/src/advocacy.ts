import { z } from "zod";
import { languageCodeSchema, uuidSchema } from "./common.js";
import { advocacyActionKinds, advocacyCaseStatuses, dutyBearerTypes } from "./constants.js";
import { indicatorFilterSchema, periodDateSchema } from "./dashboard.js";

/*
 * Advocacy cases (issue 24, docs/advocacy.md): a pattern on the dashboard (a filter set from a day on) or a handful of
 * escalated reports becomes a case with a duty bearer and an ask; actions and status changes record what was done; the
 * outcome is shown as the selection's trend before and after the commitment. Every count a case shows goes through
 * disclosure control (cell-key perturbation, then suppression): `null` means "fewer than the threshold".
 */

const text = (max: number) => z.string().trim().min(1).max(max);

export const dutyBearerSchema = z.object({ name: text(200), type: z.enum(dutyBearerTypes) });

export const createAdvocacyCaseBodySchema = z.object({
  title: text(200),
  /** The dashboard selection the case follows (no time dimension: `from` says where it starts). */
  filters: z.array(indicatorFilterSchema).max(10).default([]),
  /** Reports from this day on count in the case, including those that arrive later. */
  from: periodDateSchema,
  /** Escalated reports linked by hand (in the caller's scope), counted whether or not they match the filters. */
  reportIds: z.array(uuidSchema).max(200).optional(),
  /** Free text or `{ name, type }`. */
  dutyBearer: z.union([text(200), dutyBearerSchema]),
  ask: text(2000),
  dueOn: periodDateSchema.optional(),
  ownerId: uuidSchema.optional(),
});
export type CreateAdvocacyCaseInput = z.infer<typeof createAdvocacyCaseBodySchema>;
export const advocacyCaseCreatedSchema = z.object({ id: z.string() });
export const advocacyCaseParamSchema = z.object({ id: uuidSchema });
export const advocacyDocumentParamSchema = z.object({ id: uuidSchema, documentId: uuidSchema });

/** A disclosure-controlled count: perturbed, and null below the suppression threshold. */
const controlledCount = z.number().int().nullable();

export const advocacyDocumentSchema = z.object({
  id: z.string(),
  name: z.string(),
  contentType: z.string(),
  bytes: z.number().int(),
});
export const advocacyActionSchema = z.object({
  id: z.string(),
  kind: z.enum(advocacyActionKinds),
  on: z.string(),
  note: z.string(),
  documents: z.array(advocacyDocumentSchema),
  createdAt: z.string(),
});
export const advocacyStatusChangeSchema = z.object({
  from: z.enum(advocacyCaseStatuses).nullable(),
  to: z.enum(advocacyCaseStatuses),
  note: z.string().nullable(),
  at: z.string(),
});
export const advocacyTrendPointSchema = z.object({
  month: z.string(),
  reports: controlledCount,
  /** `before` / `after` the commitment date (`after` includes its month); all `before` without a commitment. */
  side: z.enum(["before", "after"]),
});

export const advocacyCaseSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(advocacyCaseStatuses),
  dutyBearer: dutyBearerSchema,
  dueOn: z.string().nullable(),
  /** The member of staff who carries the case (null: nobody yet). */
  ownerId: z.string().nullable(),
  reportCount: controlledCount,
  updatedAt: z.string(),
});
export type AdvocacyCaseSummary = z.infer<typeof advocacyCaseSummarySchema>;
export const advocacyCaseListSchema = z.object({ items: z.array(advocacyCaseSummarySchema) });

export const advocacyCaseSchema = advocacyCaseSummarySchema.extend({
  filters: z.array(indicatorFilterSchema),
  from: z.string(),
  ask: z.string(),
  owner: z.object({ id: z.string(), name: z.string() }).nullable(),
  commitmentOn: z.string().nullable(),
  outcome: z.string().nullable(),
  published: z.boolean(),
  announcementId: z.string().nullable(),
  /** Reports linked by hand (their number only; ids stay in the inbox). */
  linkedReports: z.number().int(),
  actions: z.array(advocacyActionSchema),
  history: z.array(advocacyStatusChangeSchema),
  trend: z.array(advocacyTrendPointSchema),
  /** Reports a month before and after the commitment, each side one controlled count (null: hidden or no commitment). */
  perMonth: z.object({ before: z.number().nullable(), after: z.number().nullable() }),
  suppressionThreshold: z.number().int(),
});
export type AdvocacyCase = z.infer<typeof advocacyCaseSchema>;

/**
 * `updateAdvocacyCase`: what the case asks of whom, by when, and who carries it. Only the fields sent change; `dueOn`
 * and `ownerId` may be cleared with null. The owner must be staff who manage cases and see the case's area.
 */
export const updateAdvocacyCaseBodySchema = z
  .object({
    title: text(200).optional(),
    ask: text(2000).optional(),
    dutyBearer: dutyBearerSchema.optional(),
    dueOn: periodDateSchema.nullable().optional(),
    ownerId: uuidSchema.nullable().optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: "Nothing to change" });
export type UpdateAdvocacyCaseInput = z.infer<typeof updateAdvocacyCaseBodySchema>;
export const advocacyCaseUpdatedSchema = z.object({
  id: z.string(),
  /** The fields that changed (empty when everything sent was already so). */
  changed: z.array(z.enum(["title", "ask", "dutyBearer", "dueOn", "ownerId"])),
});
/** Who may own a case: staff who manage advocacy cases and see the case's area whole. */
export const advocacyOwnerListSchema = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string() })),
});

/** A case as the inbox offers it for a report: enough to choose, no counts. */
export const advocacyCaseChoiceSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(advocacyCaseStatuses),
  dutyBearer: z.string(),
});
export const reportAdvocacyCasesSchema = z.object({
  /** Cases the report is linked to by hand (those the caller sees). */
  linked: z.array(advocacyCaseChoiceSchema),
  /** Cases not yet resolved about the report's place (its district, a region holding it, or the whole country). */
  open: z.array(advocacyCaseChoiceSchema),
});
export const linkReportToAdvocacyCaseBodySchema = z.object({ caseId: uuidSchema });
export const reportLinkedToCaseSchema = z.object({
  caseId: z.string(),
  /** false: it was linked already (nothing changed). */
  linked: z.boolean(),
});

export const addAdvocacyActionBodySchema = z.object({
  kind: z.enum(advocacyActionKinds),
  on: periodDateSchema,
  note: z.string().trim().max(4000).default(""),
});
export type AddAdvocacyActionInput = z.infer<typeof addAdvocacyActionBodySchema>;
export const advocacyActionCreatedSchema = z.object({ id: z.string() });
export const uploadAdvocacyDocumentQuerySchema = z.object({ name: text(200) });

export const announcementSchema = z.object({
  language: languageCodeSchema,
  title: text(200),
  body: text(8000),
});
export const changeAdvocacyCaseStatusBodySchema = z.object({
  status: z.enum(advocacyCaseStatuses),
  note: z.string().trim().max(2000).optional(),
  /** The day the duty bearer committed (with `commitment_made`; today when left out). */
  commitmentOn: periodDateSchema.optional(),
  /** What changed (with `resolved`). */
  outcome: z.string().trim().max(4000).optional(),
  /** With `resolved`: list the case on the public dashboard (figures disclosure-controlled, no report ids). */
  publish: z.boolean().optional(),
  /** With `resolved`: a "What changed" announcement; the case's controlled figure is added to its body. */
  announcement: announcementSchema.optional(),
  /** With `resolved`: tell the reporters of linked reports, in TB-free wording, through their channel. */
  notifyReporters: z.boolean().optional(),
});
export type ChangeAdvocacyCaseStatusInput = z.infer<typeof changeAdvocacyCaseStatusBodySchema>;
export const advocacyStatusResultSchema = z.object({
  status: z.enum(advocacyCaseStatuses),
  announcementId: z.string().nullable(),
  notified: z.number().int(),
});

export const publicAdvocacyCaseSchema = z.object({
  id: z.string(),
  title: z.string(),
  dutyBearer: z.string(),
  outcome: z.string().nullable(),
  resolvedOn: z.string(),
  reportCount: controlledCount,
});
export const publicAdvocacyCaseListSchema = z.object({ items: z.array(publicAdvocacyCaseSchema) });

export const reviewPackQuerySchema = z
  .object({
    from: periodDateSchema,
    to: periodDateSchema,
    language: languageCodeSchema.optional(),
    format: z.enum(["pdf", "html"]).default("pdf"),
  })
  .refine((q) => q.from <= q.to, { message: "from must not be after to", path: ["to"] });
export type ReviewPackQuery = z.infer<typeof reviewPackQuerySchema>;
