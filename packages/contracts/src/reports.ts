import { z } from "zod";
import { languageCodeSchema, taxonomyCodeSchema, uuidSchema } from "./common.js";
import {
  ageGroups,
  assistantKinds,
  consentMethods,
  declineReasons,
  genders,
  MAX_DESCRIPTION_LENGTH,
  MAX_MESSAGE_LENGTH,
  reportChannels,
  reporterModes,
  reportStatuses,
} from "./constants.js";

export const reportChannelSchema = z.enum(reportChannels);
export type ReportChannel = z.infer<typeof reportChannelSchema>;

export const reporterModeSchema = z.enum(reporterModes);
export type ReporterMode = z.infer<typeof reporterModeSchema>;

export const reportStatusSchema = z.enum(reportStatuses);
export type ReportStatus = z.infer<typeof reportStatusSchema>;

export const declineReasonSchema = z.enum(declineReasons);
export type DeclineReason = z.infer<typeof declineReasonSchema>;

export const genderSchema = z.enum(genders);
export type Gender = z.infer<typeof genderSchema>;

export const ageGroupSchema = z.enum(ageGroups);
export type AgeGroup = z.infer<typeof ageGroupSchema>;

export const keyPopulationCodeSchema = z
  .string()
  .max(40)
  .regex(/^[a-z][a-z0-9_]*$/);

/** A phone number as typed: digits with an optional leading +, spaces, dots, dashes and brackets. */
export const phoneSchema = z
  .string()
  .trim()
  .max(32)
  .regex(/^\+?[0-9 ().-]{6,31}$/, "a phone number such as +258 84 123 4567");

export const reportConsentSchema = z.object({
  contactMe: z.boolean().default(false),
  shareDeidentified: z.boolean().default(false),
  useInAdvocacyStories: z.boolean().default(false),
});

export const assistantKindSchema = z.enum(assistantKinds);
export type AssistantKind = z.infer<typeof assistantKindSchema>;
export const consentMethodSchema = z.enum(consentMethods);
export type ConsentMethod = z.infer<typeof consentMethodSchema>;

/**
 * Who helped and how the person agreed (`reporterMode: "on_behalf"` only). `consentReference` names the paper form a
 * thumbprint or signature is kept on (required for a thumbprint); it is stored encrypted.
 */
export const assistedBySchema = z.object({
  kind: assistantKindSchema,
  consentMethod: consentMethodSchema,
  consentReference: z.string().trim().max(64).nullish(),
});
export type AssistedBy = z.infer<typeof assistedBySchema>;

/**
 * `submitReport` body. Place: `districtId`, or `position` (resolved to its district; never stored), or only
 * `facilityId` (its district is used). Optional fields also accept `null`.
 */
export const submitReportBodySchema = z.object({
  /** Made on the device; the idempotency key: sending the same clientId again returns the same report. */
  clientId: uuidSchema,
  channel: reportChannelSchema.default("web"),
  reporterMode: reporterModeSchema.default("self"),
  /** Required with `on_behalf`, refused with `self` (reports/submit-report.ts says who may send which kind). */
  assistedBy: assistedBySchema.nullish(),
  categoryCode: taxonomyCodeSchema,
  subcategoryCode: taxonomyCodeSchema,
  challengeTypes: z.array(taxonomyCodeSchema).max(30).default([]),
  description: z.string().max(MAX_DESCRIPTION_LENGTH).nullish(),
  /** YYYY-MM-DD; not in the future. Defaults to the day of submission. */
  occurredOn: z.iso.date().nullish(),
  districtId: uuidSchema.nullish(),
  position: z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).nullish(),
  facilityId: uuidSchema.nullish(),
  gender: genderSchema.nullish(),
  ageGroup: ageGroupSchema.nullish(),
  keyPopulations: z.array(keyPopulationCodeSchema).max(20).default([]),
  consent: reportConsentSchema.default({ contactMe: false, shareDeidentified: false, useInAdvocacyStories: false }),
  contact: z.object({ phone: phoneSchema.nullish() }).nullish(),
  language: languageCodeSchema.nullish(),
  /** Optional opaque id of the installation, hashed on the server for duplicate detection only. */
  deviceId: z.string().min(8).max(128).nullish(),
  /**
   * A practice report (the app's Practice mode, training mode; ADR 0023): it never counts, is never exported and
   * nothing is sent about it. Its phone number, account and device are not kept.
   */
  training: z.boolean().default(false),
});
export type SubmitReportBody = z.input<typeof submitReportBodySchema>;
export type SubmitReportInput = z.output<typeof submitReportBodySchema>;

