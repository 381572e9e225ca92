import type { IndicatorMetric } from "@openclm/contracts";

/**
 * Small-cell suppression for published aggregates (PRODUCT.md 3.4), applied after cell-key perturbation
 * (disclosure.ts): a metric is hidden when any count it rests on is, as published, between 1 and threshold - 1 (a
 * percentage or a median over 3 people discloses as much as the count). The row is then marked `suppressed`; its
 * other metrics, resting on large counts only, stay published. Complementary suppression was replaced by perturbation: it protected one answer while any
 * other answer undid it (docs/disclosure-control.md).
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
