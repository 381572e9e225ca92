import type { LocalizedText } from "@openclm/contracts";
import {
  type FacilityQuality,
  type FacilityQualityQuery,
  facilityQualityQuerySchema,
  type PublicFacilityQuality,
  type PublicFacilityQualityQuery,
  publicFacilityQualityQuerySchema,
  type RatingAspect,
  ratingAspects,
} from "@openclm/contracts";
import { calendarPeriodOf, publicPeriodKinds } from "@openclm/contracts/constants";
import { and, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import { KEY_SPACE } from "../dashboard/contributions.sql.js";
import { perturb } from "../dashboard/disclosure.js";
import { suppressionRule } from "../dashboard/indicators.service.js";
import type { Db } from "../db/database.js";
import { areas, facilities } from "../geography/geography.schema.js";
import { actorScope, readableSql } from "../identity/scope.js";
import { AppError } from "../platform/app-error.js";
import { type Ctx, readStale } from "../platform/context.js";
import { pickText } from "../platform/i18n-text.js";
import { resolveLanguage } from "../platform/platform.service.js";
import { type ScoreSums, scoreColumns } from "./ratings.repo.js";
import { facilityRatings } from "./ratings.schema.js";
import { ratingsSetting, shownAverage } from "./ratings.service.js";

type Cells = Omit<FacilityQuality["total"], never>;
type PublicCells = Omit<PublicFacilityQuality["total"], never>;
/** Sums and counts of a group of ratings, and the sum of their record keys (the public view's cell key). */
type Sums = ScoreSums & { keySum: number };

const monthStart = (m: string) => new Date(`${m}-01T00:00:00Z`);
const nextMonth = (m: string) => {
  const d = monthStart(m);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 7);
};
const lastDayOf = (m: string) => new Date(monthStart(nextMonth(m)).getTime() - 86_400_000).toISOString().slice(0, 10);

function defaultRange(now: Date): { from: string; to: string } {
  const to = now.toISOString().slice(0, 7);
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1));
  return { from: d.toISOString().slice(0, 7), to };
}

