import type {
  BenchmarkSeries,
  CsvRowError,
  IndicatorMetric,
  importBenchmarkQuerySchema,
  putTargetBodySchema,
  Target,
  targetsQuerySchema,
} from "@openclm/contracts";
import type { z } from "zod";
import { audit } from "../audit/audit.service.js";
import { type Db, withTransaction } from "../db/database.js";
import { getArea } from "../geography/geography.repo.js";
import { actorScope, requireCountryScope } from "../identity/scope.js";
import { AppError, notFound } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import { areaInScope, seesWholeArea, visibleAreaIds } from "./area-scope.js";
import { limitErrors, parseBenchmarkCsv } from "./benchmark-csv.js";
import * as repo from "./dashboard-setup.repo.js";

type TargetsQuery = z.output<typeof targetsQuerySchema>;
type PutTargetInput = z.output<typeof putTargetBodySchema>;
type ImportBenchmarkInput = z.output<typeof importBenchmarkQuerySchema>;

const PERCENT_METRICS = new Set<IndicatorMetric>(["pct_resolved", "pct_confirmed", "pct_on_behalf", "coverage_pct"]);

function presentTarget(row: repo.TargetRow): Target {
  return {
    id: row.id,
    metric: row.metric as IndicatorMetric,
    periodType: row.periodType as Target["periodType"],
    periodStart: row.periodStart,
    areaId: row.areaId,
    value: row.value,
  };
}

/** `listTargets`: targets overlapping the period, for one area or every area the caller sees whole. */
export async function listTargets(ctx: Ctx, input: TargetsQuery): Promise<{ items: Target[] }> {
  if (input.areaId) await areaInScope(ctx, input.areaId);
  const country = (await actorScope(ctx)).type === "country";
  const rows = await repo.listTargets(ctx.db, {
    from: input.from,
    to: input.to,
    areas: input.areaId ? [input.areaId] : await visibleAreaIds(ctx),
    country: !input.areaId && country,
  });
  return { items: rows.map(presentTarget) };
}

/** The first day of a month, quarter or year: a target covers a whole period, never a slice of one. */
export function startsPeriod(periodType: Target["periodType"], date: string): boolean {
  const [, month, day] = date.split("-").map(Number);
  if (day !== 1) return false;
  if (periodType === "year") return month === 1;
  if (periodType === "quarter") return month !== undefined && (month - 1) % 3 === 0;
  return true;
}

function checkTarget(input: PutTargetInput): void {
  const problems: { path: string; message: string }[] = [];
  if (!startsPeriod(input.periodType, input.periodStart)) {
    problems.push({ path: "periodStart", message: `the first day of a ${input.periodType}` });
  }
  if (PERCENT_METRICS.has(input.metric) && input.value > 100) {
    problems.push({ path: "value", message: "a percentage of at most 100" });
  }
  if (problems.length) throw new AppError("VALIDATION_FAILED", "The target is not valid", problems);
}

/** The stored area of a target: null for the whole country (its root area counts as that too). */
async function targetArea(db: Db, areaId: string | null): Promise<string | null> {
  if (areaId === null) return null;
  const area = await getArea(db, areaId);
  if (!area) throw new AppError("UNKNOWN_AREA", "No such area", [{ path: "areaId", message: "unknown area" }]);
  return area.level === 0 ? null : area.id;
}

/**
 * Writes follow the scope: a country-wide target needs a country-wide scope (403); an area's target, that the caller
 * sees the whole area (404 otherwise, as for anything out of scope).
 */
async function mayWriteTargetOf(ctx: Ctx, areaId: string | null): Promise<void> {
  if (areaId === null) await requireCountryScope(ctx);
  else await areaInScope(ctx, areaId);
}

/** `putTarget`: sets the target of a metric, period and area (replacing its value if one was set). */
export async function putTarget(ctx: Ctx, input: PutTargetInput): Promise<Target> {
  checkTarget(input);
  const areaId = await targetArea(ctx.db, input.areaId);
  await mayWriteTargetOf(ctx, areaId);
  return withTransaction(ctx, async (tx) => {
    const { row, previous } = await repo.upsertTarget(tx, { ...input, areaId });
    await audit(ctx, tx, {
      action: "target.set",
      entity: "indicator_target",
      entityId: row.id,
      details: { ...presentTarget(row), previous },
    });
    return presentTarget(row);
  });
}

