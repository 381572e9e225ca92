import type { DeclineReason, ReportStatus } from "@openclm/contracts";

/*
 * Closed lists the inbox iterates over, as type-checked copies (importing values from @openclm/contracts would pull
 * zod into the bundle; see shared/domain-lists.ts).
 */
type Exhaustive<Union, List extends readonly Union[]> = [Exclude<Union, List[number]>] extends [never] ? List : never;

const statusValues = [
  "submitted",
  "validated",
  "declined",
  "in_progress",
  "referred",
  "resolved",
  "escalated",
  "closed",
] as const satisfies readonly ReportStatus[];
export const reportStatuses: Exhaustive<ReportStatus, typeof statusValues> = statusValues;

const reasonValues = [
  "duplicate",
  "not_registered",
  "spam",
  "insufficient_information",
  "out_of_scope",
  "other",
] as const satisfies readonly DeclineReason[];
export const declineReasons: Exhaustive<DeclineReason, typeof reasonValues> = reasonValues;

/** Where `changeReportStatus` may take a report next (the server's policy; it checks again). */
export const nextStatuses: Record<ReportStatus, readonly ReportStatus[]> = {
  submitted: [],
  declined: [],
  validated: ["in_progress", "referred", "resolved", "escalated", "closed"],
  in_progress: ["referred", "resolved", "escalated", "closed"],
  referred: ["in_progress", "resolved", "escalated", "closed"],
  escalated: ["in_progress", "resolved", "closed"],
  resolved: ["in_progress", "closed"],
  closed: [],
};

export const reopenableStatuses: readonly ReportStatus[] = ["validated", "declined"];
