/**
 * Closed lists and limits shared by the server and the web app, with no zod import: the web app imports this entry
 * (`@openclm/contracts/constants`) for values, so the community app's bundle never carries zod. The zod schemas in
 * the other files are built from these same lists.
 */

export const facilityTypes = [
  "tb_clinic",
  "dot_centre",
  "hospital",
  "laboratory",
  "pharmacy",
  "ngo",
  "legal_aid",
  "psychosocial",
  "nutrition",
  "social_protection",
  "point_of_interest",
] as const;

export const weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/** Live reports, or the practice reports of training mode (ADR 0023). */
export const reportSets = ["live", "training"] as const;
export type ReportSetName = (typeof reportSets)[number];

/** Where a report came in (PRODUCT.md 3.2). */
export const reportChannels = ["app", "web", "ussd", "sms", "telegram", "whatsapp"] as const;

/** `on_behalf`: a peer supporter reports for someone, with that person's consent recorded. */
export const reporterModes = ["self", "on_behalf"] as const;

/**
 * Who helped a person report (`assistedBy.kind`, PRODUCT.md 7): staff peer supporters choose among the first three
 * that fit their work, a community account reports as `family` or `treatment_supporter`, a facility desk as
 * `facility_desk`.
 */
export const assistantKinds = [
  "peer_supporter",
  "treatment_supporter",
  "family",
  "health_worker",
  "facility_desk",
] as const;
/** The kinds each kind of assisting account may record (checked on the server; offered by the app). */
export const staffAssistantKinds = ["peer_supporter", "treatment_supporter", "health_worker"] as const;
export const communityAssistantKinds = ["family", "treatment_supporter"] as const;

/** How the person gave consent to being reported for: `thumbprint` is on a paper form kept with its reference. */
export const consentMethods = ["spoken", "signed", "thumbprint"] as const;

export const reportStatuses = [
  "submitted",
  "validated",
  "declined",
  "in_progress",
  "referred",
  "resolved",
  "escalated",
  "closed",
] as const;
export type ReportStatusCode = (typeof reportStatuses)[number];

/** Where `changeReportStatus` may take a report next (decisions and reopening are separate verbs). */
export const statusTransitions: Record<ReportStatusCode, readonly ReportStatusCode[]> = {
  submitted: [],
  declined: [],
  validated: ["in_progress", "referred", "resolved", "escalated", "closed"],
  in_progress: ["referred", "resolved", "escalated", "closed"],
  referred: ["in_progress", "resolved", "escalated", "closed"],
  escalated: ["in_progress", "resolved", "closed"],
  resolved: ["in_progress", "closed"],
  closed: [],
};

export const declineReasons = [
  "duplicate",
  "not_registered",
  "spam",
  "insufficient_information",
  "out_of_scope",
  "other",
] as const;

/** Whether the reporter is registered with the TB programme, where the programme requires it (PRODUCT.md 3.2). */
export const registrationStatuses = ["yes", "no", "unknown"] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];

/** Reports one bulk request (validate, assign) may carry. */
export const BULK_LIMIT = 100;

export const genders = ["female", "male", "transgender", "other", "undisclosed"] as const;

export const ageGroups = ["0-4", "5-14", "15-24", "25-34", "35-44", "45-54", "55-64", "65+", "undisclosed"] as const;

/** The key populations offered by default; countries may add their own codes of the same shape. */
export const keyPopulations = [
  "plhiv",
  "health_worker",
  "prisoner",
  "people_who_use_drugs",
  "miner",
  "migrant",
  "child",
  "woman",
  "urban_poor",
  "rural_poor",
  "indigenous",
  "homeless",
  "diabetes",
] as const;

export const staffRoles = [
  "peer_supporter",
  "data_manager",
  "first_responder",
  "analyst",
  "country_admin",
  "system_admin",
  "auditor",
  "content_editor",
] as const;

export const MAX_DESCRIPTION_LENGTH = 4000;
export const MAX_MESSAGE_LENGTH = 2000;

/**
 * Accountability dashboard (PRODUCT.md 3.4, 6). Counts are attributed to the month a report was made (UTC) and
 * reflect each report's current state; percentages and medians are derived from the same counted set.
 */
export const indicatorMetrics = [
  "reports_total",
  "reports_pending",
  "reports_validated",
  "reports_declined",
  "reports_resolved",
  "reports_escalated",
  "reports_confirmed",
  "reports_on_behalf",
  "pct_resolved",
  "pct_confirmed",
  "pct_on_behalf",
  "per_1000_affected",
  "coverage_pct",
  "median_hours_to_first_response",
  "median_hours_to_validation",
  "median_hours_to_resolution",
] as const;
export type IndicatorMetric = (typeof indicatorMetrics)[number];

