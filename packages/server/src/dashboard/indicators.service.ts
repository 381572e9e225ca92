import {
  breakdownDimensions,
  type countMetrics,
  DEFAULT_SUPPRESSION,
  type IndicatorDimension,
  type IndicatorMetric,
  type IndicatorResult,
  type indicatorQuerySchema,
  medianMetrics,
  timeDimensions,
  validatedBasisMetrics,
} from "@openclm/contracts";
import { sql } from "drizzle-orm";
import type { z } from "zod";
import { type Db, queryRows } from "../db/database.js";
import { actorScope } from "../identity/scope.js";
import { AppError } from "../platform/app-error.js";
import { type Ctx, readStale } from "../platform/context.js";
import { getSetting } from "../platform/platform.repo.js";
import { catchUp, syncedAt } from "./aggregator.js";
import type { DurationKind } from "./contributions.sql.js";
import { checkPublishable, perturbCounters, smallMetrics } from "./disclosure.js";
import { type CounterRow, type CubeQuery, sumCells, sumDurations } from "./indicators.repo.js";
import { labelsFor } from "./labels.js";
import { planPeriod } from "./period.js";
import { districtPopulations, populationOf } from "./populations.js";
import { metricBasis, type SuppressibleRow, type SuppressionRule, thresholdFor } from "./suppression.js";
import { keepTop } from "./top.js";

export type IndicatorInput = z.output<typeof indicatorQuerySchema>;

const MEDIAN_DIMENSIONS = new Set<IndicatorDimension>([
  ...timeDimensions,
  "region",
  "district",
  "category",
  "reporter_mode",
]);
const kindOf: Record<(typeof medianMetrics)[number], DurationKind> = {
  median_hours_to_first_response: "first_response",
  median_hours_to_validation: "validation",
  median_hours_to_resolution: "resolution",
};

/** Checks what the cube can answer; a clear 400 instead of a silently wrong number. */
function planQuery(input: IndicatorInput): Omit<CubeQuery, "scope" | "period" | "counters" | "population"> {
  const filterDims = input.filters.map(([, d]) => d);
  const breakdowns = [...new Set([...input.dimensions, ...filterDims])].filter((d) =>
    (breakdownDimensions as readonly string[]).includes(d),
  );
  if (breakdowns.length > 1) {
    throw new AppError("VALIDATION_FAILED", `Only one of ${breakdownDimensions.join(", ")} per query`, {
      dimensions: breakdowns,
    });
  }
  if (new Set(input.dimensions).size !== input.dimensions.length) {
    throw new AppError("VALIDATION_FAILED", "A dimension is listed twice");
  }
  const timeFilter = filterDims.find((d) => (timeDimensions as readonly string[]).includes(d));
  if (timeFilter) throw new AppError("VALIDATION_FAILED", `Filter by time with from/to, not ${timeFilter}`);
  const wantsMedian = input.metrics.some((m) => (medianMetrics as readonly string[]).includes(m));
  const outside = [...input.dimensions, ...filterDims].filter((d) => !MEDIAN_DIMENSIONS.has(d));
  if (wantsMedian && outside.length) {
    throw new AppError("VALIDATION_FAILED", `Medians are kept by ${[...MEDIAN_DIMENSIONS].join(", ")} only`, {
      dimensions: outside,
    });
  }
  const basis = input.dateBasis ?? "reported";
  const notByValidation = input.metrics.filter((m) => !(validatedBasisMetrics as readonly string[]).includes(m));
  if (basis === "validated" && notByValidation.length) {
    throw new AppError("VALIDATION_FAILED", `By month of validation: only ${validatedBasisMetrics.join(", ")}`, {
      metrics: notByValidation,
    });
  }
  const usesFacility = input.dimensions.includes("facility") || filterDims.includes("facility");
  return {
    dimensions: input.dimensions,
    filters: input.filters.map(([, d, values]) => [d, values]),
    dim: breakdowns[0] ?? "all",
    basis,
    grain: usesFacility ? 1 : 0,
  };
}

