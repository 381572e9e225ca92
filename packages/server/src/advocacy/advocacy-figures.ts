import type { IndicatorFilter } from "@openclm/contracts";
import { and, type SQL, sql } from "drizzle-orm";
import { perturb } from "../dashboard/disclosure.js";
import { suppressionRule } from "../dashboard/indicators.service.js";
import { type SuppressionRule, thresholdFor } from "../dashboard/suppression.js";
import type { Db } from "../db/database.js";
import { reports } from "../reports/reports.schema.js";
import * as repo from "./advocacy.repo.js";

/**
 * A case's counts through the same disclosure control as every published figure (docs/disclosure-control.md): the
 * count is perturbed by its cell key (the sum of its reports' record keys), so the same reports always show the same
 * value and two cases that differ by one report differ by that report plus two independent noises; then a value
 * between 1 and the threshold − 1 is hidden (null).
 */
export function controlled(n: number, key: number, threshold: number): number | null {
  const shown = perturb(n, key);
  return shown > 0 && shown < threshold ? null : shown;
}

/** The case's threshold: the strictest category its selection may contain (rights and stigma are higher). */
export async function caseThreshold(db: Db, filters: IndicatorFilter[]): Promise<number> {
  return thresholdOf(await suppressionRule(db), filters);
}

function thresholdOf(rule: SuppressionRule, filters: IndicatorFilter[]): number {
  const categories = filters.find(([, d]) => d === "category")?.[2];
  const subcategories = filters.find(([, d]) => d === "subcategory")?.[2];
  const filtered = categories ?? (subcategories ? subcategories.map((s) => s.split(".")[0] ?? s) : null);
  return thresholdFor({ dimensions: {}, metrics: {}, basis: {} }, rule, filtered);
}

/**
 * Many cases' controlled counts at once (lists, the review pack): the rule read once and every count in one
 * statement (`repo.countsWithKeys`), each exactly the count `controlledCount` gives for the case alone.
 */
export async function controlledCounts(
  db: Db,
  cases: repo.CaseRow[],
  publishable: boolean,
): Promise<Map<string, number | null>> {
  const rule = await suppressionRule(db);
  const counts = await repo.countsWithKeys(db, cases, publishable);
  return new Map(
    cases.map((c) => {
      const { n, key } = counts.get(c.id) ?? { n: 0, key: 0 };
      return [c.id, controlled(n, key, thresholdOf(rule, c.filters))];
    }),
  );
}

export async function controlledCount(db: Db, where: SQL, threshold: number): Promise<number | null> {
  const { n, key } = await repo.countWithKey(db, where);
  return controlled(n, key, threshold);
}

/** First day of the month `months` before `day`'s month. */
export function monthsBefore(day: string, months: number): string {
  const d = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
}

/** The months from `since` to `until` (inclusive), `YYYY-MM`. */
export function monthRange(since: string, until: string): string[] {
  const out: string[] = [];
  const d = new Date(`${since.slice(0, 7)}-01T00:00:00Z`);
  while (d.toISOString().slice(0, 7) <= until.slice(0, 7)) {
    out.push(d.toISOString().slice(0, 7));
    d.setUTCMonth(d.getUTCMonth() + 1);
  }
  return out;
}

/**
 * The selection's reports a month before the commitment (the six months before its month) and after it (its month
 * and since): each side one count with its own cell key, perturbed and suppressed as a whole, then divided by its
 * months — an average of hidden monthly cells would be hidden too, and summing shown ones would add their noises.
 */
export async function beforeAfter(db: Db, where: SQL, threshold: number, commitmentOn: string, today: string) {
  const pivot = `${commitmentOn.slice(0, 7)}-01`;
  const since = monthsBefore(pivot, TREND_MONTHS);
  const before = await repo.countWithKey(
    db,
    and(where, sql`${reports.createdAt} >= ${since}::date`, sql`${reports.createdAt} < ${pivot}::date`) as SQL,
  );
  const after = await repo.countWithKey(db, and(where, sql`${reports.createdAt} >= ${pivot}::date`) as SQL);
  const monthsAfter = monthRange(pivot, today).length;
  const perMonth = (count: number | null, months: number) =>
    count === null ? null : Math.round((count / Math.max(1, months)) * 10) / 10;
  return {
    before: perMonth(controlled(before.n, before.key, threshold), TREND_MONTHS),
    after: perMonth(controlled(after.n, after.key, threshold), monthsAfter),
  };
}

/** Months shown either side of the commitment (or before today, without one). */
export const TREND_MONTHS = 6;

/**
 * The selection's monthly trend around the commitment date: up to six months before it and every month since (each
 * month its own perturbed cell, empty months 0), so the review can see whether the commitment changed anything.
 */
export async function caseTrend(
  db: Db,
  where: SQL,
  threshold: number,
  commitmentOn: string | null,
  today: string,
): Promise<{ month: string; reports: number | null; side: "before" | "after" }[]> {
  const pivot = commitmentOn ?? today;
  const since = monthsBefore(pivot, TREND_MONTHS);
  const rows = await repo.monthlyWithKey(db, where, since);
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  return monthRange(since, today).map((month) => {
    const r = byMonth.get(month);
    const side = commitmentOn && month >= commitmentOn.slice(0, 7) ? "after" : "before";
    return { month, reports: r ? controlled(r.n, r.key, threshold) : 0, side };
  });
}