/** Metrics that are plain counts of reports (published only at or above the suppression threshold). */
export const countMetrics = [
  "reports_total",
  "reports_pending",
  "reports_validated",
  "reports_declined",
  "reports_resolved",
  "reports_escalated",
  "reports_confirmed",
  "reports_on_behalf",
] as const satisfies readonly IndicatorMetric[];

export const medianMetrics = [
  "median_hours_to_first_response",
  "median_hours_to_validation",
  "median_hours_to_resolution",
] as const satisfies readonly IndicatorMetric[];

/**
 * Which date places a report in a period (`dateBasis` of an indicator query): `reported` (default) the day it was
 * made; `validated` the day a data manager validated it, counting only validated reports. By month reported, recent
 * months hold many reports not yet validated and look like a collapse; by month of validation they do not.
 */
export const dateBases = ["reported", "validated"] as const;
export type DateBasis = (typeof dateBases)[number];
/**
 * The metrics a `validated` basis answers: counts and rates of validated reports. Counts of all reports, of declined
 * or pending ones, and medians (kept by month reported) are not counted by validation month.
 */
export const validatedBasisMetrics = [
  "reports_validated",
  "reports_resolved",
  "reports_escalated",
  "reports_confirmed",
  "pct_resolved",
  "pct_confirmed",
  "per_1000_affected",
  "coverage_pct",
] as const satisfies readonly IndicatorMetric[];

export const timeDimensions = ["month", "quarter", "year"] as const;

/** The periods a published figure may cover (docs/disclosure-control.md): nothing else leaves the programme. */
export const publicPeriodKinds = ["month", "quarter", "year"] as const;
export type PublicPeriodKind = (typeof publicPeriodKinds)[number];

/**
 * Which calendar period [from, to] (inclusive `YYYY-MM-DD` UTC dates) is exactly — one month, one quarter (January,
 * April, July or October to the end of its third month) or one year — or null for anything else (a day range, Feb–Nov,
 * two months, a year across a new year). Shared by the server, which refuses the rest, and the web app, which offers
 * only these.
 */
export function calendarPeriodOf(from: string, to: string): PublicPeriodKind | null {
  const start = /^(\d{4})-(\d{2})-01$/.exec(from);
  const end = /^(\d{4})-(\d{2})-(\d{2})$/.exec(to);
  if (!start || !end) return null;
  const [fy, fm] = [Number(start[1]), Number(start[2])];
  const [ty, tm, td] = [Number(end[1]), Number(end[2]), Number(end[3])];
  // The last day of `to`'s month (day 0 of the next month).
  if (td !== new Date(Date.UTC(ty, tm, 0)).getUTCDate()) return null;
  const months = (ty - fy) * 12 + (tm - fm) + 1;
  if (months === 1) return "month";
  if (months === 3 && fm % 3 === 1) return "quarter";
  if (months === 12 && fm === 1) return "year";
  return null;
}
export const placeDimensions = ["region", "district", "facility"] as const;
/**
 * Dimensions that split a report into one row per value. At most one of them per query (as a dimension or a filter):
 * a report naming three key populations counts once under each.
 */
export const breakdownDimensions = [
  "gender",
  "age_group",
  "key_population",
  "channel",
  "challenge_type",
  "decline_reason",
  /** The kind of assistant (`assistedBy.kind`), `none` for reports made by the person themself. */
  "assisted_by",
  /** The staff account that assisted (peer supervision; staff dashboards only, never published). */
  "assistant",
] as const;
export const indicatorDimensions = [
  "category",
  "subcategory",
  "reporter_mode",
  ...placeDimensions,
  ...timeDimensions,
  ...breakdownDimensions,
] as const;
export type IndicatorDimension = (typeof indicatorDimensions)[number];

/** Default small-cell threshold (PRODUCT.md 3.4); rights and stigma are more sensitive. */
export const DEFAULT_SUPPRESSION = { threshold: 5, categoryThresholds: { rights: 10, stigma: 10 } } as const;

/**
 * Audit actions that record a person's personal data being shown to a member of staff (PRODUCT.md 4: every read of
 * personal data is audited). The auditor view marks them and filters on them (`personalData=true`).
 */
export const personalDataViewActions = ["report.view_personal"] as const;

/**
 * Parts of the community app a country may switch off (no forum where there is no peer network to moderate it, no
 * Near Me before facilities are listed). Reporting and following one's reports are the platform and always on.
 */
