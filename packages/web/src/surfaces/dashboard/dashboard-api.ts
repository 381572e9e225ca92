import type { IndicatorMetric, IndicatorQuery, IndicatorResult } from "@openclm/contracts";
import { apiGet, apiUrl } from "../../api/client.js";
import { apiSend, staffGet, staffSend } from "../../api/staff-client.js";

/**
 * The dashboard is a client of the same indicator API everyone else uses: signed-in staff ask within their scope,
 * the public view asks the public endpoint, which suppresses small cells on the server.
 */
export type Source = "staff" | "public";

export function queryIndicators(source: Source, query: IndicatorQuery): Promise<IndicatorResult> {
  return source === "staff"
    ? staffSend<IndicatorResult>("POST", "/dashboard/indicators", query)
    : apiSend<IndicatorResult>("POST", "/public/indicators", query);
}

export interface TargetItem {
  metric: IndicatorMetric;
  periodStart: string;
  periodType: "month" | "quarter" | "year";
  areaId: string | null;
  value: number;
}
export interface BenchmarkSeries {
  id: string;
  name: string;
  metric: IndicatorMetric;
  points: { period: string; areaId: string | null; value: number }[];
}

/** Targets beside the actual: optional, so any failure (not set up, no permission) shows the chart without them. */
export function fetchTargets(period: { from: string; to: string }, areaId: string): Promise<TargetItem[]> {
  return staffGet<{ items: TargetItem[] }>("/dashboard/targets", { ...period, areaId: areaId || undefined }).then(
    (r) => r.items,
    () => [],
  );
}

/** Imported benchmark series; optional like targets. */
export function fetchBenchmarks(): Promise<BenchmarkSeries[]> {
  return staffGet<{ series: BenchmarkSeries[] }>("/dashboard/benchmarks").then(
    (r) => r.series,
    () => [],
  );
}

export interface BoundaryFeature {
  type: "Feature";
  properties: { id: string; code: string; level: number };
  geometry: { type: "Polygon" | "MultiPolygon"; coordinates: unknown[] };
}
export interface Boundaries {
  type: "FeatureCollection";
  features: BoundaryFeature[];
}

const boundaryCache = new Map<number, Promise<Boundaries>>();

/** Area boundaries of one level (GeoJSON), fetched once per visit. */
export function fetchBoundaries(level: number): Promise<Boundaries> {
  let p = boundaryCache.get(level);
  if (!p) {
    p = apiGet<Boundaries>("/areas/boundaries", { level });
    p.catch(() => boundaryCache.delete(level));
    boundaryCache.set(level, p);
  }
  return p;
}

/** Links the browser downloads directly (the server streams them with a file name). */
export const exportLinks = {
  reports: (q: { from: string; to: string; areaId: string; categoryCode: string }) =>
    apiUrl("/dashboard/reports/export", {
      from: q.from,
      to: q.to,
      areaId: q.areaId || undefined,
      categoryCode: q.categoryCode || undefined,
    }),
  factsheet: (q: { from: string; to: string; areaId: string; lang: string }) =>
    apiUrl("/dashboard/factsheet", { from: q.from, to: q.to, areaId: q.areaId || undefined, lang: q.lang }),
};
