import type { IndicatorDimension } from "@openclm/contracts";
import { type SQL, sql } from "drizzle-orm";
import { type Db, queryRows } from "../db/database.js";
import { type ResolvedScope, readableSql } from "../identity/scope.js";
import { LIVE_REPORTS_SQL } from "../reports/training.js";
import {
  CELL_COUNTERS,
  CELL_KEY,
  CELL_KEY_SUMS,
  cellRowsSql,
  type DateBasis,
  DURATION_KEY,
  type DurationKind,
  dateColumn,
  durationRowsSql,
  KEY_SPACE,
  REPORT_AS_STATE,
  ROLLUP,
  storedDim,
} from "./contributions.sql.js";

const timeDimensions = new Set<IndicatorDimension>(["month", "quarter", "year"]);

import { type PeriodPlan, splitQuarters } from "./period.js";

/** How a dimension reads from a cell (or duration) row. */
const dimensionSql: Record<IndicatorDimension, string> = {
  category: "category_code",
  subcategory: "subcategory_code",
  reporter_mode: "reporter_mode",
  region: "region_id::text",
  district: "district_id::text",
  facility: "facility_id::text",
  month: "to_char(month, 'YYYY-MM')",
  quarter: `to_char(month, 'YYYY-"Q"Q')`,
  year: "to_char(month, 'YYYY')",
  gender: "value",
  age_group: "value",
  key_population: "value",
  channel: "value",
  challenge_type: "value",
  decline_reason: "value",
  assisted_by: "value",
  assistant: "value",
};

export interface CubeQuery {
  dimensions: IndicatorDimension[];
  /** Dimension → accepted values (time dimensions are never filters: the period says when). */
  filters: [IndicatorDimension, string[]][];
  /** The breakdown dimension in use ('all' when none). */
  dim: string;
  /** Which date places a report in the period and its month: made (default) or validated (validated reports only). */
  basis?: DateBasis;
  /** 1 when the query is by facility (dimension or filter); a scope with facilities also reads grain 1 rows. */
  grain: 0 | 1;
  period: PeriodPlan;
  /** null = the whole country; otherwise the read rule of identity/scope.ts, applied to cells by `grainAndScopeSql`. */
  scope: Pick<ResolvedScope, "areaDistrictIds" | "facilityIds"> | null;
  /** The counters to sum (the rest answer 0): summing only what the metrics need keeps large ranges quick. */
  counters: ReadonlySet<string>;
  /** Keep the n highest rows by this counter within each combination of all dimensions but the last. */
  top?: { n: number; by: (typeof CELL_COUNTERS)[number] | "on_behalf" };
  /**
   * `all`: every report (staff); `publishable`: only reports shared de-identified (consent.shareDeidentified), what
   * may leave the programme.
   */
  population: "all" | "publishable";
  /** Also answer each counter's cell key (disclosure control), as `key_total`, …, `key_on_behalf`. */
  keys?: boolean;
  /** Also answer `withheld`: how many of the counted reports may not be published. */
  withheld?: boolean;
}

export type Counter = (typeof CELL_COUNTERS)[number] | "on_behalf";
export type CounterRow = Record<string, string> & Record<Counter | `key_${Counter}` | "withheld", number>;

function whereSql(q: CubeQuery, forDurations: boolean): SQL {
  const parts: SQL[] = [];
  if (!forDurations) parts.push(sql`dim = ${storedDim(q.dim, q.basis ?? "reported")}`, grainAndScopeSql(q));
  if (q.population === "publishable") parts.push(sql`publishable`);
  if (forDurations) {
    // Country-wide medians read the roll-up rows; anything narrower reads the detailed ones.
    const rolled = !q.scope && !q.filters.length && q.dimensions.every((d) => timeDimensions.has(d));
    parts.push(rolled ? sql`category_code = ${ROLLUP}` : sql`category_code <> ${ROLLUP}`);
  }
  for (const [dimension, values] of q.filters) {
    parts.push(sql`${sql.raw(dimensionSql[dimension])} IN (${list(values)})`);
  }
  // Durations are kept per district only: a scope with facilities gets no medians (indicators.service.ts).
  if (forDurations && q.scope) parts.push(readableSql({ ...q.scope, facilityIds: [] }, PLACEMENT));
  return sql.join(parts.length ? parts : [sql`true`], sql` AND `);
}

/**
 * The cells a query reads. Grain 0 holds every report by district; grain 1 repeats those that name a facility. A
 * scope with facilities reads its area districts whole from grain 0 and, from grain 1, its facilities outside them,
 * so no report is counted twice and a facility's district is never read whole. By facility (grain 1) it reads the
 * facility rows placed in its districts or at its facilities.
 */
function grainAndScopeSql(q: CubeQuery): SQL {
  if (!q.scope) return sql`grain = ${q.grain}`;
  if (q.grain === 1) return sql`grain = 1 AND ${readableSql(q.scope, PLACEMENT)}`;
  const areas = readableSql({ ...q.scope, facilityIds: [] }, PLACEMENT);
  const facilities = readableSql({ ...q.scope, areaDistrictIds: [] }, PLACEMENT);
  return sql`((grain = 0 AND ${areas}) OR (grain = 1 AND ${facilities} AND NOT ${areas}))`;
}

