import { type SQL, sql } from "drizzle-orm";
import { AppError } from "../platform/app-error.js";
import type { Actor } from "../platform/context.js";
import { reports } from "./reports.schema.js";

/**
 * Training mode (issue 25 item 4, ADR 0023): the one place that says which reports a reader sees.
 *
 * A report is either live or a practice report (`reports.training`). Every reader of `reports` that counts, lists,
 * exports or notifies goes through one of these predicates, and `training-isolation.test.ts` fails when a source file
 * reads `reports` without naming one of them (or being listed there as a reader of one report it already holds).
 * Everything derived from reports (the dashboard cube and through it public indicators, exports, the factsheet,
 * DHIS2 and advocacy trends) is fed by `LIVE_REPORTS_SQL` only, so practice reports never reach an aggregate.
 */

/** Which reports a reader works on: the live queue (the default everywhere) or the practice reports. */
export type ReportSet = "live" | "training";

/** Drizzle predicate: live reports only. The default of every reader. */
export const liveReports: SQL = sql`${reports.training} = false`;

/** Drizzle predicate for the set a staff member switched their inbox to. */
export function reportsOfSet(set: ReportSet): SQL {
  return set === "training" ? sql`${reports.training} = true` : liveReports;
}

/**
 * Raw-SQL predicate on a `reports` alias (`r` by default), for the statements written as text (dashboard, mail).
 * The alias is a code constant, never input.
 */
export function liveReportsSql(alias = "r"): string {
  if (!/^[a-z_]+$/.test(alias)) throw new Error(`bad alias ${alias}`);
  return `${alias}.training = false`;
}

/**
 * The live reports as a relation (`FROM ${LIVE_REPORTS_SQL} r`): what the dashboard's aggregator, its bulk rebuild and
 * its partial-month edges read, so no practice report can contribute to a cell.
 */
export const LIVE_REPORTS_SQL = "(SELECT * FROM reports WHERE training = false)";

/**
 * Trainee accounts (ADR 0023 addendum): a staff account an administrator marked as a trainee works on practice reports
 * only. The inbox's read rule (`inbox.service.ts` `scopeSql`) adds `reportsOfSet("training")` for them, so a live
 * report answers 404 to every by-id read and verb, as one out of scope does; their queue and live stream are the
 * training view whatever they ask for.
 */
export function isTrainee(actor: Actor): boolean {
  return actor.type === "staff" && actor.trainee === true;
}

/** The set a reader gets: what they chose, except that a trainee always gets the practice reports. */
export function setForActor(actor: Actor, chosen: ReportSet): ReportSet {
  return isTrainee(actor) ? "training" : chosen;
}

/**
 * Readers of live reports outside the inbox (the de-identified report export, story review) have no practice
 * counterpart: a trainee is refused them (403; they see the route exists, as their role allows it, but not its data).
 */
export function refuseTrainee(actor: Actor): void {
  if (isTrainee(actor)) throw new AppError("FORBIDDEN", "A trainee account works on practice reports only");
}
