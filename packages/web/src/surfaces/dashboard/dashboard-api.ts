import type { ApiResponse, IndicatorQuery, IndicatorResult } from "@openclm/contracts";
import { apiUrl, callApi } from "../../api/client.js";
import { staffApi } from "../../api/staff-client.js";

/**
 * The dashboard is a client of the same indicator API everyone else uses: signed-in staff ask within their scope,
 * the public view asks the public endpoint, which suppresses small cells on the server.
 */
export type Source = "staff" | "public";

export function queryIndicators(source: Source, query: IndicatorQuery): Promise<IndicatorResult> {
  return source === "staff"
    ? staffApi("POST /dashboard/indicators", { body: query })
    : callApi("POST /public/indicators", { body: query });
}

export type TargetItem = ApiResponse<"GET /dashboard/targets">["items"][number];
export type BenchmarkSeries = ApiResponse<"GET /dashboard/benchmarks">["series"][number];

/** Targets beside the actual: optional, so any failure (not set up, no permission) shows the chart without them. */
export function fetchTargets(period: { from: string; to: string }, areaId: string): Promise<TargetItem[]> {
  return staffApi("GET /dashboard/targets", { query: { ...period, areaId: areaId || undefined } }).then(
    (r) => r.items,
    () => [],
  );
}

/** Imported benchmark series; optional like targets. */
export function fetchBenchmarks(): Promise<BenchmarkSeries[]> {
  return staffApi("GET /dashboard/benchmarks", {}).then(
    (r) => r.series,
    () => [],
  );
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
