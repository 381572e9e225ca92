import type { IndicatorMetric } from "@openclm/contracts";

/**
 * Small-cell suppression for published aggregates (PRODUCT.md 3.4).
 *
 * Primary: a row is hidden when any count its requested metrics rest on is between 1 and threshold - 1 (a percentage
 * or a median over 3 people discloses as much as the count). Hidden rows lose every metric, not just one, so no
 * identity between metrics (total = pending + validated + declined) gives a value back.
 * Complementary: along every dimension, rows that share all other dimension values form a group whose total a reader
 * may know from a coarser query; a group with exactly one hidden row would let them subtract it back, so the visible
 * row with the smallest count in that group is hidden too, repeated until no group has a lone hidden row.
 */

export interface SuppressionRule {
  threshold: number;
  /** Higher thresholds per category code (rights and stigma by default). */
  categoryThresholds: Record<string, number>;
}

/** The counts each metric is computed from; a small one of these hides the row. */
export const metricBasis: Record<IndicatorMetric, string[]> = {
  reports_total: ["total"],
  reports_pending: ["pending"],
  reports_validated: ["validated"],
  reports_declined: ["declined"],
  reports_resolved: ["resolved"],
  reports_escalated: ["escalated"],
  reports_confirmed: ["confirmed"],
  reports_on_behalf: ["on_behalf"],
  pct_resolved: ["validated", "resolved"],
  pct_confirmed: ["resolved", "confirmed"],
  pct_on_behalf: ["total", "on_behalf"],
  per_1000_affected: ["validated"],
  coverage_pct: ["validated"],
  median_hours_to_first_response: ["n_first_response"],
  median_hours_to_validation: ["n_validation"],
  median_hours_to_resolution: ["n_resolution"],
};

export interface SuppressibleRow {
  dimensions: Record<string, string>;
  metrics: Record<string, number | null>;
  /** Counts behind the metrics (never published). */
  basis: Record<string, number>;
  suppressed?: boolean;
}

/** The threshold for a row: the strictest category it may contain. */
export function thresholdFor(row: SuppressibleRow, rule: SuppressionRule, filteredCategories: string[] | null): number {
  const category = row.dimensions.category ?? row.dimensions.subcategory?.split(".")[0];
  const categories = category ? [category] : (filteredCategories ?? Object.keys(rule.categoryThresholds));
  // With no category known the row may mix every category: the default applies, since the counts are not of one
  // sensitive category alone; a filter to sensitive categories raises it.
  if (!category && !filteredCategories) return rule.threshold;
  return Math.max(rule.threshold, ...categories.map((c) => rule.categoryThresholds[c] ?? rule.threshold));
}

const isSmall = (n: number, threshold: number) => n > 0 && n < threshold;

export function suppress<T extends SuppressibleRow>(
  rows: T[],
  metrics: IndicatorMetric[],
  dimensions: string[],
  rule: SuppressionRule,
  filteredCategories: string[] | null,
): T[] {
  const basis = [...new Set(metrics.flatMap((m) => metricBasis[m]))];
  const hidden = new Set<number>();
  rows.forEach((row, i) => {
    const t = thresholdFor(row, rule, filteredCategories);
    if (basis.some((b) => isSmall(row.basis[b] ?? 0, t))) hidden.add(i);
  });
  if (dimensions.length) complement(rows, dimensions, hidden, basis[0] ?? "total");
  return rows.map((row, i) =>
    hidden.has(i) ? { ...row, metrics: Object.fromEntries(metrics.map((m) => [m, null])), suppressed: true } : row,
  );
}

/** Hides one more row in every group (along each dimension) that has exactly one hidden row, until stable. */
function complement(rows: SuppressibleRow[], dimensions: string[], hidden: Set<number>, sizeKey: string): void {
  let changed = true;
  while (changed) {
    changed = false;
    for (const along of dimensions) {
      for (const members of groupsAlong(rows, dimensions, along)) {
        const lone = members.filter((i) => hidden.has(i));
        if (lone.length !== 1 || members.length < 2) continue;
        const candidates = members.filter((i) => !hidden.has(i));
        const smallest = candidates.reduce((a, b) =>
          (rows[a]?.basis[sizeKey] ?? 0) <= (rows[b]?.basis[sizeKey] ?? 0) ? a : b,
        );
        hidden.add(smallest);
        changed = true;
      }
    }
  }
}

/** Row indexes grouped by the values of every dimension except `along`. */
export function groupsAlong(rows: SuppressibleRow[], dimensions: string[], along: string): number[][] {
  const others = dimensions.filter((d) => d !== along);
  const groups = new Map<string, number[]>();
  rows.forEach((row, i) => {
    const key = others.map((d) => row.dimensions[d] ?? "").join("\u0000");
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  });
  return [...groups.values()];
}
