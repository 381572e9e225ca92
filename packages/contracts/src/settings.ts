import { z } from "zod";
import { optionalReportQuestions } from "./constants.js";
import { forumSettingSchema } from "./forum.js";

/**
 * Shared-device safety (issue 12 item 5): whether a report sent from the community app is kept in "My reports" on
 * the phone unless the person unticks it. Off for programmes whose reports come from facility kiosks or lent phones:
 * the person then ticks "keep this report on this phone" if they want it. A device's own choice (set in "My
 * reports") and shared-device mode (`?device=shared`, which never keeps anything) come first.
 */
export const deviceSettingSchema = z.object({ keepReportsByDefault: z.boolean() }).strict();
export type DeviceSetting = z.infer<typeof deviceSettingSchema>;

/** Most reporters use their own phone: kept unless the programme says otherwise. */
export const DEFAULT_DEVICE_SETTING: DeviceSetting = { keepReportsByDefault: true };

/**
 * Retention (PRODUCT.md 4): how long after a report is closed or declined its conversation (messages with the
 * reporter and internal notes) and the rest of its personal data are kept. The `reports.retention` job erases them
 * after that; the de-identified facts stay. Messages cannot outlive the personal data they are part of.
 */
export const retentionSettingSchema = z
  .object({
    personalDataMonths: z.number().int().min(1).max(240),
    messagesMonths: z.number().int().min(1).max(240),
    /**
     * Months after a facility rating was made until its comment's text is erased (issue 17; docs/erasure-retention.md).
     * Optional in what is stored: settings saved before this rule read the default.
     */
    ratingCommentMonths: z.number().int().min(1).max(240).default(12),
  })
  .strict()
  .refine((r) => r.messagesMonths <= r.personalDataMonths, {
    message: "messages cannot be kept longer than the personal data",
    path: ["messagesMonths"],
  });
export type RetentionSetting = z.infer<typeof retentionSettingSchema>;

export const DEFAULT_RETENTION: RetentionSetting = {
  personalDataMonths: 24,
  messagesMonths: 12,
  ratingCommentMonths: 12,
};

/**
 * Small-cell suppression of public and exported aggregates (PRODUCT.md 3.4; stored as `dashboard.suppression`): a
 * published count between 1 and threshold - 1 hides its row. Categories listed get their own, higher threshold (rights
 * and stigma by default). Below 3 a single person could be singled out, so 3 is the floor.
 */
export const suppressionSettingSchema = z
  .object({
    threshold: z.number().int().min(3).max(100),
    categoryThresholds: z.record(z.string().regex(/^[a-z0-9_]{1,40}$/), z.number().int().min(3).max(100)),
  })
  .strict()
  .superRefine((s, ctx) => {
    for (const [code, n] of Object.entries(s.categoryThresholds)) {
      if (n < s.threshold) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: "a category cannot be protected less than every other",
          path: ["categoryThresholds", code],
        });
      }
    }
  });
export type SuppressionSetting = z.infer<typeof suppressionSettingSchema>;

/**
 * Staff sessions (stored as `security.sessions`): signed out after `idleMinutes` without a request, and after
 * `maxHours` whatever happens. A session cannot idle longer than it lives.
 */
export const sessionsSettingSchema = z
  .object({
    idleMinutes: z
      .number()
      .int()
      .min(5)
      .max(24 * 60),
    maxHours: z.number().int().min(1).max(72),
  })
  .strict()
  .refine((s) => s.idleMinutes <= s.maxHours * 60, {
    message: "a session cannot stay idle longer than it lives",
    path: ["idleMinutes"],
  });
export type SessionsSetting = z.infer<typeof sessionsSettingSchema>;

/** How far back the inbox looks for possible duplicates of a report (stored as `reports.duplicateWindowDays`). */
export const duplicatesSettingSchema = z.object({ windowDays: z.number().int().min(1).max(365) }).strict();
export type DuplicatesSetting = z.infer<typeof duplicatesSettingSchema>;

/**
 * Whether the programme requires reporters to be registered with it (stored as `reports.registrationRequired`): the
 * inbox then asks handlers to record it, and `not_registered` becomes a reason to decline.
 */
export const registrationSettingSchema = z.object({ required: z.boolean() }).strict();
export type RegistrationSetting = z.infer<typeof registrationSettingSchema>;

