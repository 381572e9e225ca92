import type { DateBasis, IndicatorMetric } from "@openclm/contracts";
import { dateBases, indicatorMetrics, reportChannels, reporterModes } from "@openclm/contracts/constants";

/**
 * The dashboard's state. It all lives in the URL query (`?from=…&to=…&area=…&trend=…`), so a reload or a shared link
 * reproduces the view (Plausible's model). An empty `from`/`to` means the default period: the last 12 months.
 */
export interface DashboardFilters {
  from: string;
  to: string;
  areaId: string;
  category: string;
  subcategory: string;
  reporterMode: string;
  channel: string;
  grain: Grain;
  trend: IndicatorMetric;
  /** Which date places a report in the trend's periods: the day it was made, or the day it was validated. */
  basis: DateBasis;
  by: BreakdownKey;
  map: MapMetric;
  /** The cross-tab's rows and columns. */
  xrows: CrossKey;
  xcols: CrossKey;
  /** The quick pick that set the period, so only it is lit when two picks give the same dates. */
  pick: QuickPick | "";
}

export type Grain = "month" | "quarter";
export const breakdownKeys = ["gender", "age_group", "key_population", "channel", "reporter_mode", "category"] as const;
export type BreakdownKey = (typeof breakdownKeys)[number];
export const crossKeys = [
  "region",
  "district",
  "category",
  "quarter",
  "gender",
  "age_group",
  "key_population",
  "channel",
  "reporter_mode",
] as const;
export type CrossKey = (typeof crossKeys)[number];
export const mapMetrics = ["per_1000_affected", "reports_validated", "pct_resolved", "coverage_pct"] as const;
export type MapMetric = (typeof mapMetrics)[number];

export const defaults = {
  grain: "month",
  trend: "reports_validated",
  basis: "reported",
  by: "gender",
  map: "per_1000_affected",
  xrows: "district",
  xcols: "category",
} as const satisfies Partial<DashboardFilters>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const date = (s: string | undefined) => (s && ISO_DATE.test(s) && !Number.isNaN(Date.parse(s)) ? s : "");
const oneOf = <T extends string>(list: readonly T[], s: string | undefined, fallback: T): T =>
  (list as readonly string[]).includes(s ?? "") ? (s as T) : fallback;

export function filtersFromQuery(q: Record<string, string | undefined>): DashboardFilters {
  let from = date(q.from);
  let to = date(q.to);
  if (from && to && from > to) [from, to] = [to, from];
  return {
    from,
    to,
    areaId: q.area ?? "",
    category: q.category ?? "",
    subcategory: q.category ? (q.subcategory ?? "") : "",
    reporterMode: oneOf(["", ...reporterModes], q.mode, ""),
    channel: oneOf(["", ...reportChannels], q.channel, ""),
    grain: q.grain === "quarter" ? "quarter" : "month",
    trend: oneOf(indicatorMetrics, q.trend, defaults.trend),
    basis: oneOf(dateBases, q.basis, defaults.basis),
    by: oneOf(breakdownKeys, q.by, defaults.by),
    map: oneOf(mapMetrics, q.map, defaults.map),
    pick: oneOf(["", ...quickPicks], q.pick, ""),
    xrows: oneOf(crossKeys, q.xrows, defaults.xrows),
    xcols: oneOf(crossKeys, q.xcols, defaults.xcols),
  };
}

/** The URL query for a state; defaults are left out so plain links stay short. */
export function filtersToSearch(f: DashboardFilters): string {
  const p = new URLSearchParams();
  const put = (key: string, value: string, fallback = "") => value && value !== fallback && p.set(key, value);
  put("from", f.from);
  put("to", f.to);
  put("area", f.areaId);
  put("category", f.category);
  put("subcategory", f.subcategory);
  put("mode", f.reporterMode);
  put("channel", f.channel);
  put("grain", f.grain, defaults.grain);
  put("trend", f.trend, defaults.trend);
  put("basis", f.basis, defaults.basis);
  put("by", f.by, defaults.by);
  put("map", f.map, defaults.map);
  put("pick", f.pick);
  put("xrows", f.xrows, defaults.xrows);
  put("xcols", f.xcols, defaults.xcols);
  const s = p.toString();
  return s ? `?${s}` : "";
}

