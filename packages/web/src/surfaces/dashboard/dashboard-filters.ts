import type { DateBasis, IndicatorMetric } from "@openclm/contracts";
import {
  calendarPeriodOf,
  dateBases,
  indicatorMetrics,
  reportChannels,
  reporterModes,
} from "@openclm/contracts/constants";

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
  /** How the facility quality panel groups ratings (`?quality=`). */
  quality: QualityBy;
  /** The quick pick that set the period, so only it is lit when two picks give the same dates. */
  pick: QuickPick | PublicPick | "";
}

export type Grain = "month" | "quarter";
export const breakdownKeys = [
  "gender",
  "age_group",
  "key_population",
  "channel",
  "reporter_mode",
  "assisted_by",
  "assistant",
  "category",
] as const;
/** Counts per peer supporter are for programme supervision: the public view neither offers nor asks them. */
export const staffOnlyBreakdowns: readonly BreakdownKey[] = ["assistant"];
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
export const qualityGroupings = ["facility", "district", "region"] as const;
export type QualityBy = (typeof qualityGroupings)[number];
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
  quality: "facility",
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
    pick: oneOf(["", ...quickPicks, ...publicPicks], q.pick, ""),
    xrows: oneOf(crossKeys, q.xrows, defaults.xrows),
    xcols: oneOf(crossKeys, q.xcols, defaults.xcols),
    quality: oneOf(qualityGroupings, q.quality, defaults.quality),
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
  put("quality", f.quality, defaults.quality);
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
 * March "last 3 months" and "this year" too: the pick the person chose wins, else the first that fits.
 */
export function litPick(
  period: { from: string; to: string },
  chosen: QuickPick | PublicPick | "",
  today: Date,
): QuickPick | undefined {
  const fits = quickPicks.filter((p) => {
    const q = quickPeriod(p, today);
    return q.from === period.from && q.to === period.to;
  });
  return chosen && (fits as string[]).includes(chosen) ? (chosen as QuickPick) : fits[0];
}

/** The period the dashboard shows: the URL's, else the last 12 months. */
export function effectivePeriod(f: Pick<DashboardFilters, "from" | "to">, today: Date): { from: string; to: string } {
  const fallback = quickPeriod("last12", today);
  const from = f.from || (f.to && f.to < fallback.from ? `${f.to.slice(0, 7)}-01` : fallback.from);
  const to = f.to || (f.from && f.from > fallback.to ? f.from : fallback.to);
  return { from, to };
}

/**
 * The whole calendar months a period touches (the 1st of its first month to the last day of its last month): how a
 * staff period is compared with targets set for whole months.
 */
export function calendarPeriod(p: { from: string; to: string }): { from: string; to: string } {
  const to = new Date(`${p.to}T00:00:00Z`);
  return {
    from: `${p.from.slice(0, 7)}-01`,
    to: isoDay(new Date(Date.UTC(to.getUTCFullYear(), to.getUTCMonth() + 1, 0))),
  };
}

// ── Published periods (docs/disclosure-control.md): one calendar month, quarter or year, nothing else ──

export type PublicPick = "thisMonth" | "lastMonth" | "thisQuarter" | "lastQuarter" | "thisYear" | "lastYear";
export const publicPicks: readonly PublicPick[] = [
  "thisYear",
  "lastYear",
  "thisQuarter",
  "lastQuarter",
  "thisMonth",
  "lastMonth",
];
type Period = { from: string; to: string };

/** The calendar period a key names, as the server names periods: `2026` (year), `2026-Q4`, `2026-11`; else null. */
export function periodOfKey(key: string): Period | null {
  const m = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  const [first, months] = m[2] ? [(Number(m[2]) - 1) * 3, 3] : m[3] ? [Number(m[3]) - 1, 1] : [0, 12];
  return {
    from: isoDay(new Date(Date.UTC(year, first, 1))),
    to: isoDay(new Date(Date.UTC(year, first + months, 0))),
  };
}

/** The key of a calendar month, quarter or year (`2026-11`, `2026-Q4`, `2026`); null for any other period. */
export function keyOfPeriod(p: Period): string | null {
  const kind = calendarPeriodOf(p.from, p.to);
  if (!kind) return null;
  const start = new Date(`${p.from}T00:00:00Z`);
  return kind === "year" ? p.from.slice(0, 4) : periodKeyOf(start, kind);
}

