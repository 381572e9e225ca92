import { z } from "zod";
import { uuidSchema } from "./common.js";
import { BULK_LIMIT, registrationStatuses, reportSets, resolutionOutcomes } from "./constants.js";
import { errorCodeSchema } from "./errors.js";
import {
  assistantKindSchema,
  consentMethodSchema,
  declineReasonSchema,
  erasureSchema,
  reportChannelSchema,
  reporterModeSchema,
  reportStatusSchema,
} from "./reports.js";

const isoDateTime = z.iso.datetime({ offset: true });
const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === "string" ? v.split(",").filter(Boolean) : v), z.array(item).max(20));

export const listInboxQuerySchema = z.object({
  status: csv(reportStatusSchema).optional(),
  categoryCode: z.string().max(64).optional(),
  subcategoryCode: z.string().max(64).optional(),
  areaId: uuidSchema.optional(),
  facilityId: uuidSchema.optional(),
  /** `none`: neither a person nor a team holds the report. */
  assigneeId: z.union([uuidSchema, z.literal("me"), z.literal("none")]).optional(),
  /** A team, or `mine`: reports held by any team the caller belongs to. */
  teamId: z.union([uuidSchema, z.literal("mine")]).optional(),
  from: z.union([isoDateTime, z.iso.date()]).optional(),
  to: z.union([isoDateTime, z.iso.date()]).optional(),
  /**
   * A tracking code (whole or its beginning, dash optional), or words of the description: reports whose description
   * holds every word, or a word starting with it if it has 4 letters or more ("pill" finds "pills"; case and accents
   * ignored; only reports whose text the caller may read).
   */
  q: z.string().trim().max(100).optional(),
  overdue: z.enum(["true", "false"]).optional(),
  channel: csv(reportChannelSchema).optional(),
  reporterMode: csv(reporterModeSchema).optional(),
  /** `true`: the reporter wrote last and has no answer yet. */
  replied: z.literal("true").optional(),
  /** `true`: flagged as a possible duplicate (same reporter, topic and place within the window). */
  duplicate: z.literal("true").optional(),
  /** `true`: the reporter said it was not solved and it is open again. */
  reopened: z.literal("true").optional(),
  sort: z.enum(["newest", "oldest"]).default("newest"),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  /**
   * `training`: the practice reports (training mode, ADR 0023) instead of the live queue. The two never share a
   * list or a count.
   */
  set: z.enum(reportSets).default("live"),
});
export type ListInboxQuery = z.input<typeof listInboxQuerySchema>;

export const inboxItemSchema = z.object({
  id: uuidSchema,
  /** Null once the report's personal data is erased (`erasure` says when and by whom): the code is gone with it. */
  trackingCode: z.string().nullable(),
  erasure: erasureSchema.nullable(),
  status: reportStatusSchema,
  categoryCode: z.string(),
  subcategoryCode: z.string(),
  districtId: uuidSchema,
  facilityId: uuidSchema.nullable(),
  channel: z.string(),
  reporterMode: z.string(),
  assigneeId: uuidSchema.nullable(),
  assigneeTeamId: uuidSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  /** A practice report (training mode): it never counts and nothing is sent about it. */
  training: z.boolean(),
  overdue: z.boolean(),
  /** Who holds it, by name: colleagues in scope see who is working on what. */
  assigneeName: z.string().nullable(),
  assigneeTeamName: z.string().nullable(),
  /** The reporter answered "not solved": it is open again. */
  reopenedByReporter: z.boolean(),
  /** The reporter wrote last and has no answer yet. */
  reporterReplied: z.boolean(),
  possibleDuplicate: z.boolean(),
});
export type InboxItem = z.infer<typeof inboxItemSchema>;

export const inboxPageSchema = z.object({
  items: z.array(inboxItemSchema),
  nextCursor: z.string().nullable(),
  counts: z.record(z.string(), z.number().int()),
});

export const inboxEventSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  type: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  actorType: z.string(),
  actorId: z.string().nullable(),
  visibleToReporter: z.boolean(),
  note: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

