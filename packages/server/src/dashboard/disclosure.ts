import { calendarPeriodOf, type IndicatorMetric, publicPeriodKinds } from "@openclm/contracts";
import { AppError } from "../platform/app-error.js";
import { KEY_SPACE } from "./contributions.sql.js";
import type { Counter, CounterRow } from "./indicators.repo.js";
import type { IndicatorInput } from "./indicators.service.js";
import { metricBasis } from "./suppression.js";

/**
 * Disclosure control for every aggregate that leaves the programme (docs/disclosure-control.md): the cell-key method
 * of ABS TableBuilder and ONS Cantabular, then small-cell suppression.
 *
 * Every report has a permanent random record key 0…65535 (`reports.record_key`). A published count's cell key is the
 * sum of the record keys of the reports it counts, modulo 65536 (kept in the cube, `indicator_cells.key_*`). The
 * perturbation table below turns (count, cell key) into a small noise: the same reports always get the same noise, in
 * every answer and every rerun, so asking again or in another shape averages nothing away, and the difference of two
 * answers is the hidden count plus two independent noises, not the hidden count.
 */

/**
 * The perturbation table, as a rule: a count i ≥ 1 moves by a noise v drawn uniformly from −D(i)…+D(i), where
 * D(i) = 6 below 20 (small cells are the ones differencing aims at), and from 20 on the largest whole noise within
 * 10 % of the count, between 2 and 10 (20–29: 2, 30–39: 3, …, 100 and more: 10). A difference of answers is exact
 * when its parts' noises cancel, about once in 2D + 1, so every row is as wide as the 10 % promise allows
 * (measured with `npm run bench:disclosure`, docs/disclosure-control.md). A count never moves to 0 or
 * below (those values are left out of its row). Zero stays zero. The cell key picks the noise: the row's values in
 * increasing order split [0, 1) into equal intervals and key / 65536 falls in one.
 */
export const PERTURBATION = { small: 6, smallBelow: 20, minNoise: 2, maxNoise: 10, relative: 0.1 } as const;

/** The noise bound of a count (the D of its p-table row). */
export function noiseBound(count: number): number {
  if (count <= 0) return 0;
  if (count < PERTURBATION.smallBelow) return PERTURBATION.small;
  return Math.min(PERTURBATION.maxNoise, Math.max(PERTURBATION.minNoise, Math.floor(count * PERTURBATION.relative)));
}

/** One row of the perturbation table: the noises a count can receive, in the order the cell key picks them. */
export function ptableRow(count: number): number[] {
  const d = noiseBound(count);
  const out: number[] = [];
  for (let v = Math.max(-d, 1 - count); v <= d; v++) out.push(v);
  return out.length ? out : [0];
}

/** The published value of a count with this cell key. */
export function perturb(count: number, cellKey: number): number {
  if (count <= 0) return count;
  const row = ptableRow(count);
  const at = Math.floor((((cellKey % KEY_SPACE) + KEY_SPACE) % KEY_SPACE) * (row.length / KEY_SPACE));
  return count + (row[Math.min(at, row.length - 1)] ?? 0);
}

/** Every counter of a row, perturbed by its own cell key (the keys never leave this function). */
export function perturbCounters(c: CounterRow): CounterRow {
  const out = { ...c };
  const counters: Counter[] = [
    "total",
    "pending",
    "validated",
    "declined",
    "resolved",
    "escalated",
    "confirmed",
    "on_behalf",
  ];
  for (const k of counters) {
    out[k] = perturb(c[k], c[`key_${k}`]);
    out[`key_${k}`] = 0;
  }
  return out;
}

/**
 * The metrics of a published row that must be hidden: those resting on a count that is, after perturbation, between 1
 * and the threshold − 1 (the rule applies to the published value, as ONS and the `ptable` package do). Medians rest on
 * the number of durations, which is compared unperturbed (it is never published). Only those metrics are hidden: a
 * large count beside a small one stays published, since hiding it would protect nothing and would read as if it were
 * small too. No complementary suppression: see docs/disclosure-control.md.
 */
export function smallMetrics(
  basis: Record<string, number>,
  metrics: IndicatorMetric[],
  threshold: number,
): IndicatorMetric[] {
  const small = (b: string) => {
    const n = basis[b] ?? 0;
    return n > 0 && n < threshold;
  };
  return metrics.filter((m) => metricBasis[m].some(small));
}

/**
 * What the public API (and anything else that publishes) allows: exactly one calendar month, quarter or year (never a
 * day range, nor a run of months such as February–November: the difference of two runs ending a month apart is the
 * month between them, and a suppressed month's cell is what such a difference aims at), and filters with one value
 * per dimension or none (a complement such as "every gender but one" is a different filter from its parts). Checked
 * before anything is read: a refused question learns nothing.
 */
export function checkPublishable(
  input: Pick<IndicatorInput, "from" | "to" | "filters" | "population" | "dateBasis"> &
    Partial<Pick<IndicatorInput, "dimensions">>,
): void {
  // A second placing of the same reports in time would let two published answers be differenced.
  if (input.dateBasis === "validated") {
    throw new AppError("PUBLIC_QUERY_NOT_ALLOWED", "Published figures are by date reported only", {
      rule: "date_basis",
    });
  }
  if (!calendarPeriodOf(input.from, input.to)) {
    throw new AppError(
      "PERIOD_NOT_CALENDAR",
      "Published figures cover one calendar month, one calendar quarter or one calendar year",
      { allowed: publicPeriodKinds },
    );
  }
  const dims = input.filters.map(([, d]) => d);
  if (input.filters.some(([, , values]) => values.length !== 1) || new Set(dims).size !== dims.length) {
    throw new AppError("PUBLIC_QUERY_NOT_ALLOWED", "Published figures take one value per filtered dimension", {
      rule: "one_value_per_filter",
    });
  }
  // Counts per peer supporter are for programme supervision, not for publication.
  if (input.filters.some(([, d]) => d === "assistant") || input.dimensions?.includes("assistant")) {
    throw new AppError("PUBLIC_QUERY_NOT_ALLOWED", "Counts per assisting account are not published", {
      rule: "dimension",
    });
  }
  if (input.population === "all") {
    throw new AppError("PUBLIC_QUERY_NOT_ALLOWED", "Only reports shared de-identified are published", {
      rule: "population",
    });
  }
}
