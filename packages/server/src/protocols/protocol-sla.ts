import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../db/database.js";
import { openStatuses } from "../inbox/inbox.policy.js";
import { getSetting } from "../platform/platform.repo.js";
import { reports } from "../reports/reports.schema.js";
import { responseProtocols } from "./protocols.schema.js";

export type SlaKind = "first_response" | "resolution";
export const slaKinds: SlaKind[] = ["first_response", "resolution"];

export interface SlaHours {
  firstResponseHours: number;
  resolutionHours: number;
}

/** The targets in force: the global `reports.sla` setting, overridden per subcategory by its protocol. */
export interface SlaTable {
  fallback: SlaHours;
  bySubcategory: Record<string, SlaHours>;
}

const HOUR = 3_600_000;

/** The global setting keeps its historic shape ({ firstResponseHours, resolutionDays }). */
export async function globalSla(db: Db): Promise<SlaHours> {
  const s = await getSetting<{ firstResponseHours?: number; resolutionDays?: number }>(db, "reports.sla");
  return { firstResponseHours: s?.firstResponseHours ?? 72, resolutionHours: (s?.resolutionDays ?? 30) * 24 };
}

/** One small read (a row per subcategory with a protocol) that every overdue computation starts from. */
export async function loadSlaTable(db: Db): Promise<SlaTable> {
  const [fallback, rows] = await Promise.all([
    globalSla(db),
    db
      .select({
        code: responseProtocols.subcategoryCode,
        first: responseProtocols.firstResponseHours,
        resolution: responseProtocols.resolutionHours,
      })
      .from(responseProtocols),
  ]);
  const bySubcategory: Record<string, SlaHours> = {};
  for (const r of rows) {
    if (r.first === null && r.resolution === null) continue;
    bySubcategory[r.code] = {
      firstResponseHours: r.first ?? fallback.firstResponseHours,
      resolutionHours: r.resolution ?? fallback.resolutionHours,
    };
  }
  return { fallback, bySubcategory };
}

export function slaFor(table: SlaTable, subcategoryCode: string): SlaHours {
  return table.bySubcategory[subcategoryCode] ?? table.fallback;
}

const hoursOf = (s: SlaHours, kind: SlaKind) => (kind === "first_response" ? s.firstResponseHours : s.resolutionHours);

/**
 * When a clock started: at creation, except the resolution clock of a report the reporter reopened ("not solved"),
 * which counts again from that answer (issue #20, item 9). Never before creation, so the `created_at` guard below
 * stays a necessary condition.
 */
export function clockStart(r: { createdAt: Date; reopenedAt: Date | null }, kind: SlaKind): Date {
  return kind === "resolution" && r.reopenedAt ? r.reopenedAt : r.createdAt;
}

/** The same, in SQL. */
function startSql(kind: SlaKind): SQL {
  return kind === "resolution" ? sql`COALESCE(${reports.reopenedAt}, ${reports.createdAt})` : sql`${reports.createdAt}`;
}

/** When a report is due for one target (its clock's start plus the target). */
export function dueAt(
  table: SlaTable,
  r: { subcategoryCode: string; createdAt: Date; reopenedAt: Date | null },
  kind: SlaKind,
): Date {
  return new Date(clockStart(r, kind).getTime() + hoursOf(slaFor(table, r.subcategoryCode), kind) * HOUR);
}

/**
 * The latest clock start still in breach, per subcategory: `start < threshold`. The targets are folded into
 * the query as literals (a CASE over a few subcategories), so the queue needs no join and keeps its indexes.
 */
function thresholdSql(table: SlaTable, now: Date, kind: SlaKind): SQL {
  const at = (s: SlaHours) => sql`${new Date(now.getTime() - hoursOf(s, kind) * HOUR).toISOString()}::timestamptz`;
  const entries = Object.entries(table.bySubcategory);
  if (entries.length === 0) return at(table.fallback);
  const whens = entries.map(([code, s]) => sql`WHEN ${code} THEN ${at(s)}`);
  return sql`(CASE ${reports.subcategoryCode} ${sql.join(whens, sql` `)} ELSE ${at(table.fallback)} END)`;
}

/** A necessary condition for any breach, on `created_at` alone, so the planner can still range-scan its index. */
function earliestBreachGuard(table: SlaTable, now: Date): SQL {
  const all = [table.fallback, ...Object.values(table.bySubcategory)];
  const minHours = Math.min(...all.flatMap((s) => [s.firstResponseHours, s.resolutionHours]));
  return sql`${reports.createdAt} < ${new Date(now.getTime() - minHours * HOUR).toISOString()}::timestamptz`;
}

const isOpen = () =>
  sql`${reports.status} IN (${sql.join(
    openStatuses.map((s) => sql`${s}`),
    sql`, `,
  )})`;

/** An open report past one target: no first response in time, or not resolved/closed in time. */
export function breachSql(table: SlaTable, now: Date, kind: SlaKind): SQL<boolean> {
  const late = sql`${startSql(kind)} < ${thresholdSql(table, now, kind)}`;
  const unmet = kind === "first_response" ? sql`${reports.firstResponseAt} IS NULL AND ` : sql``;
  return sql<boolean>`(${isOpen()} AND ${earliestBreachGuard(table, now)} AND ${unmet}${late})`;
}

/**
 * Breaches whose due time fell within the last `lookbackHours`: the escalation job's window, so that a history loaded
 * at once (a migration, the demo) or a long outage does not flood supervisors with stale breaches — those stay
 * visible as overdue in the queue.
 */
export function recentBreachSql(table: SlaTable, now: Date, kind: SlaKind, lookbackHours: number): SQL<boolean> {
  const windowStart = new Date(now.getTime() - lookbackHours * HOUR);
  return sql<boolean>`(${breachSql(table, now, kind)} AND ${startSql(kind)} >= ${thresholdSql(table, windowStart, kind)})`;
}

/** THE overdue rule, used by the queue's flag and filter, the detail and the escalation job. Never null. */
export function overdueSql(table: SlaTable, now: Date): SQL<boolean> {
  const firstLate = sql`(${reports.firstResponseAt} IS NULL AND ${reports.createdAt} < ${thresholdSql(table, now, "first_response")})`;
  const resolutionLate = sql`${startSql("resolution")} < ${thresholdSql(table, now, "resolution")}`;
  return sql<boolean>`(${isOpen()} AND ${earliestBreachGuard(table, now)} AND (${firstLate} OR ${resolutionLate}))`;
}