/**
 * Whether the figures are a part of all reports (one topic, channel or reporter mode): targets and the framework's
 * coverage levels are set for all reports together, so they are not compared with a part.
 */
export const isPartOfAll = (f: DashboardFilters) => Boolean(f.category || f.subcategory || f.channel || f.reporterMode);

// ── Periods (UTC dates, as the server counts them) ──

export const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const monthStart = (d: Date, offset = 0) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1));

export type QuickPick = "last3" | "last6" | "last12" | "thisYear" | "lastYear";
export const quickPicks: readonly QuickPick[] = ["last3", "last6", "last12", "thisYear", "lastYear"];

/** A quick pick's period: "last N months" are the N calendar months up to today (this month included). */
export function quickPeriod(pick: QuickPick, today: Date): { from: string; to: string } {
  const year = today.getUTCFullYear();
  switch (pick) {
    case "last3":
      return { from: isoDay(monthStart(today, -2)), to: isoDay(today) };
    case "last6":
      return { from: isoDay(monthStart(today, -5)), to: isoDay(today) };
    case "last12":
      return { from: isoDay(monthStart(today, -11)), to: isoDay(today) };
    case "thisYear":
      return { from: `${year}-01-01`, to: isoDay(today) };
    case "lastYear":
      return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
  }
}

/**
 * The one quick pick to light for a period. In December "last 12 months" and "this year" are the same dates, and in
 * March "last 3 months" and "this year" too: the pick the person chose wins, else the first that fits. `calendar`:
 * the view shows whole calendar months (public), so a pick counts as the months it touches.
 */
export function litPick(
  period: { from: string; to: string },
  chosen: QuickPick | "",
  today: Date,
  calendar = false,
): QuickPick | undefined {
  const fits = quickPicks.filter((p) => {
    const q = calendar ? calendarPeriod(quickPeriod(p, today)) : quickPeriod(p, today);
    return q.from === period.from && q.to === period.to;
  });
  return chosen && fits.includes(chosen) ? chosen : fits[0];
}

/** The period the dashboard shows: the URL's, else the last 12 months. */
export function effectivePeriod(f: Pick<DashboardFilters, "from" | "to">, today: Date): { from: string; to: string } {
  const fallback = quickPeriod("last12", today);
  const from = f.from || (f.to && f.to < fallback.from ? `${f.to.slice(0, 7)}-01` : fallback.from);
  const to = f.to || (f.from && f.from > fallback.to ? f.from : fallback.to);
  return { from, to };
}

/**
 * The whole calendar months a period touches (the 1st of its first month to the last day of its last month): what
 * published figures (the public view, the factsheet) are given for, so "the last 12 months" ends with this month.
 */
export function calendarPeriod(p: { from: string; to: string }): { from: string; to: string } {
  const to = new Date(`${p.to}T00:00:00Z`);
  return {
    from: `${p.from.slice(0, 7)}-01`,
    to: isoDay(new Date(Date.UTC(to.getUTCFullYear(), to.getUTCMonth() + 1, 0))),
  };
}

/** Period keys between two dates, as the server names them: `2026-03` (month) or `2026-Q1` (quarter). */
export function periodKeys(from: string, to: string, grain: Grain): string[] {
  const keys: string[] = [];
  const end = new Date(`${to}T00:00:00Z`);
  for (let d = monthStart(new Date(`${from}T00:00:00Z`)); d <= end; d = monthStart(d, 1)) {
    const key = periodKeyOf(d, grain);
    if (keys.at(-1) !== key) keys.push(key);
  }
  return keys;
}

export function periodKeyOf(d: Date, grain: Grain): string {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  return grain === "month" ? `${y}-${String(m + 1).padStart(2, "0")}` : `${y}-Q${Math.floor(m / 3) + 1}`;
}