/** `submitReport` answer: 201 the first time, 200 with the same body for a replayed clientId. */
export const submitReportResultSchema = z.object({
  trackingCode: z.string(),
  status: z.literal("submitted"),
});
export type SubmitReportResult = z.infer<typeof submitReportResultSchema>;

/** Tracking codes look like `K7QM-3XPA`; lower case and a missing dash are accepted. */
export const trackingCodeParamSchema = z.object({ trackingCode: z.string().trim().min(1).max(20) });

export const reportMessageSchema = z.object({
  from: z.enum(["reporter", "responder"]),
  body: z.string(),
  at: z.string(),
});
export type ReportMessage = z.infer<typeof reportMessageSchema>;

/** What the reporter may see: plain status history and public messages; never notes or staff identities. */
export const trackedReportSchema = z.object({
  trackingCode: z.string(),
  status: reportStatusSchema,
  categoryCode: z.string(),
  subcategoryCode: z.string(),
  createdAt: z.string(),
  timeline: z.array(z.object({ status: reportStatusSchema, at: z.string() })),
  messages: z.array(reportMessageSchema),
  /** True while the report is resolved and the reporter has not confirmed it yet. */
  canConfirm: z.boolean(),
  /** The reporter's answer to "was it resolved?", null until given. */
  reporterConfirmed: z.boolean().nullable(),
  /** What the reporter allows, per purpose; they may change it at any time (`changeReportConsent`). */
  consent: z.object({ contactMe: z.boolean(), shareDeidentified: z.boolean(), useInAdvocacyStories: z.boolean() }),
  /** Whether a phone number for answers is kept (never the number itself). */
  hasPhone: z.boolean(),
  /**
   * Set when staff joined this report with another about the same problem: its progress is followed there (only the
   * status: the other report's messages are not this reporter's).
   */
  mergedInto: z.object({ status: reportStatusSchema }).nullable(),
});
export type TrackedReport = z.infer<typeof trackedReportSchema>;

export const replyToReportBodySchema = z.object({ body: z.string().trim().min(1).max(MAX_MESSAGE_LENGTH) });

export const confirmResolutionBodySchema = z.object({
  resolved: z.boolean(),
  comment: z.string().trim().max(MAX_MESSAGE_LENGTH).nullish(),
});

/** Every purpose, as the reporter wants it now. Withdrawing `contactMe` also deletes the stored phone number. */
export const changeReportConsentBodySchema = z.object({
  contactMe: z.boolean(),
  shareDeidentified: z.boolean(),
  useInAdvocacyStories: z.boolean(),
});
export type ChangeReportConsentInput = z.infer<typeof changeReportConsentBodySchema>;

/*
 * The same four calls with the tracking code in the body instead of the path (`POST /api/reports/track…`): the code
 * is a bearer secret, and a body reaches no URL, browser history or proxy log. The app uses these.
 */
export const trackReportBodySchema = trackingCodeParamSchema;
export const replyToReportByCodeBodySchema = replyToReportBodySchema.extend(trackingCodeParamSchema.shape);
export const confirmResolutionByCodeBodySchema = confirmResolutionBodySchema.extend(trackingCodeParamSchema.shape);
export const changeReportConsentByCodeBodySchema = changeReportConsentBodySchema.extend(trackingCodeParamSchema.shape);
export const deleteMyReportByCodeBodySchema = trackingCodeParamSchema;

/**
 * `deleteMyReport`: the report's personal data, messages and notes are erased; its de-identified facts stay counted.
 * The tracking code is gone with it: any later call with it answers 404, as for a code that never existed.
 */
export const erasedReportSchema = z.object({ erased: z.literal(true), erasedAt: z.string() });
export type ErasedReport = z.infer<typeof erasedReportSchema>;

/** Who erased a report's personal data: the reporter (`deleteMyReport`), the retention job, or account deletion. */
export const erasedBy = ["reporter", "retention", "account"] as const;
export const erasureSchema = z.object({ at: z.string(), by: z.enum(erasedBy) });
export type Erasure = z.infer<typeof erasureSchema>;

// ── Community accounts: optional, nickname + PIN or password, no email or phone ──

export const nicknameSchema = z
  .string()
  .trim()
  .min(3)
  .max(32)
  .regex(/^[\p{L}\p{N}_.-]+$/u, "letters, digits, _ . -");

/** A PIN of at least 6 digits, or a password of at least 8 characters. */
export const communitySecretSchema = z
  .string()
  .max(256)
  .refine(
    (s) => (/^\d+$/.test(s) ? s.length >= 6 : s.length >= 8),
    "a PIN of 6+ digits or a password of 8+ characters",
  );