const sumKeys = [...Object.keys(scoreColumns), "keySum"] as (keyof Sums)[];
const zero = (): Sums => Object.fromEntries(sumKeys.map((k) => [k, 0])) as unknown as Sums;
function add(into: Sums, row: Sums): void {
  for (const k of sumKeys) into[k] += Number(row[k]);
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

/** The noises an average published to everyone may receive, picked by the cell key (as counts are, disclosure.ts). */
const AVERAGE_NOISE = [-0.2, -0.1, 0, 0.1, 0.2];

/**
 * A published average: the exact average moved by a small noise that the group's cell key picks (the same ratings
 * always get the same noise, so asking again averages nothing away), kept within 1–5, one decimal; null below the
 * minimum number of scores. `salt` gives each aspect its own pick.
 */
export function publishedAverage(sum: number, count: number, minimum: number, cellKey: number, salt: number) {
  const exact = shownAverage(sum, count, minimum);
  if (exact === null) return null;
  const mixed = (((cellKey * 40_503 + salt * 9_973) % KEY_SPACE) + KEY_SPACE) % KEY_SPACE;
  const noise = AVERAGE_NOISE[Math.floor((mixed * AVERAGE_NOISE.length) / KEY_SPACE)] ?? 0;
  return Math.round(Math.min(5, Math.max(1, exact + noise)) * 10) / 10;
}

/**
 * A group of ratings as everyone may see it (docs/disclosure-control.md "Facility quality"): the count perturbed by
 * its cell key, exactly as report counts are; nothing at all (suppressed) when fewer ratings than the minimum were
 * counted or the perturbed count is below the suppression threshold; averages moved by a small keyed noise.
 */
export function publicCells(s: Sums, minimum: number, threshold: number): PublicCells {
  const key = Number(s.keySum) % KEY_SPACE;
  const count = perturb(s.count, key);
  const hidden = s.count > 0 && (s.count < minimum || count < threshold);
  const averages = {
    overall: hidden ? null : publishedAverage(s.overallSum, s.count, minimum, key, 0),
    ...(Object.fromEntries(
      ratingAspects.map((a, i) => [
        a,
        hidden ? null : publishedAverage(s[`${a}Sum`], s[`${a}Count`], minimum, key, i + 1),
      ]),
    ) as Record<RatingAspect, number | null>),
  };
  return { count: hidden ? null : count, suppressed: hidden, ...averages };
}

/**
 * Counted ratings grouped by `key` (a region, district or facility) and month. Only sums and counts leave the
 * database; averages are made from them by the caller.
 */
async function grouped(db: Db, where: SQL, key: SQL<string>) {
  return db
    .select({
      key,
      month: sql<string>`to_char(${facilityRatings.createdAt} AT TIME ZONE 'UTC', 'YYYY-MM')`,
      ...scoreColumns,
      keySum: sql<number>`coalesce(sum(${facilityRatings.recordKey}), 0)::int8`,
    })
    .from(facilityRatings)
    .innerJoin(areas, eq(areas.id, facilityRatings.districtId))
    .where(where)
    .groupBy(sql`1`, sql`2`);
}

type By = FacilityQuality["by"];

/** Counted ratings from `from` to `to` (months) within `scope` (staff) or everywhere, by `by` and by month. */
async function aggregate(
  ctx: Ctx,
  q: { from: string; to: string; by: By; areaId?: string | undefined },
  scope: SQL | null,
) {
  const conditions: SQL[] = [
    eq(facilityRatings.status, "counted"),
    gte(facilityRatings.createdAt, monthStart(q.from)),
    lt(facilityRatings.createdAt, monthStart(nextMonth(q.to))),
  ];
  if (scope) conditions.push(scope);
  if (q.areaId)
    conditions.push(sql`(${areas.id} = ${q.areaId}::uuid OR ${q.areaId}::uuid = ANY(${areas.ancestorIds}))`);
  const key =
    q.by === "facility"
      ? sql<string>`${facilityRatings.facilityId}::text`
      : q.by === "district"
        ? sql<string>`${facilityRatings.districtId}::text`
        : sql<string>`(SELECT r.id::text FROM areas r WHERE r.id = ANY(${areas.ancestorIds}) AND r.level = 1)`;
  const [rows, { minimumCount: minimum }, { lang, defaultLang }] = await Promise.all([
    readStale(ctx, (db) => grouped(db, and(...conditions) as SQL, key)),
    ratingsSetting(ctx.db),
    resolveLanguage(ctx, ctx.language),
  ]);
  const byKey = new Map<string, Sums>();
  const byMonth = new Map<string, Sums>();
  const total = zero();
  for (const r of rows) {
    const sums = r as unknown as Sums;
    if (r.key) {
      if (!byKey.has(r.key)) byKey.set(r.key, zero());
      add(byKey.get(r.key) as Sums, sums);
    }
    if (!byMonth.has(r.month)) byMonth.set(r.month, zero());
    add(byMonth.get(r.month) as Sums, sums);
    add(total, sums);
  }
  const names = await labels(ctx.db, q.by, [...byKey.keys()]);
  const label = (id: string) => (names.has(id) ? pickText(names.get(id) as LocalizedText, lang, defaultLang) : id);
  const months: string[] = [];
  for (let m = q.from; m <= q.to; m = nextMonth(m)) months.push(m);
  const groups = [...byKey.entries()]
    .map(([id, sums]) => ({ id, label: label(id), sums }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return { minimum, groups, months: months.map((m) => ({ month: m, sums: byMonth.get(m) ?? zero() })), total };
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
  const scope = readableSql(await actorScope(ctx), {
    district: facilityRatings.districtId,
    facility: facilityRatings.facilityId,
  });
  const a = await aggregate(ctx, { from, to, by: q.by, areaId: q.areaId }, scope);
  return {
    minimum: a.minimum,
    from,
    to,
    by: q.by,
    rows: a.groups.map((g) => ({ id: g.id, label: g.label, ...cells(g.sums, a.minimum) })),
    trend: a.months.map((m) => ({ month: m.month, ...cells(m.sums, a.minimum) })),
    total: cells(a.total, a.minimum),
  };
}

/**
 * Facility quality for everyone (the public dashboard): the whole country or one area, for one calendar month,
 * quarter or year only (the rule of every published figure: runs of months are sides of a subtraction), each row and
 * each month through `publicCells`. Rows that are suppressed keep their name but show nothing.
 */
export async function getPublicFacilityQuality(
  ctx: Ctx,
  input: PublicFacilityQualityQuery,
): Promise<PublicFacilityQuality> {
  const q = publicFacilityQualityQuerySchema.parse(input);
  if (!calendarPeriodOf(`${q.from}-01`, lastDayOf(q.to)))
    throw new AppError(
      "PERIOD_NOT_CALENDAR",
      "Published figures cover one calendar month, one calendar quarter or one calendar year",
      { allowed: publicPeriodKinds },
    );
  const [a, { threshold }] = await Promise.all([aggregate(ctx, q, null), suppressionRule(ctx.db)]);
  return {
    minimum: a.minimum,
    threshold,
    from: q.from,
    to: q.to,
    by: q.by,
    rows: a.groups.map((g) => ({ id: g.id, label: g.label, ...publicCells(g.sums, a.minimum, threshold) })),
    trend: a.months.map((m) => ({ month: m.month, ...publicCells(m.sums, a.minimum, threshold) })),
    total: publicCells(a.total, a.minimum, threshold),
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