/** A public quick pick's period: the running or the last calendar month, quarter or year (UTC). */
export function publicQuickPeriod(pick: PublicPick, today: Date): Period {
  const year = today.getUTCFullYear();
  const month = today.getUTCMonth();
  const quarter = month - (month % 3);
  const span = (firstMonth: number, months: number) => ({
    from: isoDay(new Date(Date.UTC(year, firstMonth, 1))),
    to: isoDay(new Date(Date.UTC(year, firstMonth + months, 0))),
  });
  switch (pick) {
    case "thisYear":
      return span(0, 12);
    case "lastYear":
      return span(-12, 12);
    case "thisQuarter":
      return span(quarter, 3);
    case "lastQuarter":
      return span(quarter - 3, 3);
    case "thisMonth":
      return span(month, 1);
    case "lastMonth":
      return span(month - 1, 1);
  }
}

/**
 * The period the public view shows: the URL's when it is one calendar month, quarter or year; any other dates (an
 * old link, a staff view's address) become the calendar year their end falls in; none: this year. Nothing else is
 * ever asked of the public API, which refuses it (PERIOD_NOT_CALENDAR).
 */
export function publicPeriod(f: Pick<DashboardFilters, "from" | "to">, today: Date): Period {
  if (f.from && f.to && calendarPeriodOf(f.from, f.to)) return { from: f.from, to: f.to };
  const end = f.to || f.from;
  return end ? (periodOfKey(end.slice(0, 4)) as Period) : publicQuickPeriod("thisYear", today);
}

/** The public pick to light: the chosen one when it gives this period, else the first that does. */
export function litPublicPick(period: Period, chosen: string, today: Date): PublicPick | undefined {
  const fits = publicPicks.filter((p) => {
    const q = publicQuickPeriod(p, today);
    return q.from === period.from && q.to === period.to;
  });
  return (fits as string[]).includes(chosen) ? (chosen as PublicPick) : fits[0];
}

/**
 * The periods the public period list offers, newest first, none after the running one: the running year and the two
 * before it, the quarters of those years, and the months of the running year and the last.
 */
export function publicPeriodChoices(today: Date): { years: string[]; quarters: string[]; months: string[] } {
  const year = today.getUTCFullYear();
  const running = isoDay(today);
  const started = (key: string) => (periodOfKey(key)?.from ?? "") <= running;
  const years = [year, year - 1, year - 2].map(String);
  const quarters = years.flatMap((y) => ["Q4", "Q3", "Q2", "Q1"].map((q) => `${y}-${q}`)).filter(started);
  const months = [year, year - 1]
    .flatMap((y) => Array.from({ length: 12 }, (_, i) => `${y}-${String(12 - i).padStart(2, "0")}`))
    .filter(started);
  return { years, quarters, months };
}

/** Whether a period is still running (today falls in it or before its end): its figures will still grow. */
export const isRunning = (p: Period, today: Date) => p.to >= isoDay(today);

/**
 * What a public trend shows: the 12 months (or 4 quarters) up to the end of the period, never past the running month,
 * and the calendar years to ask them from. Each year is asked with the month (or quarter) as a dimension, so every
 * month is its own cell, perturbed on its own: never a run of months whose difference would tell one month.
 */
export function publicTrendWindow(period: Period, grain: Grain, today: Date): { keys: string[]; years: Period[] } {
  const endMonth = monthStart(new Date(`${period.to < isoDay(today) ? period.to : isoDay(today)}T00:00:00Z`));
  const last = grain === "month" ? endMonth : monthStart(endMonth, -(endMonth.getUTCMonth() % 3));
  const first = monthStart(last, grain === "month" ? -11 : -9);
  const keys = periodKeys(isoDay(first), isoDay(last), grain);
  const years = [...new Set([first.getUTCFullYear(), last.getUTCFullYear()])].map(
    (y) => periodOfKey(String(y)) as Period,
  );
  return { keys, years };
}

/**
 * A staff view's period as the factsheet (a published document) takes it: a calendar month, quarter or year as it is,
 * else the calendar year the period ends in.
 */
export function publishablePeriod(p: Period): Period {
  const months = calendarPeriod(p);
  return calendarPeriodOf(months.from, months.to) ? months : (periodOfKey(p.to.slice(0, 4)) as Period);
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