export const registerCommunityAccountBodySchema = z.object({ nickname: nicknameSchema, secret: communitySecretSchema });
export const communityLoginBodySchema = z.object({
  nickname: z.string().trim().min(1).max(64),
  secret: z.string().min(1).max(256),
});
export const communityAccountSchema = z.object({
  nickname: z.string(),
  /** Failed sign-ins on this account since its previous sign-in (null when there were none). */
  securityNotice: z
    .object({ failedAttempts: z.number().int(), lastFailedAt: z.string().nullable() })
    .nullable()
    .optional(),
});
export type CommunityAccount = z.infer<typeof communityAccountSchema>;

export const myReportsSchema = z.object({
  items: z.array(
    z.object({
      trackingCode: z.string(),
      status: reportStatusSchema,
      categoryCode: z.string(),
      subcategoryCode: z.string(),
      createdAt: z.string(),
    }),
  ),
});
export type MyReports = z.infer<typeof myReportsSchema>;

/**
 * `listMyAssistedReports`: the reports a peer supporter made for others, with their progress, found by the clientId
 * the app keeps. Never the tracking code (a bearer secret of the person helped) or any personal data.
 */
export const myAssistedReportsSchema = z.object({
  items: z.array(
    z.object({
      clientId: z.string(),
      status: reportStatusSchema,
      categoryCode: z.string(),
      subcategoryCode: z.string(),
      assistantKind: assistantKindSchema,
      /** Null for reports made before the method was recorded. */
      consentMethod: consentMethodSchema.nullable(),
      createdAt: z.string(),
    }),
  ),
});
export type MyAssistedReports = z.infer<typeof myAssistedReportsSchema>;

/**
 * `exportMyCommunityData`: everything the platform holds about a community account, in clear, for its owner
 * (the right of access and to data portability): the account and each of its reports with its conversation.
 */
export const communityDataExportSchema = z.object({
  exportedAt: z.string(),
  account: z.object({ nickname: z.string(), createdAt: z.string() }),
  reports: z.array(
    z.object({
      trackingCode: z.string(),
      status: reportStatusSchema,
      channel: z.string(),
      reporterMode: z.string(),
      categoryCode: z.string(),
      subcategoryCode: z.string(),
      challengeTypes: z.array(z.string()),
      description: z.string().nullable(),
      occurredOn: z.string(),
      districtId: z.string(),
      facilityId: z.string().nullable(),
      gender: z.string(),
      ageGroup: z.string(),
      keyPopulations: z.array(z.string()),
      consent: z.object({ contactMe: z.boolean(), shareDeidentified: z.boolean(), useInAdvocacyStories: z.boolean() }),
      phone: z.string().nullable(),
      language: z.string().nullable(),
      createdAt: z.string(),
      timeline: z.array(z.object({ status: reportStatusSchema, at: z.string() })),
      messages: z.array(reportMessageSchema),
    }),
  ),
});
export type CommunityDataExport = z.infer<typeof communityDataExportSchema>;

/**
 * Web push (issue 14 item 5): a browser's push subscription as `PushSubscription.toJSON()` gives it. The endpoint is
 * the browser vendor's push service (https); nothing else is called.
 */
export const pushSubscriptionSchema = z
  .object({
    endpoint: z.string().url().max(2048),
    keys: z.object({ p256dh: z.string().min(20).max(200), auth: z.string().min(8).max(100) }).strict(),
  })
  .strict();
export type PushSubscriptionJson = z.infer<typeof pushSubscriptionSchema>;

/** `followReportByPush`: "Tell me when someone answers" on this device, for the report whose code it holds. */
export const followReportByPushBodySchema = trackingCodeParamSchema.extend({
  subscription: pushSubscriptionSchema,
  language: languageCodeSchema.optional(),
});
export type FollowReportByPushInput = z.infer<typeof followReportByPushBodySchema>;

/** `unfollowReportByPush`: this device stops following the report. */
export const unfollowReportByPushBodySchema = trackingCodeParamSchema.extend({ endpoint: z.string().url().max(2048) });
export type UnfollowReportByPushInput = z.infer<typeof unfollowReportByPushBodySchema>;

/** `getTrainingSummary`: how many practice reports (training mode, ADR 0023) the installation holds. */
export const trainingSummarySchema = z.object({ reports: z.number().int().nonnegative() });
export type TrainingSummary = z.infer<typeof trainingSummarySchema>;

/** `resetTrainingData`: every practice report erased, with its timeline, messages and notes. */
export const trainingResetResultSchema = z.object({ deleted: z.number().int().nonnegative() });
export type TrainingResetResult = z.infer<typeof trainingResetResultSchema>;