export async function deleteTarget(ctx: Ctx, id: string): Promise<{ ok: true }> {
  const target = await repo.findTarget(ctx.db, id);
  // Another region's target, or a country-wide one for a region's administrator, is not theirs to see (listTargets).
  const visible =
    target &&
    (target.areaId === null
      ? (await actorScope(ctx)).type === "country"
      : await seesWholeArea(ctx, { id: target.areaId }));
  if (!visible) throw notFound("target");
  return withTransaction(ctx, async (tx) => {
    const row = await repo.deleteTarget(tx, id);
    if (!row) throw notFound("target");
    await audit(ctx, tx, {
      action: "target.delete",
      entity: "indicator_target",
      entityId: id,
      details: presentTarget(row),
    });
    return { ok: true as const };
  });
}

/** `listBenchmarks`: every imported series with its points (published figures, not personal data). */
export async function listBenchmarks(ctx: Ctx): Promise<{ series: BenchmarkSeries[] }> {
  const series = await repo.listSeries(ctx.db);
  const points = await repo.pointsOf(
    ctx.db,
    series.map((s) => s.id),
  );
  return { series: series.map((s) => presentSeries(s, points)) };
}

function presentSeries(s: repo.BenchmarkSeriesRow, points: repo.BenchmarkPointRow[]): BenchmarkSeries {
  return {
    id: s.id,
    name: s.name,
    metric: s.metric as IndicatorMetric,
    points: points.filter((p) => p.seriesId === s.id).map(({ period, areaId, value }) => ({ period, areaId, value })),
  };
}

/**
 * `importBenchmark`: a CSV of `period,area_code,value` becomes a series (replacing one of the same name). A file
 * with any bad row is refused whole, with every bad row listed, and nothing is stored.
 */
export async function importBenchmark(ctx: Ctx, input: ImportBenchmarkInput, csv: string): Promise<BenchmarkSeries> {
  const parsed = parseBenchmarkCsv(csv);
  const codes = [...new Set(parsed.rows.map((r) => r.areaCode).filter(Boolean))];
  const known = new Map((await repo.areasByCode(ctx.db, codes)).map((a) => [a.code, a]));
  const errors: CsvRowError[] = [...parsed.errors];
  for (const r of parsed.rows) {
    if (r.areaCode && !known.has(r.areaCode)) {
      errors.push({
        row: r.row,
        problem: "area_code",
        column: "area_code",
        message: `no area has the code "${r.areaCode}"`,
      });
    }
  }
  if (errors.length) {
    errors.sort((a, b) => a.row - b.row);
    throw new AppError("VALIDATION_FAILED", "The file has rows that cannot be imported", limitErrors(errors));
  }
  const points = parsed.rows.map((r) => {
    const area = r.areaCode ? known.get(r.areaCode) : undefined;
    return { period: r.period, areaId: area && area.level > 0 ? area.id : null, value: r.value };
  });
  await mayWriteSeries(ctx, points, await repo.seriesByName(ctx.db, input.name));
  return withTransaction(ctx, async (tx) => {
    const { row, replaced } = await repo.upsertSeries(tx, input.name, input.metric);
    await repo.replacePoints(tx, row.id, points);
    await audit(ctx, tx, {
      action: replaced ? "benchmark.replace" : "benchmark.import",
      entity: "benchmark_series",
      entityId: row.id,
      details: { name: input.name, metric: input.metric, points: points.length },
    });
    return presentSeries(row, await repo.pointsOf(tx, [row.id]));
  });
}

/**
 * Every administrator reads every series (listBenchmarks), but writes only figures inside their scope: a series with
 * figures for the whole country or for places outside it needs a wider scope (403). Replacing a series (same name)
 * needs the right to write what it holds now as well as what the file brings.
 */
async function mayWriteSeries(
  ctx: Ctx,
  points: { areaId: string | null }[],
  existing: repo.BenchmarkSeriesRow | undefined,
): Promise<void> {
  if ((await actorScope(ctx)).type === "country") return;
  const now = existing ? await repo.pointsOf(ctx.db, [existing.id]) : [];
  const places = new Set([...points, ...now].map((p) => p.areaId));
  const held = async (areaId: string | null) => areaId !== null && (await seesWholeArea(ctx, { id: areaId }));
  for (const areaId of places) {
    if (!(await held(areaId))) {
      throw new AppError(
        "COUNTRY_SCOPE_REQUIRED",
        "These figures reach beyond your scope: they need a country-wide scope",
      );
    }
  }
}

export async function deleteBenchmark(ctx: Ctx, id: string): Promise<{ ok: true }> {
  const series = await repo.seriesById(ctx.db, id);
  if (!series) throw notFound("benchmark series");
  await mayWriteSeries(ctx, [], series);
  return withTransaction(ctx, async (tx) => {
    const row = await repo.deleteSeries(tx, id);
    if (!row) throw notFound("benchmark series");
    await audit(ctx, tx, {
      action: "benchmark.delete",
      entity: "benchmark_series",
      entityId: id,
      details: { name: row.name, metric: row.metric },
    });
    return { ok: true as const };
  });
}