/**
 * Default response targets (stored as `reports.sla`): hours to a first response and days to resolution of a report,
 * where its subcategory's response protocol sets none. The inbox marks reports past them as overdue.
 */
export const responseTargetsSettingSchema = z
  .object({
    firstResponseHours: z.number().int().min(1).max(720),
    resolutionDays: z.number().int().min(1).max(365),
  })
  .strict()
  .refine((s) => s.firstResponseHours <= s.resolutionDays * 24, {
    message: "the first response cannot be due after the resolution",
    path: ["firstResponseHours"],
  });
export type ResponseTargetsSetting = z.infer<typeof responseTargetsSettingSchema>;

/**
 * Which optional questions the report flow asks (stored as `reports.questions`): a programme that does not collect a
 * person's gender, age group or key populations, or that has no facility list or no use for the date, switches the
 * question off and the community app no longer asks it. All on by default.
 */
export const reportQuestionsSettingSchema = z
  .object(
    Object.fromEntries(optionalReportQuestions.map((q) => [q, z.boolean()])) as Record<
      (typeof optionalReportQuestions)[number],
      z.ZodBoolean
    >,
  )
  .strict();
export type ReportQuestionsSetting = z.infer<typeof reportQuestionsSettingSchema>;
export const DEFAULT_REPORT_QUESTIONS: ReportQuestionsSetting = {
  gender: true,
  ageGroup: true,
  keyPopulations: true,
  facility: true,
  occurredOn: true,
};

/**
 * Outbound SMS (stored as `channels.sms`): `monthlyLimit` caps the SMS the platform sends per calendar month (UTC;
 * null: no cap); once reached, further SMS are held, not sent, until the cap is raised or the month turns. What
 * notices say is the `notifications` setting, the same for every channel.
 */
export const smsSettingSchema = z
  .object({
    monthlyLimit: z.number().int().min(0).max(10_000_000).nullable(),
  })
  .strict();
export type SmsSetting = z.infer<typeof smsSettingSchema>;
export const DEFAULT_SMS_SETTING: SmsSetting = { monthlyLimit: null };

/** `getSmsUsage`: this month's outbound SMS against the limit, and the outbox by status (the last 7 days). */
export const smsUsageSchema = z.object({
  month: z.string(),
  sent: z.number().int(),
  monthlyLimit: z.number().int().nullable(),
  /** When the limit first held a message this month (null: it has not). */
  heldSince: z.string().nullable(),
  outbox: z.object({
    queued: z.number().int(),
    held: z.number().int(),
    sent: z.number().int(),
    delivered: z.number().int(),
    failed: z.number().int(),
  }),
});
export type SmsUsage = z.infer<typeof smsUsageSchema>;

/**
 * Where a map tile URL template goes wrong, or null when it is usable: `https://` only, with `{z}`, `{x}` and `{y}`
 * in its path or query (never in the host, so the tiles come from exactly one origin, the one the Content-Security-
 * Policy then allows), no other placeholder, no user name or password, no fragment, nothing that reads like markup.
 */