export const inboxReportSchema = inboxItemSchema.extend({
  challengeTypes: z.array(z.string()),
  occurredOn: z.string(),
  regionId: uuidSchema.nullable(),
  gender: z.string(),
  ageGroup: z.string(),
  keyPopulations: z.array(z.string()),
  consent: z.object({ contactMe: z.boolean(), shareDeidentified: z.boolean(), useInAdvocacyStories: z.boolean() }),
  declineReason: z.string().nullable(),
  language: z.string().nullable(),
  assistedBy: uuidSchema.nullable(),
  /**
   * A report made on someone's behalf: the kind of assistant and how the person agreed. The paper form's reference
   * is personal data, shown only with `personal`.
   */
  assistance: z
    .object({
      kind: assistantKindSchema,
      consentMethod: consentMethodSchema.nullable(),
      consentReference: z.string().nullable(),
    })
    .nullable(),
  validatedAt: z.string().nullable(),
  firstResponseAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  reporterConfirmed: z.boolean().nullable(),
  /** Shown and set only where the programme requires registration (setting `reports.registrationRequired`). */
  registrationRequired: z.boolean(),
  /** The caller is the assigned person, or a member of the team holding it with nobody named. */
  handledByYou: z.boolean(),
  registeredWithProgramme: z.enum(registrationStatuses),
  /** Personal data: present only for the data manager and the assigned responder (and each view is audited). */
  personal: z.object({ description: z.string().nullable(), phone: z.string().nullable() }).nullable(),
  timeline: z.array(inboxEventSchema),
  /** Bodies, like the timeline's notes, only where `personal` is shown (null otherwise); each view is audited. */
  messages: z.array(z.object({ from: z.enum(["reporter", "responder"]), body: z.string().nullable(), at: z.string() })),
  /**
   * The SMS notices sent to the reporter about this report (the last 7 days, oldest first), by status: `held` means
   * the monthly SMS limit stopped it (channels/sms-notify.ts). Never the number or the text.
   */
  smsNotices: z
    .array(z.object({ status: z.enum(["queued", "held", "sent", "delivered", "failed"]), at: z.string() }))
    .optional(),
  duplicateCandidateCount: z.number().int(),
  /** Display names of the staff and teams the timeline and assignment name, by id. */
  names: z.record(z.string(), z.string()),
  /**
   * When the retention rules (setting `retention`) erase this report's conversation and personal data: null dates
   * while the report is still being handled (the periods count from when it is closed or declined).
   */
  retention: z.object({
    personalDataMonths: z.number().int(),
    messagesMonths: z.number().int(),
    endedAt: z.string().nullable(),
    messagesUntil: z.string().nullable(),
    personalDataUntil: z.string().nullable(),
    messagesErasedAt: z.string().nullable(),
  }),
});
export type InboxReport = z.infer<typeof inboxReportSchema>;

export const reportIdParamSchema = z.object({ id: uuidSchema });

/** `version` (optional) is the report version the client saw: a stale one gets 409 VERSION_CONFLICT. */
const versioned = { version: z.number().int().min(1).optional() };

export const decideReportBodySchema = z
  .object({
    decision: z.enum(["validate", "decline"]),
    reason: declineReasonSchema.nullish(),
    note: z.string().trim().max(2000).nullish(),
    duplicateOfId: uuidSchema.nullish(),
    ...versioned,
  })
  .refine((b) => b.decision === "validate" || Boolean(b.reason), {
    message: "a decline needs a reason",
    path: ["reason"],
  });

export const reopenReportBodySchema = z.object({ note: z.string().trim().min(1).max(2000), ...versioned });
/**
 * An assignment is a person, a team, or both (the person must then be a member of the team); `assigneeTeamId`
 * left out means no team. Each must have a scope covering the report's district.
 */
const assignment = { assigneeId: uuidSchema.nullable(), assigneeTeamId: uuidSchema.nullish() };
export const assignReportBodySchema = z.object({ ...assignment, ...versioned });
/** A data manager merges a duplicate into the report about the same problem that stays (`intoId`). */
export const mergeReportBodySchema = z.object({ intoId: uuidSchema, ...versioned });
/** A responder takes a report nobody holds: it becomes theirs. */
export const takeReportBodySchema = z.object({ ...versioned });
export const setRegistrationBodySchema = z.object({
  registeredWithProgramme: z.enum(registrationStatuses),
  ...versioned,
});

/** Bulk actions: each report is handled on its own, with the same rules as the single action. */
const bulkItems = z
  .array(z.object({ id: uuidSchema, ...versioned }))
  .min(1)
  .max(BULK_LIMIT)
  .refine((items) => new Set(items.map((i) => i.id)).size === items.length, { message: "each report once" });
