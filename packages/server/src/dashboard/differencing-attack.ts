import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { Database } from "../db/database.js";
import { rebuildAggregates } from "./aggregator.js";
import { ptableRow } from "./disclosure.js";

/**
 * An attacker with only the public API tries to undo suppression by differencing (issue 12, finding 1): filter
 * complements, period differences, and parent minus children on the area and taxonomy hierarchies. The truth they aim
 * at is the exact publishable count (staff, `population: "publishable"`). Used by disclosure.attack.test.ts (one fixed
 * draw of record keys) and scripts/bench-disclosure.ts (the spread over many draws).
 */

type Row = { dimensions: Record<string, string>; metrics: Record<string, number | null>; suppressed?: boolean };

/** What one run of the attack found. */
export interface AttackResult {
  /** Differencing attempts that could be made (every part needed was published). */
  attempts: number;
  /** Questions for a run of months or days (CUMULATIVE_RANGES) that were answered: must be 0. */
  rangesAnswered: number;
  /** Attempts whose estimate was the hidden count exactly. */
  exact: number;
  /** Exact when an estimate below 1 is read as 1 (an attacker who knows the hidden cell is not empty). */
  clamped: number;
  /** Every published cell the attack saw: exact publishable count and the published figure. */
  published: { truth: number; shown: number }[];
  /**
   * Each attempt's chance of being exact, from the perturbation table alone: the chance that the noises of the
   * published parts cancel (exactChance). Their mean is the rate this attack has whatever the draw of keys.
   */
  chances: number[];
}

