import type { LocalizedText } from "@openclm/contracts";
import {
  type FacilityQuality,
  type FacilityQualityQuery,
  facilityQualityQuerySchema,
  type RatingAspect,
  ratingAspects,
} from "@openclm/contracts";
import { and, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import type { Db } from "../db/database.js";
import { areas, facilities } from "../geography/geography.schema.js";
import { actorScope, readableSql } from "../identity/scope.js";
import { type Ctx, readStale } from "../platform/context.js";
import { pickText } from "../platform/i18n-text.js";
import { resolveLanguage } from "../platform/platform.service.js";
import { type ScoreSums, scoreColumns } from "./ratings.repo.js";
import { facilityRatings } from "./ratings.schema.js";
import { ratingsSetting, shownAverage } from "./ratings.service.js";

type Cells = Omit<FacilityQuality["total"], never>;

const monthStart = (m: string) => new Date(`${m}-01T00:00:00Z`);
const nextMonth = (m: string) => {
  const d = monthStart(m);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 7);
};

function defaultRange(now: Date): { from: string; to: string } {
  const to = now.toISOString().slice(0, 7);
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1));
  return { from: d.toISOString().slice(0, 7), to };
}

const zero = (): ScoreSums => Object.fromEntries(Object.keys(scoreColumns).map((k) => [k, 0])) as unknown as ScoreSums;
function add(into: ScoreSums, row: ScoreSums): void {
  for (const k of Object.keys(scoreColumns) as (keyof ScoreSums)[]) into[k] += Number(row[k]);
}
function cells(s: ScoreSums, minimum: number): Cells {
  return {
    count: s.count,
    overall: shownAverage(s.overallSum, s.count, minimum),
    ...(Object.fromEntries(
      ratingAspects.map((a) => [a, shownAverage(s[`${a}Sum`], s[`${a}Count`], minimum)]),
    ) as Record<RatingAspect, number | null>),
  };
}

/**
 * Counted ratings in the caller's scope grouped by `key` (a region, district or facility) and month. Only sums and
 * counts leave the database; averages are made from them, and suppressed below the minimum number of ratings.
 */
async function grouped(db: Db, where: SQL, key: SQL<string>) {
  return db
    .select({
      key,
      month: sql<string>`to_char(${facilityRatings.createdAt} AT TIME ZONE 'UTC', 'YYYY-MM')`,
      ...scoreColumns,
    })
    .from(facilityRatings)
    .innerJoin(areas, eq(areas.id, facilityRatings.districtId))
    .where(where)
    .groupBy(sql`1`, sql`2`);
}

/**
 * Facility quality indicators (issue 17 item 5): average score per aspect and number of ratings per region, district
 * or facility, and the trend by month, over counted ratings in the caller's scope. An average of fewer ratings than
 * the platform's minimum is null (suppressed), exactly as the public view does.
 */
