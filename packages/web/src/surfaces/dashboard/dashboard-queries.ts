import type { IndicatorDimension, IndicatorFilter, IndicatorMetric, IndicatorQuery } from "@openclm/contracts";
import { breakdownDimensions, medianMetrics, timeDimensions } from "@openclm/contracts/constants";
import type { DashboardFilters } from "./dashboard-filters.js";

/** What the area filter needs to know about an area: regions filter by `region`, districts by `district`. */
export interface AreaRef {
  id: string;
  level: number;
  isLeaf: boolean;
}

/** The API filters for the dashboard's filter bar. */
export function apiFilters(f: DashboardFilters, areas: readonly AreaRef[]): IndicatorFilter[] {
  const out: IndicatorFilter[] = [];
  const area = areas.find((a) => a.id === f.areaId);
  if (area && area.level > 0) out.push(["is", area.isLeaf ? "district" : "region", [area.id]]);
  if (f.subcategory) out.push(["is", "subcategory", [f.subcategory]]);
  else if (f.category) out.push(["is", "category", [f.category]]);
  if (f.reporterMode) out.push(["is", "reporter_mode", [f.reporterMode]]);
  if (f.channel) out.push(["is", "channel", [f.channel]]);
  return out;
}

// The server's rules (dashboard/indicators.service.ts planQuery), checked here so an impossible view says so
// instead of showing an error.
const MEDIAN_DIMENSIONS = new Set<string>([...timeDimensions, "region", "district", "category", "reporter_mode"]);
const isMedian = (m: IndicatorMetric) => (medianMetrics as readonly string[]).includes(m);
const isBreakdown = (d: string) => (breakdownDimensions as readonly string[]).includes(d);

function dimensionsUsed(dimensions: readonly IndicatorDimension[], filters: readonly IndicatorFilter[]): string[] {
  return [...new Set([...dimensions, ...filters.map(([, d]) => d)])];
}

/** Whether medians can be asked with these dimensions and filters. */
export function mediansAllowed(dimensions: readonly IndicatorDimension[], filters: readonly IndicatorFilter[]) {
  return dimensionsUsed(dimensions, filters).every((d) => MEDIAN_DIMENSIONS.has(d));
}

/** Whether the server can answer: at most one breakdown dimension, medians only by time, place and category. */
export function canAsk(q: Pick<IndicatorQuery, "metrics" | "dimensions" | "filters">): boolean {
  const used = dimensionsUsed(q.dimensions ?? [], q.filters ?? []);
  if (used.filter(isBreakdown).length > 1) return false;
  return !q.metrics.some(isMedian) || mediansAllowed(q.dimensions ?? [], q.filters ?? []);
}

/** Drops the median metrics a query cannot carry (the rest of the view still shows). */
export function withoutImpossibleMedians(
  metrics: readonly IndicatorMetric[],
  dimensions: readonly IndicatorDimension[],
  filters: readonly IndicatorFilter[],
): IndicatorMetric[] {
  return mediansAllowed(dimensions, filters) ? [...metrics] : metrics.filter((m) => !isMedian(m));
}

export { isMedian };