export const moduleCodes = ["rights", "information", "nearMe", "forum"] as const;
export type ModuleCode = (typeof moduleCodes)[number];

/** Logo uploads: PNG, JPEG or WebP only (an SVG can carry script), at most this many bytes. */
export const logoContentTypes = ["image/png", "image/jpeg", "image/webp"] as const;
export const LOGO_MAX_BYTES = 200 * 1024;

/** The steps of the set-up checklist, in the order an administrator takes them. */
export const setupStepIds = [
  "countryProfile",
  "languages",
  "geography",
  "facilities",
  "taxonomy",
  "staff",
  "protocols",
] as const;
export type SetupStepId = (typeof setupStepIds)[number];

export * from "./colour-contrast.js";

/** The most a geography file may weigh (a country's districts with detailed boundaries run to several MB). */
export const AREA_IMPORT_MAX_BYTES = 32 * 1024 * 1024;
/** The most a facility file may weigh. */
export const FACILITY_IMPORT_MAX_BYTES = 4 * 1024 * 1024;

/** How a report was resolved: required to resolve one (issue #20, item 12). */
export const resolutionOutcomes = [
  "service_provided",
  "fixed_by_provider",
  "information_or_advice",
  "resolved_after_referral",
  "reporter_withdrew",
  "other",
] as const;
/** The most a taxonomy spreadsheet (.xlsx) may weigh. */
export const TAXONOMY_IMPORT_MAX_BYTES = 2 * 1024 * 1024;

/** The kinds of items of the challenge taxonomy that Set-up edits, as the spreadsheet's `list_name` names them. */
export const taxonomyKinds = ["category", "subcategory", "challenge_type", "key_population"] as const;
export type TaxonomyKind = (typeof taxonomyKinds)[number];

/** The optional questions of the report flow a country may switch off (setting `reportQuestions`). */
export const optionalReportQuestions = ["gender", "ageGroup", "keyPopulations", "facility", "occurredOn"] as const;
export type OptionalReportQuestion = (typeof optionalReportQuestions)[number];

export { isOpenAt, type WeeklyHours } from "./opening-hours.js";

/* Advocacy cases (advocacy.ts, docs/advocacy.md): plain values the web app imports without zod. */
export const advocacyCaseStatuses = ["open", "in_dialogue", "commitment_made", "resolved", "stalled"] as const;
export type AdvocacyCaseStatus = (typeof advocacyCaseStatuses)[number];
export const advocacyActionKinds = ["meeting", "letter", "media", "policy_brief", "legal_referral", "other"] as const;
export const dutyBearerTypes = ["facility", "district_health_office", "ministry", "other"] as const;

/** Where a case may go next: resolved is final; a stalled case can be taken up again. */
export const advocacyTransitions: Record<AdvocacyCaseStatus, readonly AdvocacyCaseStatus[]> = {
  open: ["in_dialogue", "commitment_made", "stalled"],
  in_dialogue: ["commitment_made", "stalled", "open"],
  commitment_made: ["resolved", "stalled", "in_dialogue"],
  stalled: ["open", "in_dialogue", "commitment_made"],
  resolved: [],
};

/** Documents an action may carry: PDF, images, office documents; the bytes must say the same type. */
export const advocacyDocumentTypes = [
  "application/pdf",
  "image/png",
  "image/jpeg",
  "image/webp",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  "application/vnd.oasis.opendocument.text",
] as const;
export const ADVOCACY_DOCUMENT_MAX_BYTES = 5 * 1024 * 1024;

/**
 * E-mail to staff (issue 14 item 5): new reports in their scope, reports assigned to them, escalations to them. Each
 * staff member chooses on their own account page: each at once, one daily digest, or none.
 */
export const emailNotificationChoices = ["immediate", "digest", "off"] as const;
export type EmailNotificationChoice = (typeof emailNotificationChoices)[number];

/**
 * Content images (issue 15): the `Cache-Control` of an image that published content shows. The community app's
 * service worker keeps for offline reading only answers carrying exactly this header, so a draft's image (served to
 * editors with `private, no-store`) is never kept.
 */
export const PUBLISHED_IMAGE_CACHE = "public, max-age=31536000, immutable";
/** The service worker's cache of content images, and how many it keeps (least recently used go first). */
export const CONTENT_IMAGE_CACHE = "openclm-content-images";
export const CONTENT_IMAGE_MAX_ENTRIES = 60;
/**
 * The background sync brings the images of unread articles onto the phone until the cache holds this many bytes (not
 * at all when the phone asks to save data).
 */
export const CONTENT_IMAGE_BUDGET_BYTES = 5 * 1024 * 1024;
