import type { ReportStatus } from "@openclm/contracts";
import { roleHas } from "../identity/roles.js";
import type { Actor } from "../platform/context.js";

/** Where a report may go next from each status through `changeReportStatus` (decisions and reopening are separate). */
export const statusTransitions: Record<ReportStatus, ReportStatus[]> = {
  submitted: [],
  declined: [],
  validated: ["in_progress", "referred", "resolved", "escalated", "closed"],
  in_progress: ["referred", "resolved", "escalated", "closed"],
  referred: ["in_progress", "resolved", "escalated", "closed"],
  escalated: ["in_progress", "resolved", "closed"],
  resolved: ["in_progress", "closed"],
  closed: [],
};

export function canMoveTo(from: ReportStatus, to: ReportStatus): boolean {
  return statusTransitions[from].includes(to);
}

/**
 * Personal data (free text, phone) is shown to the data manager and to the responder handling the case only.
 * Analysts never reach the inbox at all.
 */
export function maySeePersonalData(actor: Actor, report: { assigneeId: string | null }): boolean {
  if (actor.type !== "staff" || !roleHas(actor.role, "report:read_personal")) return false;
  return actor.role === "data_manager" || report.assigneeId === actor.userId;
}

/** Statuses still waiting on the response side, for SLA clocks. */
export const openStatuses: ReportStatus[] = ["submitted", "validated", "in_progress", "referred", "escalated"];