/** The grains `grainAndScopeSql` reads. */
export function grainsRead(q: Pick<CubeQuery, "grain" | "scope">): (0 | 1)[] {
  if (q.grain === 1 || !q.scope?.facilityIds.length) return [q.grain];
  return q.scope.areaDistrictIds.length ? [0, 1] : [1];
}

/** Where the cells (and duration rows) place their reports. */
const PLACEMENT = { district: sql.raw("district_id"), facility: sql.raw("facility_id") };

const list = (values: string[]) =>
  values.length
    ? sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )
    : sql`NULL`;

/**
 * Reports made (or, on the validated basis, validated) within the edge ranges, projected for the contribution SQL
 * (read directly, so always current; reports_validated_at_idx serves the validated basis).
 */
function edgeSource(period: PeriodPlan, basis: DateBasis): string {
  const at = `r.${dateColumn(basis)}`;
  // Timestamps come from Date objects we built, so inlining their ISO form is safe.
  const ranges = period.edges.map(
    (e) => `(${at} >= '${e.from.toISOString()}'::timestamptz AND ${at} < '${e.until.toISOString()}'::timestamptz)`,
  );
  return `(SELECT ${REPORT_AS_STATE}, 1 AS sign FROM ${LIVE_REPORTS_SQL} r WHERE ${ranges.join(" OR ")})`;
}

/**
 * Cube rows of the whole months plus contribution rows of the edges, filtered the same way. Whole quarters are read
 * from the quarterly roll-up (a third of the rows) unless the answer is by month.
 */
function sourceSql(q: CubeQuery, forDurations: boolean): SQL {
  const rowsSql = (src: string) =>
    forDurations ? durationRowsSql(src) : cellRowsSql(src, { dim: q.dim, grains: grainsRead(q) }, q.basis);
  const cols = sql.raw(
    (forDurations ? [...DURATION_KEY, "n"] : [...CELL_KEY, ...CELL_COUNTERS, ...CELL_KEY_SUMS]).join(", "),
  );
  const where = whereSql(q, forDurations);
  const read = (table: string, range: { from: string; until: string }) =>
    sql`SELECT ${cols} FROM ${sql.raw(table)} WHERE month >= ${range.from} AND month < ${range.until} AND ${where}`;
  const branches: SQL[] = [];
  if (q.period.months && forDurations) branches.push(read("indicator_durations", q.period.months));
  else if (q.period.months) {
    const split = q.dimensions.includes("month")
      ? { quarters: null, months: [q.period.months] }
      : splitQuarters(q.period.months);
    if (split.quarters) branches.push(read("indicator_cells_quarterly", split.quarters));
    for (const range of split.months) branches.push(read("indicator_cells", range));
  }
  if (q.period.edges.length) {
    branches.push(
      sql`SELECT ${cols} FROM (${sql.raw(rowsSql(edgeSource(q.period, forDurations ? "reported" : (q.basis ?? "reported"))))}) e WHERE ${where}`,
    );
  }
  if (!branches.length) {
    branches.push(
      sql`SELECT ${cols} FROM ${sql.raw(forDurations ? "indicator_durations" : "indicator_cells")} WHERE false`,
    );
  }
  return sql.join(branches, sql` UNION ALL `);
}

/**
 * How a dimension groups: by the raw column where the answer writes it differently (ids, months), so that tens of
 * thousands of cells are hashed as uuids and dates and only the grouped rows are turned into text.
 */
const groupKeys: Partial<Record<IndicatorDimension, { key: string; text: (k: string) => string }>> = {
  region: { key: "region_id", text: (k) => `${k}::text` },
  district: { key: "district_id", text: (k) => `${k}::text` },
  facility: { key: "facility_id", text: (k) => `${k}::text` },
  month: { key: "month", text: (k) => `to_char(${k}, 'YYYY-MM')` },
  quarter: { key: "date_trunc('quarter', month)::date", text: (k) => `to_char(${k}, 'YYYY-"Q"Q')` },
  year: { key: "date_trunc('year', month)::date", text: (k) => `to_char(${k}, 'YYYY')` },
};
const grouping = (d: IndicatorDimension) => groupKeys[d] ?? { key: dimensionSql[d], text: (k: string) => k };

/** `k0, k1 …` (raw keys, for the grouping query) and `d0, d1 …` (their text, for the answer). */
function keysOf(dimensions: IndicatorDimension[]) {
  const k = (i: number) => `k${i}`;
  return {
    keys: dimensions.map((d, i) => sql.raw(`${grouping(d).key} AS ${k(i)}`)),
    texts: dimensions.map((d, i) => sql.raw(`${grouping(d).text(k(i))} AS d${i}`)),
    text: (i: number) => sql.raw(grouping(dimensions[i] as IndicatorDimension).text(k(i))),
    positions: dimensions.map((_, i) => sql.raw(`${i + 1}`)),
    names: dimensions.map((_, i) => sql.raw(k(i))),
  };
}

