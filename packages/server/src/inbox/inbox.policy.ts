import { type ReportStatus, statusTransitions } from "@openclm/contracts";
import { roleHas } from "../identity/roles.js";
import type { Actor } from "../platform/context.js";

/** Where a report may go next from each status through `changeReportStatus` (shared with the web app). */
export { statusTransitions };

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