/** The calendar year the demo's reports fill (they cover the last 13 months before 2026-12-03). */
const YEAR = { from: "2026-01-01", to: "2026-12-31" };
const quarterOf = (month: string) => `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;

/**
 * Runs of months an attacker would like to subtract (cumulative totals, a year less a month, a run across quarters)
 * and a day range: the public API must refuse every one (PERIOD_NOT_CALENDAR) before it reads anything.
 */
export const CUMULATIVE_RANGES = [
  { from: "2026-01-01", to: "2026-02-28" },
  { from: "2026-01-01", to: "2026-11-30" },
  { from: "2026-02-01", to: "2026-11-30" },
  { from: "2026-02-01", to: "2026-12-31" },
  { from: "2026-02-01", to: "2026-04-30" },
  { from: "2025-11-01", to: "2026-12-31" },
  { from: "2025-12-01", to: "2026-11-30" },
  { from: "2026-03-01", to: "2026-03-15" },
];

/**
 * Gives every report a record key from `random` (0…1, called once per report in the reports' creation order) and
 * rebuilds the aggregates, so a measurement is of one known draw of keys.
 */
export async function drawRecordKeys(database: Database, random: () => number): Promise<void> {
  const ids = await database.rows<{ id: string }>(sql`SELECT id FROM reports ORDER BY created_at, id`);
  const keys = ids.map(({ id }) => ({ id, key: Math.floor(random() * 65_536) }));
  await database.db.execute(
    sql`UPDATE reports r SET record_key = k.key
          FROM jsonb_to_recordset(${JSON.stringify(keys)}::jsonb) AS k(id uuid, key int) WHERE r.id = k.id`,
  );
  await rebuildAggregates(database.db);
}

/** Runs every differencing attack against the demo data; `analyst` is a staff session cookie (for the truth). */
export async function differencingAttack(app: FastifyInstance, analyst: string): Promise<AttackResult> {
  const result: AttackResult = { attempts: 0, rangesAnswered: 0, exact: 0, clamped: 0, published: [], chances: [] };

  async function ask(body: Record<string, unknown>, staff = false): Promise<Row[]> {
    const res = await app.inject({
      method: "POST",
      url: staff ? "/api/dashboard/indicators" : "/api/public/indicators",
      headers: staff ? { cookie: analyst } : {},
      payload: { metrics: ["reports_total"], ...YEAR, ...body, ...(staff ? { population: "publishable" } : {}) },
    });
    if (res.statusCode !== 200) throw new Error(`${JSON.stringify(body)} → ${res.statusCode} ${res.body}`);
    return (res.json() as { rows: Row[] }).rows;
  }

  const key = (r: Row, dims: string[]) => dims.map((d) => r.dimensions[d]).join("|");
  const valueMap = (rows: Row[], dims: string[]) => new Map(rows.map((r) => [key(r, dims), r]));

  /** Public and exact answers of one shape, keyed by the dimension values; the published cells are recorded. */
  async function both(dimensions: string[]) {
    const rows = await ask({ dimensions });
    const pub = valueMap(rows, dimensions);
    const truth = valueMap(await ask({ dimensions }, true), dimensions);
    for (const [k, row] of pub) {
      const shown = row.metrics.reports_total;
      if (!row.suppressed && shown !== null && shown !== undefined)
        result.published.push({ truth: truth.get(k)?.metrics.reports_total ?? 0, shown });
    }
    return { pub, truth, rows };
  }

  /**
   * One differencing attempt: parent minus the published children but one. Unusable when a part is hidden. `truths`
   * are the exact counts of the parent and the siblings.
   */
  const attempt = (hiddenTruth: number, parent: Row | undefined, siblings: (Row | undefined)[], truths: number[]) => {
    if (!parent || parent.suppressed || siblings.some((s) => !s || s.suppressed)) return;
    const estimate =
      (parent.metrics.reports_total ?? 0) - siblings.reduce((n, s) => n + (s?.metrics.reports_total ?? 0), 0);
    result.attempts += 1;
    result.chances.push(exactChance(truths));
    console.error(
      `ATT ${JSON.stringify({ hiddenTruth, truths, c: exactChance(truths), hit: Math.round(estimate) === hiddenTruth })}`,
    );
    if (Math.round(estimate) === hiddenTruth) result.exact += 1;
    if (Math.max(1, Math.round(estimate)) === hiddenTruth) result.clamped += 1;
  };

  /** Every hidden cell of `[...parentDims, childDim]`: its parent row minus its published siblings. */
  const subtractSiblings = async (parentDims: string[], childDim: string) => {
    const parents = await both(parentDims);
    const children = await both([...parentDims, childDim]);
    const dims = [...parentDims, childDim];
    for (const [k, row] of children.pub) {
      if (!row.suppressed) continue;
      const parent = key(row, parentDims);
      const siblings = children.rows.filter((r) => key(r, parentDims) === parent && key(r, dims) !== k);
      const truths = [parents.truth.get(parent), ...siblings.map((r) => children.truth.get(key(r, dims)))];
      attempt(count(children.truth.get(k)), parents.pub.get(parent), siblings, truths.map(count));
    }
  };

  // 1. Filter complements: a total minus its other genders (age groups, channels) gives the hidden one.
  for (const dim of ["gender", "age_group", "channel"]) {
    for (const parent of [[], ["category"], ["region"], ["month"]]) await subtractSiblings(parent, dim);
  }
  // 2. Parent minus children: a region minus its other districts; a category minus its other subcategories.
  for (const parent of [[], ["category"]]) await subtractSiblings([...parent, "region"], "district");
  for (const parent of [[], ["region"]]) await subtractSiblings([...parent, "category"], "subcategory");

  // 3. Period differences. A cumulative total to the end of a month minus the one to the end of the month before would
  // give a month's hidden cell: such runs of months are refused, so the attacker first tries them, then falls back on
  // the calendar periods that are published, each perturbed on its own: a quarter minus its other two months, a year
  // minus its other three quarters.
  for (const range of CUMULATIVE_RANGES) {
    const res = await app.inject({
      method: "POST",
      url: "/api/public/indicators",
      payload: { metrics: ["reports_total"], dimensions: ["category"], ...range },
    });
    if (res.statusCode === 200) result.rangesAnswered += 1;
  }
  for (const dim of ["category", "region", "gender", "age_group", "channel", "district"]) {
    const monthly = await both(["month", dim]);
    const quarterly = await both(["quarter", dim]);
    const yearly = await both([dim]);
    for (const [k, row] of monthly.pub) {
      if (!row.suppressed) continue;
      const [month = "", value = ""] = k.split("|");
      const quarter = quarterOf(month);
      const others = monthly.rows.filter(
        (r) =>
          r.dimensions[dim] === value &&
          r.dimensions.month !== month &&
          quarterOf(r.dimensions.month ?? "") === quarter,
      );
      const truths = [
        quarterly.truth.get(`${quarter}|${value}`),
        ...others.map((r) => monthly.truth.get(key(r, ["month", dim]))),
      ];
      attempt(count(monthly.truth.get(k)), quarterly.pub.get(`${quarter}|${value}`), others, truths.map(count));
    }
    for (const [k, row] of quarterly.pub) {
      if (!row.suppressed) continue;
      const [quarter = "", value = ""] = k.split("|");
      const others = quarterly.rows.filter((r) => r.dimensions[dim] === value && r.dimensions.quarter !== quarter);
      const truths = [yearly.truth.get(value), ...others.map((r) => quarterly.truth.get(key(r, ["quarter", dim])))];
      attempt(count(quarterly.truth.get(k)), yearly.pub.get(value), others, truths.map(count));
    }
  }
  return result;
}

const count = (r: Row | undefined) => r?.metrics.reports_total ?? 0;

/**
 * The chance that a difference of published counts is exact: that the parent's noise equals the sum of the parts'
 * noises, each drawn uniformly from its perturbation-table row (the cell keys of different cells are independent).
 */
export function exactChance([parent = 0, ...parts]: number[]): number {
  // The distribution of the sum of the parts' noises, then the chance the parent's noise lands on it.
  let sum = new Map<number, number>([[0, 1]]);
  for (const part of parts) {
    const row = ptableRow(part);
    const next = new Map<number, number>();
    for (const [s, p] of sum) for (const v of row) next.set(s + v, (next.get(s + v) ?? 0) + p / row.length);
    sum = next;
  }
  const row = ptableRow(parent);
  return row.reduce((p, v) => p + (sum.get(v) ?? 0) / row.length, 0);
}

/** Published cells of 20 or more, and how many of them are within 10 % of the truth. */
export function largeCells(published: AttackResult["published"]): { large: number; within: number; worst: number } {
  const large = published.filter((p) => p.truth >= 20);
  return {
    large: large.length,
    within: large.filter((p) => Math.abs(p.shown - p.truth) <= 0.1 * p.truth).length,
    worst: large.reduce((m, p) => Math.max(m, Math.abs(p.shown - p.truth) / p.truth), 0),
  };
}