/** Counters summed per combination of the requested dimensions. */
export async function sumCells(db: Db, q: CubeQuery): Promise<CounterRow[]> {
  const keyed = keysOf(q.dimensions);
  const { keys, texts, positions } = keyed;
  const sums = CELL_COUNTERS.filter((c) => q.counters.has(c)).map((c) => sql.raw(`sum(${c})::int AS ${c}`));
  const onBehalf = q.counters.has("on_behalf") ? [sql.raw(`${ON_BEHALF}::int AS on_behalf`)] : [];
  const extra = [...(q.keys ? cellKeysSql(q.counters) : []), ...(q.withheld ? [sql.raw(WITHHELD)] : [])];
  const grouped = sql`SELECT ${sql.join([...keys, ...sums, ...onBehalf, ...extra], sql`, `)}
    FROM (${sourceSql(q, false)}) c
    ${positions.length ? sql`GROUP BY ${sql.join(positions, sql`, `)}` : sql``}
    HAVING sum(total) > 0`;
  const ranked = q.top ? sql`SELECT g.*, ${rankSql(keyed, q.top.by)} AS rank FROM (${grouped}) g` : grouped;
  const query = sql`SELECT ${sql.join([...texts, sql`g.*`], sql`, `)} FROM (${ranked}) g
    ${q.top ? sql`WHERE rank <= ${q.top.n}` : sql``}
    ${positions.length ? sql`ORDER BY ${sql.join(positions, sql`, `)}` : sql``}`;
  const rows = await queryRows<Record<string, unknown>>(db, query);
  return rows.map((r) => normalise(r, q.dimensions.length));
}

const ON_BEHALF = "(sum(total) FILTER (WHERE reporter_mode = 'on_behalf'))";
const WITHHELD = "coalesce(sum(total) FILTER (WHERE NOT publishable), 0)::int AS withheld";

/** A grouped row's cell key per counter: the sum of its reports' record keys, modulo the key space. */
function cellKeysSql(counters: ReadonlySet<string>): SQL[] {
  const mod = (sum: string, name: string) => sql.raw(`(coalesce(${sum}, 0) % ${KEY_SPACE})::int AS ${name}`);
  const keyed = [...counters].filter((c) => c === "on_behalf" || (CELL_COUNTERS as readonly string[]).includes(c));
  return keyed.map((c) =>
    c === "on_behalf"
      ? mod("sum(key_total) FILTER (WHERE reporter_mode = 'on_behalf')", "key_on_behalf")
      : mod(`sum(key_${c})`, `key_${c}`),
  );
}

/**
 * Rank of a grouped row within its combination of all dimensions but the last: highest counter first, ties by the
 * last dimension's value as answered, in byte order (COLLATE "C", the order `keepTop` uses for public answers).
 */
function rankSql({ names, text }: ReturnType<typeof keysOf>, by: NonNullable<CubeQuery["top"]>["by"]): SQL {
  const partition = names.length > 1 ? sql`PARTITION BY ${sql.join(names.slice(0, -1), sql`, `)}` : sql``;
  const value = sql.raw(`coalesce(${by}, 0)`);
  return sql`row_number() OVER (${partition} ORDER BY ${value} DESC, ${text(names.length - 1)} COLLATE "C")`;
}

export interface HistogramRow {
  key: string[];
  kind: DurationKind;
  hours: number;
  n: number;
}

/** Duration histograms per combination of the requested dimensions (only dimensions the histogram holds). */
export async function sumDurations(db: Db, q: CubeQuery, kinds: DurationKind[]): Promise<HistogramRow[]> {
  const { keys, texts, positions } = keysOf(q.dimensions);
  const groupBy = [...positions, sql.raw("kind"), sql.raw("hours")];
  const query = sql`SELECT ${sql.join([...texts, sql`g.*`], sql`, `)} FROM (
    SELECT ${sql.join([...keys, sql.raw("kind, hours, sum(n)::int AS n")], sql`, `)}
    FROM (${sourceSql(q, true)}) d
    WHERE kind IN (${list(kinds)})
    GROUP BY ${sql.join(groupBy, sql`, `)}
    HAVING sum(n) > 0) g`;
  const rows = await queryRows<Record<string, unknown>>(db, query);
  return rows.map((r) => ({
    key: q.dimensions.map((_, i) => String(r[`d${i}`])),
    kind: r.kind as DurationKind,
    hours: Number(r.hours),
    n: Number(r.n),
  }));
}

function normalise(r: Record<string, unknown>, dimensionCount: number): CounterRow {
  const out: Record<string, string | number> = {};
  for (let i = 0; i < dimensionCount; i++) out[`d${i}`] = String(r[`d${i}`]);
  for (const c of [...CELL_COUNTERS, "on_behalf"]) {
    out[c] = Number(r[c] ?? 0);
    out[`key_${c}`] = Number(r[`key_${c}`] ?? 0);
  }
  out.withheld = Number(r.withheld ?? 0);
  return out as CounterRow;
}