export const bulkValidateBodySchema = z.object({ items: bulkItems });
export const bulkAssignBodySchema = z.object({ items: bulkItems, ...assignment });
export const bulkResultSchema = z.object({
  results: z.array(
    z.object({
      id: uuidSchema,
      ok: z.boolean(),
      /** The error code the single action would have answered, when not ok. */
      code: errorCodeSchema.optional(),
      status: reportStatusSchema.optional(),
      version: z.number().int().optional(),
    }),
  ),
});
export type BulkResult = z.infer<typeof bulkResultSchema>;
export type ResolutionOutcome = (typeof resolutionOutcomes)[number];

/** Resolving needs an outcome (and "other" a note saying what); referring needs where to. */
export const changeReportStatusBodySchema = z
  .object({
    status: z.enum(["in_progress", "referred", "resolved", "escalated", "closed"]),
    note: z.string().trim().max(2000).nullish(),
    outcome: z.enum(resolutionOutcomes).nullish(),
    /** Where the report was referred (a service, an organisation): not the reporter's personal data. */
    referredTo: z.string().trim().min(1).max(200).nullish(),
    ...versioned,
  })
  .refine((b) => b.status !== "resolved" || Boolean(b.outcome), {
    message: "resolving needs an outcome",
    path: ["outcome"],
  })
  .refine((b) => b.status !== "resolved" || b.outcome !== "other" || Boolean(b.note), {
    message: "an outcome of other needs a note saying what it was",
    path: ["note"],
  })
  .refine((b) => b.status !== "referred" || Boolean(b.referredTo), {
    message: "a referral needs where it was referred to",
    path: ["referredTo"],
  });
export const staffMessageBodySchema = z.object({ body: z.string().trim().min(1).max(2000) });

export const reportMutationResultSchema = z.object({
  id: uuidSchema,
  status: reportStatusSchema,
  version: z.number().int(),
});
export const duplicateCandidatesSchema = z.object({
  items: z.array(
    z.object({
      id: uuidSchema,
      trackingCode: z.string(),
      status: reportStatusSchema,
      createdAt: z.string(),
      match: z.array(z.string()),
    }),
  ),
});
/** The districts of the reports chosen for a bulk assignment: people and teams covering all of them are offered. */
export const bulkAssigneesQuerySchema = z.object({ districtIds: csv(uuidSchema).pipe(z.array(uuidSchema).min(1)) });
export const assigneeListSchema = z.object({
  items: z.array(z.object({ id: uuidSchema, displayName: z.string(), email: z.string(), role: z.string() })),
  teams: z.array(z.object({ id: uuidSchema, name: z.string() })),
});

/** The queue filters a saved view keeps: the list query without paging (every filter the queue offers). */
export const savedViewFiltersSchema = z.object({
  status: z.array(reportStatusSchema).max(8).optional(),
  categoryCode: z.string().max(64).optional(),
  subcategoryCode: z.string().max(64).optional(),
  areaId: uuidSchema.optional(),
  facilityId: uuidSchema.optional(),
  assigneeId: z.union([uuidSchema, z.literal("me"), z.literal("none")]).optional(),
  teamId: z.union([uuidSchema, z.literal("mine")]).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  q: z.string().trim().max(100).optional(),
  overdue: z.boolean().optional(),
  channel: z.array(reportChannelSchema).max(10).optional(),
  reporterMode: z.array(reporterModeSchema).max(2).optional(),
  replied: z.boolean().optional(),
  duplicate: z.boolean().optional(),
  reopened: z.boolean().optional(),
  sort: z.enum(["newest", "oldest"]).optional(),
});
export type SavedViewFilters = z.infer<typeof savedViewFiltersSchema>;
const viewName = z.string().trim().min(1).max(80);
export const createSavedViewBodySchema = z.object({ name: viewName, filters: savedViewFiltersSchema });
export const updateSavedViewBodySchema = z
  .object({ name: viewName.optional(), filters: savedViewFiltersSchema.optional() })
  .refine((b) => b.name !== undefined || b.filters !== undefined, { message: "nothing to change" });
export const savedViewSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  filters: savedViewFiltersSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedView = z.infer<typeof savedViewSchema>;
export const savedViewListSchema = z.object({ items: z.array(savedViewSchema) });
export const savedViewIdParamSchema = z.object({ id: uuidSchema });
