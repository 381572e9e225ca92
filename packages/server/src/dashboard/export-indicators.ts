import type { IndicatorResult } from "@openclm/contracts";
import { stringify } from "csv-stringify/sync";
import type { IndicatorInput } from "./indicators.service.js";

/** `exportIndicators`: the rows of a query as CSV — one column per dimension (plus its name), one per metric. */
export function indicatorsCsv(input: IndicatorInput, result: IndicatorResult): string {
  const named = input.dimensions.filter((d) => result.labels[d]);
  const header = [...input.dimensions, ...named.map((d) => `${d}_name`), ...input.metrics];
  const lines = result.rows.map((row) => [
    ...input.dimensions.map((d) => row.dimensions[d] ?? ""),
    ...named.map((d) => result.labels[d]?.[row.dimensions[d] ?? ""] ?? ""),
    ...input.metrics.map((m) => (row.metrics[m] === null || row.metrics[m] === undefined ? "" : row.metrics[m])),
  ]);
  return stringify([header, ...lines]);
}