export function tileUrlProblem(template: string): string | null {
  if (!template.startsWith("https://")) return "the tile server must be an https:// address";
  if (/[\s"'<>\\;`]/.test(template)) return "no spaces, quotes, <, >, \\ or ; in the address";
  for (const p of ["{z}", "{x}", "{y}"]) if (!template.includes(p)) return `the address must hold ${p}`;
  if (/[{}]/.test(template.replace(/\{[zxy]\}/g, ""))) return "only {z}, {x} and {y} may be placeholders";
  let url: URL;
  try {
    url = new URL(template.replace(/\{[zxy]\}/g, "0"));
  } catch {
    return "not a web address";
  }
  if (url.protocol !== "https:" || !url.hostname) return "the tile server must be an https:// address";
  if (/\{[zxy]\}/.test(template.slice(0, template.indexOf(url.host) + url.host.length)))
    return "placeholders belong in the path, not the host";
  if (url.username || url.password) return "no user name or password in the address";
  if (url.hash) return "no fragment (#) in the address";
  return null;
}

/** The one origin map tiles come from, or null without a usable tile server (the CSP allows images from it). */
export function tileOrigin(template: string | null | undefined): string | null {
  if (!template || tileUrlProblem(template)) return null;
  return new URL(template.replace(/\{[zxy]\}/g, "0")).origin;
}

/**
 * The basemap of Near Me's map (stored as `map.tiles`). By default none: the country's own boundaries are drawn as
 * a light vector basemap and nothing is fetched from elsewhere. A system administrator may name a tile server the
 * programme runs or trusts (`https://tiles.example.org/{z}/{x}/{y}.png`); the page's Content-Security-Policy then
 * allows images from exactly that origin. `attribution` is shown on the map as plain text (tile licences ask for it).
 */
export const mapTilesSettingSchema = z
  .object({
    tileUrl: z
      .string()
      .trim()
      .max(500)
      .nullable()
      .superRefine((v, ctx) => {
        const problem = v === null ? null : tileUrlProblem(v);
        if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
      }),
    attribution: z.string().trim().max(200),
  })
  .strict();
export type MapTilesSetting = z.infer<typeof mapTilesSettingSchema>;
export const DEFAULT_MAP_TILES: MapTilesSetting = { tileUrl: null, attribution: "" };

/**
 * Community ratings of facilities (stored as `ratings.minimumCount`): no average is shown, published or exported
 * until at least this many ratings are counted, so one person's score cannot be read back from an average.
 */
export const ratingsSettingSchema = z.object({ minimumCount: z.number().int().min(3).max(100) }).strict();
export type RatingsSetting = z.infer<typeof ratingsSettingSchema>;
export const DEFAULT_RATINGS_SETTING: RatingsSetting = { minimumCount: 5 };

/**
 * What notifications to reporters say (stored as `notifications.reporter`, issue 14 item 5), by web push, SMS,
 * Telegram and WhatsApp alike: by default only that their report has a reply or an update and how to read it;
 * `includeContent` adds the message itself, for programmes whose reporters all use their own phone. A system
 * administrator changes it, audited.
 */
export const notificationsSettingSchema = z.object({ includeContent: z.boolean() }).strict();
export type NotificationsSetting = z.infer<typeof notificationsSettingSchema>;
export const DEFAULT_NOTIFICATIONS: NotificationsSetting = { includeContent: false };

/** `getSettings`: every setting an administrator edits here, with its defaults filled in. */
export const settingsSchema = z.object({
  device: deviceSettingSchema,
  retention: retentionSettingSchema,
  suppression: suppressionSettingSchema,
  sessions: sessionsSettingSchema,
  duplicates: duplicatesSettingSchema,
  registration: registrationSettingSchema,
  responseTargets: responseTargetsSettingSchema,
  reportQuestions: reportQuestionsSettingSchema,
  sms: smsSettingSchema,
  mapTiles: mapTilesSettingSchema,
  ratings: ratingsSettingSchema,
  notifications: notificationsSettingSchema,
  forum: forumSettingSchema,
});
export type Settings = z.infer<typeof settingsSchema>;
export type SettingKey = keyof Settings;
export const settingKeys = [
  "device",
  "retention",
  "suppression",
  "sessions",
  "duplicates",
  "registration",
  "responseTargets",
  "reportQuestions",
  "sms",
  "mapTiles",
  "ratings",
  "notifications",
  "forum",
] as const;

/** `updateSettings`: `{ "<key>": value }`, each value whole; unknown keys are refused. */
export const updateSettingsBodySchema = z
  .object({
    device: deviceSettingSchema.optional(),
    retention: retentionSettingSchema.optional(),
    suppression: suppressionSettingSchema.optional(),
    sessions: sessionsSettingSchema.optional(),
    duplicates: duplicatesSettingSchema.optional(),
    registration: registrationSettingSchema.optional(),
    responseTargets: responseTargetsSettingSchema.optional(),
    reportQuestions: reportQuestionsSettingSchema.optional(),
    sms: smsSettingSchema.optional(),
    mapTiles: mapTilesSettingSchema.optional(),
    ratings: ratingsSettingSchema.optional(),
    notifications: notificationsSettingSchema.optional(),
    forum: forumSettingSchema.optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: "name at least one setting" });
export type UpdateSettingsInput = z.infer<typeof updateSettingsBodySchema>;

/** One change of one setting, from the audit log (`listSettingsHistory`): who, when, and the value before and after. */
export const settingsHistoryEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  setting: z.string(),
  actorEmail: z.string().nullable(),
  actorRole: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type SettingsHistoryEntry = z.infer<typeof settingsHistoryEntrySchema>;
export const settingsHistorySchema = z.object({ items: z.array(settingsHistoryEntrySchema) });
export type SettingsHistory = z.infer<typeof settingsHistorySchema>;
