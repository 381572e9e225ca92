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

/** Where a report came in (PRODUCT.md 3.2). */
export const reportChannels = ["app", "web", "ussd", "sms", "telegram", "whatsapp"] as const;

/** `on_behalf`: a peer supporter reports for someone, with that person's consent recorded. */
export const reporterModes = ["self", "on_behalf"] as const;

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
] as const;

export const MAX_DESCRIPTION_LENGTH = 4000;
export const MAX_MESSAGE_LENGTH = 2000;