/**
 * The inbox's read rule: districts under the scope's areas, or its facilities. A facility's district is never counted
 * whole (indicators.repo.ts), and a scope with facilities gets no medians: those are kept per district.
 */
async function scopeOf(ctx: Ctx): Promise<CubeQuery["scope"]> {
  const scope = await actorScope(ctx);
  return scope.type === "country" ? null : scope;
}

/**
 * `queryIndicators`: exact indicators within the caller's scope, from the aggregates — every report (`population`
 * `all`, with how many are withheld from publication) or exactly those that may be published (`publishable`).
 */
export async function queryIndicators(ctx: Ctx, input: IndicatorInput): Promise<IndicatorResult> {
  const scope = await scopeOf(ctx);
  const top = input.top && { n: input.top.n, by: counterOf(input.top.by) };
  const population = input.population ?? "all";
  const { rows, asOf } = await compute(ctx, input, scope, top, { population, withheld: population === "all" });
  const shown = rows.map((r) => ({
    dimensions: r.dimensions,
    ...metricsOf(input.metrics, r.counters, r.median, r.population),
  }));
  return {
    rows: shown.map(({ dimensions, metrics }) => ({ dimensions, metrics })),
    labels: await labels(ctx, input, shown),
    asOf,
    ...(population === "all" ? { withheld: await withheldOf(ctx, input, scope, rows) } : {}),
  };
}

/** Dimensions under which one report may sit in several rows (it can name several). */
const MULTI_VALUED: ReadonlySet<string> = new Set(["key_population", "challenge_type"]);

/**
 * How many of the counted reports are withheld from publication. The rows' sum is that number unless a report may
 * sit in several rows (a multi-valued breakdown) or in none shown (a top n): then one count over the same filters
 * and no breakdown answers it.
 */
async function withheldOf(ctx: Ctx, input: IndicatorInput, scope: CubeQuery["scope"], rows: ComputedRow[]) {
  const rowsAreDisjoint = !input.top && !input.dimensions.some((d) => MULTI_VALUED.has(d));
  if (rowsAreDisjoint) return rows.reduce((n, r) => n + r.counters.withheld, 0);
  // By month of validation every counted report is validated, and only validated counts are answered.
  const metric = input.dateBasis === "validated" ? "reports_validated" : "reports_total";
  const whole = { ...input, metrics: [metric], dimensions: [], top: undefined } as IndicatorInput;
  const { rows: total } = await compute(ctx, whole, scope, undefined, { population: "all", withheld: true });
  return total.reduce((n, r) => n + r.counters.withheld, 0);
}

/**
 * `getPublicIndicators`: the whole country, through disclosure control before anything leaves: only reports shared
 * de-identified, calendar periods and one value per filter, every count perturbed by its cell key (disclosure.ts),
 * then cells below the threshold hidden.
 */
export async function getPublicIndicators(ctx: Ctx, input: IndicatorInput): Promise<IndicatorResult> {
  return publishIndicators(ctx, input, null);
}

/**
 * `exportIndicators`: a CSV leaves the programme, so it carries what the public view would (disclosure control),
 * limited to the caller's scope.
 */
export async function exportableIndicators(ctx: Ctx, input: IndicatorInput): Promise<IndicatorResult> {
  return publishIndicators(ctx, input, await scopeOf(ctx));
}

