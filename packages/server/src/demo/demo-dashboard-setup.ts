import { asc, eq } from "drizzle-orm";
import { benchmarkPoints, benchmarkSeries, indicatorTargets } from "../dashboard-setup/dashboard-setup.schema.js";
import type { Db } from "../db/database.js";
import { areas } from "../geography/geography.schema.js";

export const DEMO_BENCHMARK_NAME = "National TB programme — complaints register";

/**
 * Demoland's targets (this year and the last four quarters, country-wide and per region) and one benchmark series:
 * the national programme's own monthly count of complaints, a little below ours as registers usually are. Existing
 * rows are left alone, so a second run changes nothing.
 */
export async function seedDemoDashboardSetup(db: Db, now = new Date()): Promise<void> {
  const regions = await db
    .select({ id: areas.id, population: areas.population })
    .from(areas)
    .where(eq(areas.level, 1))
    .orderBy(asc(areas.code));
  await seedTargets(
    db,
    regions.map((r) => r.id),
    now,
  );
  await seedBenchmark(
    db,
    regions.map((r) => r.id),
    now,
  );
}

const iso = (y: number, m: number) => new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);

async function seedTargets(db: Db, regionIds: string[], now: Date): Promise<void> {
  const year = now.getUTCFullYear();
  const quarterStart = Math.floor(now.getUTCMonth() / 3) * 3;
  const quarters = [0, 1, 2, 3].map((back) => iso(year, quarterStart - 3 * back));
  const share = 1 / Math.max(regionIds.length, 1);
  const rows: (typeof indicatorTargets.$inferInsert)[] = [
    { metric: "pct_resolved", periodType: "year", periodStart: iso(year, 0), areaId: null, value: 80 },
    { metric: "pct_confirmed", periodType: "year", periodStart: iso(year, 0), areaId: null, value: 50 },
    {
      metric: "median_hours_to_first_response",
      periodType: "year",
      periodStart: iso(year, 0),
      areaId: null,
      value: 48,
    },
    ...quarters.flatMap((q) => [
      { metric: "reports_validated", periodType: "quarter", periodStart: q, areaId: null, value: 450 },
      { metric: "pct_resolved", periodType: "quarter", periodStart: q, areaId: null, value: 75 },
      ...regionIds.map((areaId) => ({
        metric: "reports_validated",
        periodType: "quarter",
        periodStart: q,
        areaId,
        value: Math.round(450 * share),
      })),
    ]),
  ];
  await db.insert(indicatorTargets).values(rows).onConflictDoNothing();
}

async function seedBenchmark(db: Db, regionIds: string[], now: Date): Promise<void> {
  const [series] = await db
    .insert(benchmarkSeries)
    .values({ name: DEMO_BENCHMARK_NAME, metric: "reports_total" })
    .onConflictDoNothing({ target: benchmarkSeries.name })
    .returning();
  if (!series) return;
  const points: (typeof benchmarkPoints.$inferInsert)[] = [];
  for (let back = 12; back >= 1; back--) {
    const month = iso(now.getUTCFullYear(), now.getUTCMonth() - back).slice(0, 7);
    // A steady rise with a seasonal swing: deterministic, so every demo shows the same series.
    const national = Math.round(110 + (12 - back) * 4 + 12 * Math.sin(back));
    points.push({ seriesId: series.id, period: month, areaId: null, value: national });
    regionIds.forEach((areaId, i) => {
      const weight = (i + 1) / ((regionIds.length * (regionIds.length + 1)) / 2);
      points.push({ seriesId: series.id, period: month, areaId, value: Math.round(national * weight) });
    });
  }
  await db.insert(benchmarkPoints).values(points);
}
