import { and, asc, eq, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../db/database.js";
import { areas } from "../geography/geography.schema.js";
import { benchmarkPoints, benchmarkSeries, indicatorTargets } from "./dashboard-setup.schema.js";

export type TargetRow = typeof indicatorTargets.$inferSelect;
export type BenchmarkSeriesRow = typeof benchmarkSeries.$inferSelect;
export type BenchmarkPointRow = typeof benchmarkPoints.$inferSelect;

/** The first day after a target's period, in SQL. */
const periodEnd = sql`(${indicatorTargets.periodStart} + CASE ${indicatorTargets.periodType}
  WHEN 'month' THEN interval '1 month' WHEN 'quarter' THEN interval '3 months' ELSE interval '1 year' END)::date`;

/**
 * Targets whose period overlaps [from, to]. `areas`: "all", or the area ids to keep; `country` keeps the
 * country-wide ones (area null) too.
 */
export async function listTargets(
  db: Db,
  filter: { from: string; to: string; areas: "all" | string[]; country: boolean },
): Promise<TargetRow[]> {
  const places: SQL[] = [];
  if (filter.areas === "all") places.push(sql`true`);
  else {
    if (filter.areas.length) places.push(inArray(indicatorTargets.areaId, filter.areas));
    if (filter.country) places.push(isNull(indicatorTargets.areaId));
  }
  if (!places.length) return [];
  return db
    .select()
    .from(indicatorTargets)
    .where(
      and(
        sql`${indicatorTargets.periodStart} <= ${filter.to}::date`,
        sql`${periodEnd} > ${filter.from}::date`,
        or(...places),
      ),
    )
    .orderBy(asc(indicatorTargets.periodStart), asc(indicatorTargets.metric), asc(indicatorTargets.areaId));
}

export async function findTarget(db: Db, id: string): Promise<TargetRow | undefined> {
  const [row] = await db.select().from(indicatorTargets).where(eq(indicatorTargets.id, id));
  return row;
}

/** Inserts or replaces the value of the target with the same metric, period and area. */
export async function upsertTarget(
  db: Db,
  values: Pick<TargetRow, "metric" | "periodType" | "periodStart" | "areaId" | "value">,
): Promise<{ row: TargetRow; previous: number | null }> {
  const [before] = await db
    .select({ value: indicatorTargets.value })
    .from(indicatorTargets)
    .where(
      and(
        eq(indicatorTargets.metric, values.metric),
        eq(indicatorTargets.periodType, values.periodType),
        eq(indicatorTargets.periodStart, values.periodStart),
        values.areaId === null ? isNull(indicatorTargets.areaId) : eq(indicatorTargets.areaId, values.areaId),
      ),
    );
  const [row] = await db
    .insert(indicatorTargets)
    .values(values)
    .onConflictDoUpdate({
      target: [
        indicatorTargets.metric,
        indicatorTargets.periodType,
        indicatorTargets.periodStart,
        indicatorTargets.areaId,
      ],
      set: { value: values.value, updatedAt: new Date() },
    })
    .returning();
  return { row: row!, previous: before?.value ?? null };
}

export async function deleteTarget(db: Db, id: string): Promise<TargetRow | undefined> {
  const [row] = await db.delete(indicatorTargets).where(eq(indicatorTargets.id, id)).returning();
  return row;
}

export async function listSeries(db: Db): Promise<BenchmarkSeriesRow[]> {
  return db.select().from(benchmarkSeries).orderBy(asc(benchmarkSeries.name));
}

export async function pointsOf(db: Db, seriesIds: string[]): Promise<BenchmarkPointRow[]> {
  if (!seriesIds.length) return [];
  return db
    .select()
    .from(benchmarkPoints)
    .where(inArray(benchmarkPoints.seriesId, seriesIds))
    .orderBy(asc(benchmarkPoints.period), asc(benchmarkPoints.areaId));
}

export async function seriesByName(db: Db, name: string): Promise<BenchmarkSeriesRow | undefined> {
  const [row] = await db.select().from(benchmarkSeries).where(eq(benchmarkSeries.name, name));
  return row;
}

export async function seriesById(db: Db, id: string): Promise<BenchmarkSeriesRow | undefined> {
  const [row] = await db.select().from(benchmarkSeries).where(eq(benchmarkSeries.id, id));
  return row;
}

/** The series of that name, created if missing, with its metric set; `replaced` when it existed already. */
export async function upsertSeries(
  db: Db,
  name: string,
  metric: string,
): Promise<{ row: BenchmarkSeriesRow; replaced: boolean }> {
  const [existing] = await db.select().from(benchmarkSeries).where(eq(benchmarkSeries.name, name));
  if (existing) {
    const [row] = await db
      .update(benchmarkSeries)
      .set({ metric, importedAt: new Date() })
      .where(eq(benchmarkSeries.id, existing.id))
      .returning();
    return { row: row!, replaced: true };
  }
  const [row] = await db.insert(benchmarkSeries).values({ name, metric }).returning();
  return { row: row!, replaced: false };
}

export async function replacePoints(
  db: Db,
  seriesId: string,
  points: Omit<BenchmarkPointRow, "seriesId">[],
): Promise<void> {
  await db.delete(benchmarkPoints).where(eq(benchmarkPoints.seriesId, seriesId));
  for (let i = 0; i < points.length; i += 500) {
    await db.insert(benchmarkPoints).values(points.slice(i, i + 500).map((p) => ({ ...p, seriesId })));
  }
}

export async function deleteSeries(db: Db, id: string): Promise<BenchmarkSeriesRow | undefined> {
  const [row] = await db.delete(benchmarkSeries).where(eq(benchmarkSeries.id, id)).returning();
  return row;
}

export async function areasByCode(db: Db, codes: string[]) {
  if (!codes.length) return [];
  return db
    .select({ id: areas.id, code: areas.code, level: areas.level })
    .from(areas)
    .where(inArray(areas.code, codes));
}