async function publishIndicators(ctx: Ctx, input: IndicatorInput, scope: CubeQuery["scope"]): Promise<IndicatorResult> {
  checkPublishable(input);
  const rule = await suppressionRule(ctx.db);
  // Top rows are chosen after disclosure control, by the published values: ranking by a hidden count would reveal it.
  const { rows, asOf } = await compute(ctx, input, scope, undefined, { population: "publishable", keys: true });
  const categoryFilter = input.filters.find(([, d]) => d === "category")?.[2] ?? null;
  const subcategoryFilter = input.filters.find(([, d]) => d === "subcategory")?.[2];
  const filtered = categoryFilter ?? (subcategoryFilter ? subcategoryFilter.map((s) => s.split(".")[0] ?? s) : null);
  const published = rows.map((r) => {
    const row = {
      dimensions: r.dimensions,
      ...metricsOf(input.metrics, perturbCounters(r.counters), r.median, r.population),
    };
    const hidden = smallMetrics(row.basis, input.metrics, thresholdFor(row, rule, filtered));
    if (!hidden.length) return row;
    return {
      ...row,
      metrics: { ...row.metrics, ...Object.fromEntries(hidden.map((m) => [m, null])) },
      suppressed: true,
    };
  });
  const safe = input.top ? keepTop(published, input.dimensions, input.top) : published;
  return {
    rows: safe.map(({ dimensions, metrics, ...r }) =>
      "suppressed" in r ? { dimensions, metrics, suppressed: true } : { dimensions, metrics },
    ),
    labels: await labels(ctx, input, safe),
    asOf,
    suppression: rule,
    perturbed: true,
  };
}

/** The cube counters behind the metrics (what suppression would look at too), the total and the ranking count. */
function countersFor(metrics: IndicatorMetric[], top: CubeQuery["top"]): Set<string> {
  return new Set(["total", ...metrics.flatMap((m) => metricBasis[m]), ...(top ? [top.by] : [])]);
}

/** `reports_validated` → the cube counter `validated`. */
const counterOf = (metric: (typeof countMetrics)[number]) =>
  metric.replace(/^reports_/, "") as NonNullable<CubeQuery["top"]>["by"];

/** The suppression rule of public answers (setting `dashboard.suppression`, edited through `updateSettings`). */
export async function suppressionRule(db: Db): Promise<SuppressionRule> {
  const stored = await getSetting<Partial<SuppressionRule>>(db, "dashboard.suppression");
  return {
    threshold: stored?.threshold ?? DEFAULT_SUPPRESSION.threshold,
    categoryThresholds: { ...DEFAULT_SUPPRESSION.categoryThresholds, ...(stored?.categoryThresholds ?? {}) },
  };
}

interface ComputedRow {
  dimensions: Record<string, string>;
  counters: CounterRow;
  median: MedianValues;
  population: number | null;
}

async function compute(
  ctx: Ctx,
  input: IndicatorInput,
  scope: CubeQuery["scope"],
  top: CubeQuery["top"],
  options: Pick<CubeQuery, "population" | "keys" | "withheld">,
): Promise<{ rows: ComputedRow[]; asOf: string }> {
  const planned = planQuery(input);
  const query: CubeQuery = {
    ...planned,
    ...options,
    scope,
    period: planPeriod(input.from, input.to, new Date()),
    top,
    counters: countersFor(input.metrics, top),
  };
  await catchUpIfNeeded(ctx);
  // The aggregates may be read from a replica a few seconds behind (db/read-replica.ts); `asOf` then says so.
  const { counters, medians, populations, syncedAsOf } = await readStale(ctx, async (db) => ({
    counters: await sumCells(db, query),
    medians: await mediansFor(db, input, query),
    populations: needsPopulation(input.metrics) ? await districtPopulations(db) : null,
    syncedAsOf: await syncedAt(db),
  }));
  const rows = counters.map((c) => {
    const dimensions = Object.fromEntries(input.dimensions.map((d, i) => [d, c[`d${i}`] as string]));
    const key = input.dimensions.map((_, i) => c[`d${i}`]).join("\u0000");
    const median = medians.get(key) ?? {};
    const population = populations ? populationOf(populations, dimensions, input.filters, scope) : null;
    return { dimensions, counters: c, median, population };
  });
  return { rows, asOf: syncedAsOf ?? new Date().toISOString() };
}

async function catchUpIfNeeded(ctx: Ctx): Promise<void> {
  const [pending] = await queryRows<{ any: boolean }>(
    ctx.db,
    sql`SELECT EXISTS (SELECT 1 FROM indicator_dirty) AS any`,
  );
  if (pending?.any) await catchUp(ctx.services.database.db);
}

