import {
  countMetrics,
  type FactsheetQuery,
  type IndicatorFilter,
  type IndicatorMetric,
  type IndicatorResult,
} from "@openclm/contracts";
import { eq } from "drizzle-orm";
import { getPublicIndicators, type IndicatorInput } from "../dashboard/indicators.service.js";
import { areaInScope } from "../dashboard-setup/area-scope.js";
import * as targetsRepo from "../dashboard-setup/dashboard-setup.repo.js";
import type { AreaRow } from "../geography/geography.repo.js";
import { areas } from "../geography/geography.schema.js";
import { actorScope } from "../identity/scope.js";
import { notFound } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import { pickText } from "../platform/i18n-text.js";
import { lowestRatedFacilities } from "../ratings/facility-quality.js";
import { type FactsheetLanguage, type FactsheetStrings, factsheetStrings, formatLocale } from "./factsheet.strings.js";

export interface Bar {
  label: string;
  value: number | null;
}

/** Everything the PDF shows, already in the chosen language; no personal data reaches it. */
export interface FactsheetModel {
  lang: FactsheetLanguage;
  /** The document's words, in the requested language (Set-up's translations, then along its fallback chain). */
  strings: FactsheetStrings;
  areaName: string;
  areaCode: string;
  from: string;
  to: string;
  generatedAt: Date;
  asOf: string;
  headline: Partial<Record<IndicatorMetric, number | null>>;
  /** `running`: the month is not over yet (its counts are still growing). */
  trend: {
    month: string;
    total: number | null;
    validated: number | null;
    resolved: number | null;
    running: boolean;
  }[];
  categories: Bar[];
  challenges: Bar[];
  declineReasons: Bar[];
  districts: {
    name: string;
    total: number | null;
    validated: number | null;
    pctResolved: number | null;
    per1000: number | null;
  }[];
  targets: { metric: IndicatorMetric; periodLabel: string; target: number; actual: number | null }[];
  suppression: { threshold: number; sensitive: number };
  /** The lowest-rated facilities with at least `minimum` community ratings in the period (none below it). */
  lowestRated: { minimum: number; items: { name: string; average: number; count: number }[] };
}

const HEADLINE: IndicatorMetric[] = [
  "reports_total",
  "reports_validated",
  "reports_declined",
  "pct_resolved",
  "median_hours_to_first_response",
  "median_hours_to_validation",
  "median_hours_to_resolution",
  "pct_on_behalf",
  "pct_confirmed",
];
const TOP_CHALLENGES = 8;
const LOWEST_RATED = 5;
const MAX_TARGETS = 24;

/**
 * The area a factsheet is about. Absent: the whole country for a country-wide reader, or a reader's one area.
 * An area the reader does not see whole answers 404, like any out-of-scope resource.
 */
async function factsheetArea(ctx: Ctx, areaId: string | undefined): Promise<AreaRow> {
  if (areaId) return areaInScope(ctx, areaId);
  const scope = await actorScope(ctx);
  if (scope.type === "country") {
    const [country] = await ctx.db.select().from(areas).where(eq(areas.level, 0));
    if (country) return country;
  }
  if (scope.type === "areas" && scope.areaIds.length === 1) return areaInScope(ctx, scope.areaIds[0]!);
  throw notFound("area");
}

function areaFilter(area: AreaRow): IndicatorFilter[] {
  if (area.level === 0) return [];
  return [["is", area.isLeaf ? "district" : "region", [area.id]]];
}

/**
 * `getFactsheetData`: the figures for one area and period. They come from the public indicator function after the
 * scope check, so the document carries small-cell suppression: a factsheet is made to be handed out.
 */
