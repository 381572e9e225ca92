import { type ReportStatus, statusTransitions } from "@openclm/contracts";
import { roleHas } from "../identity/roles.js";
import type { Actor } from "../platform/context.js";

/** Where a report may go next from each status through `changeReportStatus` (shared with the web app). */
export { statusTransitions };

export function canMoveTo(from: ReportStatus, to: ReportStatus): boolean {
  return statusTransitions[from].includes(to);
}

export interface Holder {
  assigneeId: string | null;
  assigneeTeamId: string | null;
}

/**
 * Who handles a report: its assigned person; or, when a team holds it with nobody named, every member of that team.
 * `myTeamIds`: the teams the actor belongs to.
 */
export function isHandler(actor: Actor, report: Holder, myTeamIds: string[]): boolean {
  if (actor.type !== "staff") return false;
  if (report.assigneeId) return report.assigneeId === actor.userId;
  return report.assigneeTeamId !== null && myTeamIds.includes(report.assigneeTeamId);
}

/**
 * Personal data (free text, phone) is shown to the data manager and to the responder handling the case only.
 * Analysts never reach the inbox at all. The queue's word search applies the same rule in SQL (inbox.service.ts
 * textReadableSql): keep the two in step.
 */
export function maySeePersonalData(actor: Actor, report: Holder, myTeamIds: string[]): boolean {
  if (actor.type !== "staff" || !roleHas(actor.role, "report:read_personal")) return false;
  return actor.role === "data_manager" || isHandler(actor, report, myTeamIds);
}

/** Responders act on reports nobody holds and on those they handle, never on a colleague's or another team's. */
export function mayActOn(actor: Actor, report: Holder, myTeamIds: string[]): boolean {
  if (actor.type !== "staff" || actor.role !== "first_responder") return true;
  const unheld = report.assigneeId === null && report.assigneeTeamId === null;
  return unheld || isHandler(actor, report, myTeamIds);
}

/** Statuses still waiting on the response side, for SLA clocks. */
export const openStatuses: ReportStatus[] = ["submitted", "validated", "in_progress", "referred", "escalated"];