const needsPopulation = (metrics: IndicatorMetric[]) =>
  metrics.includes("per_1000_affected") || metrics.includes("coverage_pct");

type MedianValues = Partial<Record<DurationKind, { median: number; n: number }>>;

async function mediansFor(db: Db, input: IndicatorInput, query: CubeQuery): Promise<Map<string, MedianValues>> {
  const kinds = input.metrics.flatMap((m) => (m in kindOf ? [kindOf[m as keyof typeof kindOf]] : []));
  // Durations are kept per district: a reader scoped to facilities gets no medians rather than their districts'.
  if (!kinds.length || query.scope?.facilityIds.length) return new Map();
  const histogram = await sumDurations(db, query, kinds);
  const grouped = new Map<string, Map<DurationKind, [number, number][]>>();
  for (const row of histogram) {
    const key = row.key.join("\u0000");
    const byKind = grouped.get(key) ?? new Map<DurationKind, [number, number][]>();
    byKind.set(row.kind, [...(byKind.get(row.kind) ?? []), [row.hours, row.n]]);
    grouped.set(key, byKind);
  }
  const out = new Map<string, MedianValues>();
  for (const [key, byKind] of grouped) {
    const values: MedianValues = {};
    for (const [kind, buckets] of byKind) values[kind] = medianOfHistogram(buckets);
    out.set(key, values);
  }
  return out;
}

/** The median of a histogram [value, count][]: the middle value, or the mean of the two middle values. */
export function medianOfHistogram(buckets: [number, number][]): { median: number; n: number } {
  const sorted = [...buckets].sort((a, b) => a[0] - b[0]);
  const n = sorted.reduce((s, [, c]) => s + c, 0);
  const at = (rank: number) => {
    let seen = 0;
    for (const [value, count] of sorted) {
      seen += count;
      if (seen > rank) return value;
    }
    return sorted.at(-1)?.[0] ?? 0;
  };
  const median = n % 2 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
  return { median, n };
}

/** Perturbed parts may exceed their perturbed whole: a share never reads above 100 %. */
const pct = (part: number, whole: number) => (whole > 0 ? Math.min(100, round((part / whole) * 100)) : null);
const round = (v: number) => Math.round(v * 10) / 10;

function metricsOf(
  metrics: IndicatorMetric[],
  c: CounterRow,
  median: MedianValues,
  population: number | null,
): Pick<SuppressibleRow, "metrics" | "basis"> {
  const value: Record<IndicatorMetric, number | null> = {
    reports_total: c.total,
    reports_pending: c.pending,
    reports_validated: c.validated,
    reports_declined: c.declined,
    reports_resolved: c.resolved,
    reports_escalated: c.escalated,
    reports_confirmed: c.confirmed,
    reports_on_behalf: c.on_behalf,
    pct_resolved: pct(c.resolved, c.validated),
    pct_confirmed: pct(c.confirmed, c.resolved),
    pct_on_behalf: pct(c.on_behalf, c.total),
    per_1000_affected: population ? round((c.validated / population) * 1000) : null,
    coverage_pct: population ? pct(c.validated, population) : null,
    median_hours_to_first_response: median.first_response?.median ?? null,
    median_hours_to_validation: median.validation?.median ?? null,
    median_hours_to_resolution: median.resolution?.median ?? null,
  };
  return {
    metrics: Object.fromEntries(metrics.map((m) => [m, value[m]])),
    basis: {
      total: c.total,
      pending: c.pending,
      validated: c.validated,
      declined: c.declined,
      resolved: c.resolved,
      escalated: c.escalated,
      confirmed: c.confirmed,
      on_behalf: c.on_behalf,
      n_first_response: median.first_response?.n ?? 0,
      n_validation: median.validation?.n ?? 0,
      n_resolution: median.resolution?.n ?? 0,
    },
  };
}

async function labels(ctx: Ctx, input: IndicatorInput, rows: SuppressibleRow[]) {
  return labelsFor(ctx.db, input.dimensions, rows, input.lang ?? ctx.language);
}
