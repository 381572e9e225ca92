import type { IndicatorMetric, IndicatorResult, IndicatorRow } from "@openclm/contracts";
import type { TFunction } from "i18next";
import { numberFormat } from "../../shared/intl-format.js";
import { monthLabel } from "../../shared/month-label.js";
import type { Cell } from "./csv.js";
import { isMedian } from "./dashboard-queries.js";

type T = TFunction<"dashboard">;
/** For keys built from server codes, which may be outside the catalog (countries add their own). */
type LooseT = (key: string, opts?: Record<string, unknown>) => string;

const PERCENT = new Set<IndicatorMetric>(["pct_resolved", "pct_confirmed", "pct_on_behalf", "coverage_pct"]);
export const isPercent = (m: IndicatorMetric) => PERCENT.has(m);

/** A metric value as people read it: 1,234 · 78.4 % · 36 h · 8 days. */
export function formatMetric(t: T, lng: string, metric: IndicatorMetric, value: number): string {
  if (isPercent(metric)) {
    return numberFormat(lng, { style: "percent", maximumFractionDigits: 1 }).format(value / 100);
  }
  if (isMedian(metric)) {
    // Past two days, days read better than hours.
    if (value >= 48) return t("units.days", { value: formatNumber(lng, Math.round((value / 24) * 10) / 10) });
    return t("units.hours", { value: formatNumber(lng, value) });
  }
  return formatNumber(lng, value);
}

export const formatNumber = (lng: string, value: number) =>
  numberFormat(lng, { maximumFractionDigits: 1 }).format(value);

/** `2026-03` → "Mar 2026", `2026-Q1` → "Q1 2026", `2026` → "2026", in the UI language. */
export function periodLabel(t: T, lng: string, key: string): string {
  if (/^\d{4}-\d{2}$/.test(key)) return monthLabel(lng, key);
  const quarter = key.match(/^(\d{4})-Q([1-4])$/);
  if (quarter) return t("quarter", { q: quarter[2], year: quarter[1] });
  return key;
}

/** The display name of a dimension value: the server's labels (places, taxonomy), else the catalog, else the code. */
export function valueLabel(t: T, labels: IndicatorResult["labels"], dimension: string, value: string): string {
  const named = labels[dimension]?.[value];
  if (named) return named;
  return (t as unknown as LooseT)(`values.${dimension}.${value}`, { defaultValue: value });
}

/**
 * A metric of a row as a table cell: the value, "hidden (small number)", or a dash when there is none. The hidden label
 * names no bound: published values are perturbed, so the count behind a hidden cell may be a little above the
 * threshold, and a false "fewer than 10" would mislead (docs/disclosure-control.md).
 */
export function metricCell(t: T, lng: string, row: IndicatorRow | undefined, metric: IndicatorMetric): Cell {
  const value = row?.metrics[metric];
  if (row?.suppressed && (value === null || value === undefined)) {
    return { text: t("hidden"), value: null, hidden: true };
  }
  if (value === null || value === undefined) return { text: t("notAvailable"), value: null };
  return { text: formatMetric(t, lng, metric, value), value };
}