export async function queryFacilityQuality(
  ctx: Ctx,
  input: FacilityQualityQuery,
  now = new Date(),
): Promise<FacilityQuality> {
  const q = facilityQualityQuerySchema.parse(input);
  const range = defaultRange(now);
  const from = q.from ?? (q.to && q.to < range.from ? q.to : range.from);
  const to = q.to ?? range.to;
  const scope = await actorScope(ctx);
  const [{ minimumCount: minimum }, { lang, defaultLang }] = await Promise.all([
    ratingsSetting(ctx.db),
    resolveLanguage(ctx, ctx.language),
  ]);
  const conditions: SQL[] = [
    eq(facilityRatings.status, "counted"),
    gte(facilityRatings.createdAt, monthStart(from)),
    lt(facilityRatings.createdAt, monthStart(nextMonth(to))),
    readableSql(scope, { district: facilityRatings.districtId, facility: facilityRatings.facilityId }),
  ];
  if (q.areaId)
    conditions.push(sql`(${areas.id} = ${q.areaId}::uuid OR ${q.areaId}::uuid = ANY(${areas.ancestorIds}))`);
  const key =
    q.by === "facility"
      ? sql<string>`${facilityRatings.facilityId}::text`
      : q.by === "district"
        ? sql<string>`${facilityRatings.districtId}::text`
        : sql<string>`(SELECT r.id::text FROM areas r WHERE r.id = ANY(${areas.ancestorIds}) AND r.level = 1)`;
  const rows = await readStale(ctx, (db) => grouped(db, and(...conditions) as SQL, key));

  const byKey = new Map<string, ScoreSums>();
  const byMonth = new Map<string, ScoreSums>();
  const total = zero();
  for (const r of rows) {
    const sums = r as unknown as ScoreSums;
    if (r.key) {
      if (!byKey.has(r.key)) byKey.set(r.key, zero());
      add(byKey.get(r.key) as ScoreSums, sums);
    }
    if (!byMonth.has(r.month)) byMonth.set(r.month, zero());
    add(byMonth.get(r.month) as ScoreSums, sums);
    add(total, sums);
  }
  const names = await labels(ctx.db, q.by, [...byKey.keys()]);
  const trend: FacilityQuality["trend"] = [];
  for (let m = from; m <= to; m = nextMonth(m)) trend.push({ month: m, ...cells(byMonth.get(m) ?? zero(), minimum) });
  return {
    minimum,
    from,
    to,
    by: q.by,
    rows: [...byKey.entries()]
      .map(([id, s]) => ({
        id,
        label: names.has(id) ? pickText(names.get(id) as LocalizedText, lang, defaultLang) : id,
        ...cells(s, minimum),
      }))
      .sort((a, b) => a.label.localeCompare(b.label)),
    trend,
    total: cells(total, minimum),
  };
}

async function labels(db: Db, by: "region" | "district" | "facility", ids: string[]) {
  if (ids.length === 0) return new Map<string, LocalizedText>();
  const list = sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const rows =
    by === "facility"
      ? await db
          .select({ id: facilities.id, names: facilities.names })
          .from(facilities)
          .where(sql`${facilities.id} IN (${list})`)
      : await db.select({ id: areas.id, names: areas.names }).from(areas).where(sql`${areas.id} IN (${list})`);
  return new Map(rows.map((r) => [r.id, r.names]));
}

/**
 * The lowest-rated facilities with at least the minimum number of counted ratings in the period, lowest first, for
 * the factsheet. Facilities below the minimum are never named, whatever their scores.
 */
export async function lowestRatedFacilities(
  ctx: Ctx,
  opts: { from: Date; to: Date; limit: number; areaId?: string; lang?: string },
): Promise<{ minimum: number; items: { name: string; average: number; count: number }[] }> {
  const [{ minimumCount: minimum }, { lang, defaultLang }] = await Promise.all([
    ratingsSetting(ctx.db),
    resolveLanguage(ctx, opts.lang ?? ctx.language),
  ]);
  const conditions: SQL[] = [
    eq(facilityRatings.status, "counted"),
    gte(facilityRatings.createdAt, opts.from),
    lt(facilityRatings.createdAt, opts.to),
  ];
  if (opts.areaId)
    conditions.push(
      sql`${facilityRatings.districtId} IN (SELECT a.id FROM areas a WHERE a.id = ${opts.areaId}::uuid OR ${opts.areaId}::uuid = ANY(a.ancestor_ids))`,
    );
  const avg = sql<number>`avg(${facilityRatings.overall})::float8`;
  const rows = await readStale(ctx, (db) =>
    db
      .select({ names: facilities.names, count: sql<number>`count(*)::int`, average: avg })
      .from(facilityRatings)
      .innerJoin(facilities, eq(facilities.id, facilityRatings.facilityId))
      .where(and(...conditions))
      .groupBy(facilities.id, facilities.names)
      .having(sql`count(*) >= ${minimum}`)
      .orderBy(avg, facilities.id)
      .limit(opts.limit),
  );
  return {
    minimum,
    items: rows.map((r) => ({
      name: pickText(r.names, lang, defaultLang),
      count: r.count,
      average: Math.round(Number(r.average) * 10) / 10,
    })),
  };
}