export async function getFactsheetData(ctx: Ctx, query: FactsheetQuery, now = new Date()): Promise<FactsheetModel> {
  const lang = await formatLocale(ctx.db, query.lang ?? ctx.language);
  const labelLang = query.lang ?? lang;
  const area = await factsheetArea(ctx, query.areaId);
  const filters = areaFilter(area);
  const ask = (
    metrics: IndicatorMetric[],
    dimensions: IndicatorInput["dimensions"] = [],
    from = query.from,
    to = query.to,
  ) => getPublicIndicators(ctx, { metrics, dimensions, filters, from, to, lang: labelLang });

  const headline = await ask(HEADLINE);
  const trend = await ask(["reports_total", "reports_validated", "reports_resolved"], ["month"]);
  const categories = await ask(["reports_validated"], ["category"]);
  const challenges = await ask(["reports_validated"], ["challenge_type"]);
  const declined = await ask(["reports_declined"], ["decline_reason"]);
  const districts = await ask(
    ["reports_total", "reports_validated", "pct_resolved", "per_1000_affected"],
    ["district"],
  );
  const strings = await factsheetStrings(ctx.db, labelLang);
  const rule = headline.suppression ?? { threshold: 5, categoryThresholds: {} };

  return {
    lang,
    strings,
    areaName:
      area.level === 0 ? pickText(area.names, labelLang) || strings.wholeCountry : pickText(area.names, labelLang),
    areaCode: area.code,
    from: query.from,
    to: query.to,
    generatedAt: now,
    asOf: headline.asOf,
    headline: headline.rows[0]?.metrics ?? Object.fromEntries(HEADLINE.map((m) => [m, zeroOrNull(m)])),
    trend: monthsBetween(query.from, query.to).map((month) => {
      const row = trend.rows.find((r) => r.dimensions.month === month);
      return {
        month,
        running: month >= now.toISOString().slice(0, 7),
        total: row ? (row.metrics.reports_total ?? null) : 0,
        validated: row ? (row.metrics.reports_validated ?? null) : 0,
        resolved: row ? (row.metrics.reports_resolved ?? null) : 0,
      };
    }),
    categories: bars(categories, "category", "reports_validated"),
    challenges: bars(challenges, "challenge_type", "reports_validated").slice(0, TOP_CHALLENGES),
    declineReasons: bars(declined, "decline_reason", "reports_declined", (code) =>
      code in strings.declineReasons ? strings.declineReasons[code as keyof typeof strings.declineReasons] : code,
    ),
    districts: districts.rows
      .map((r) => ({
        name: districts.labels.district?.[r.dimensions.district ?? ""] ?? r.dimensions.district ?? "",
        total: r.metrics.reports_total ?? null,
        validated: r.metrics.reports_validated ?? null,
        pctResolved: r.metrics.pct_resolved ?? null,
        per1000: r.metrics.per_1000_affected ?? null,
      }))
      .sort((a, b) => a.name.localeCompare(b.name, labelLang)),
    targets: await targetsWithActuals(ctx, area, query, lang, strings, (metrics, from, to) =>
      ask(metrics, [], from, to),
    ),
    suppression: {
      threshold: rule.threshold,
      sensitive: Math.max(rule.threshold, ...Object.values(rule.categoryThresholds)),
    },
    lowestRated: await lowestRatedFacilities(ctx, {
      from: new Date(`${query.from}T00:00:00Z`),
      to: new Date(new Date(`${query.to}T00:00:00Z`).getTime() + 24 * 60 * 60 * 1000),
      limit: LOWEST_RATED,
      areaId: area.level === 0 ? undefined : area.id,
      lang: labelLang,
    }),
  };
}

const zeroOrNull = (m: IndicatorMetric) => ((countMetrics as readonly string[]).includes(m) ? 0 : null);

/** Bars sorted largest first; hidden (suppressed) values sort last and are drawn as "–". */
function bars(
  result: IndicatorResult,
  dimension: string,
  metric: IndicatorMetric,
  name?: (code: string) => string,
): Bar[] {
  return result.rows
    .map((r) => {
      const code = r.dimensions[dimension] ?? "";
      return { label: result.labels[dimension]?.[code] ?? name?.(code) ?? code, value: r.metrics[metric] ?? null };
    })
    .sort((a, b) => (b.value ?? -1) - (a.value ?? -1));
}

/** `2026-01` … for every month the period touches. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split("-").map(Number) as [number, number];
  const [ty, tm] = to.split("-").map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

/** The last day of a target's period. */
export function periodLastDay(periodType: string, periodStart: string): string {
  const start = new Date(`${periodStart}T00:00:00Z`);
  const months = periodType === "year" ? 12 : periodType === "quarter" ? 3 : 1;
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, 0)).toISOString().slice(0, 10);
}

function periodLabel(
  lang: FactsheetLanguage,
  strings: FactsheetStrings,
  periodType: string,
  periodStart: string,
): string {
  const d = new Date(`${periodStart}T00:00:00Z`);
  if (periodType === "year") return new Intl.DateTimeFormat(lang, { year: "numeric", timeZone: "UTC" }).format(d);
  if (periodType === "quarter") {
    return strings.quarter(Math.floor(d.getUTCMonth() / 3) + 1, d.getUTCFullYear());
  }
  return new Intl.DateTimeFormat(lang, { month: "long", year: "numeric", timeZone: "UTC" }).format(d);
}

/** Targets of this area whose whole period lies in the factsheet's, each with the actual of that period. */
async function targetsWithActuals(
  ctx: Ctx,
  area: AreaRow,
  query: FactsheetQuery,
  lang: FactsheetLanguage,
  strings: FactsheetStrings,
  ask: (metrics: IndicatorMetric[], from: string, to: string) => Promise<IndicatorResult>,
): Promise<FactsheetModel["targets"]> {
  const rows = await targetsRepo.listTargets(ctx.db, {
    from: query.from,
    to: query.to,
    areas: area.level === 0 ? [] : [area.id],
    country: area.level === 0,
  });
  const inside = rows
    .filter((t) => t.periodStart >= query.from && periodLastDay(t.periodType, t.periodStart) <= query.to)
    .slice(0, MAX_TARGETS);
  const byPeriod = new Map<string, typeof inside>();
  for (const t of inside) {
    const key = `${t.periodType}|${t.periodStart}`;
    byPeriod.set(key, [...(byPeriod.get(key) ?? []), t]);
  }
  const out: FactsheetModel["targets"] = [];
  for (const targets of byPeriod.values()) {
    const first = targets[0]!;
    const metrics = [...new Set(targets.map((t) => t.metric as IndicatorMetric))];
    const result = await ask(metrics, first.periodStart, periodLastDay(first.periodType, first.periodStart));
    for (const t of targets) {
      const metric = t.metric as IndicatorMetric;
      const row = result.rows[0];
      out.push({
        metric,
        periodLabel: periodLabel(lang, strings, t.periodType, t.periodStart),
        target: t.value,
        actual: row ? (row.metrics[metric] ?? null) : zeroOrNull(metric),
      });
    }
  }
  return out;
}
