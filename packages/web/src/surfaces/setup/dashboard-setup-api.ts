import type { BenchmarkSeries, CsvRowError, ErrorEnvelope, IndicatorMetric, PutTargetBody } from "@openclm/contracts";
import { ApiError, apiUrl } from "../../api/client.js";
import { staffApi } from "../../api/staff-client.js";

/** A refused CSV import, with every bad row the server found. */
export class ImportRefused extends ApiError {
  constructor(
    status: number,
    code: ApiError["code"],
    message: string,
    readonly rows: CsvRowError[],
  ) {
    super(status, code, message);
  }
}

export const targetsApi = {
  /** Every target in a calendar year that the signed-in person sees. */
  listYear: (year: number) =>
    staffApi("GET /dashboard/targets", { query: { from: `${year}-01-01`, to: `${year}-12-31` } }),
  put: (body: PutTargetBody) => staffApi("PUT /setup/targets", { body }),
  remove: (id: string) => staffApi("DELETE /setup/targets/:id", { params: { id } }),
};

export const benchmarksApi = {
  list: () => staffApi("GET /dashboard/benchmarks", {}),
  remove: (id: string) => staffApi("DELETE /setup/benchmarks/:id", { params: { id } }),
  /** The body is the file itself (text/csv), so this is the one call that is not JSON (no apiRoutes entry). */
  async importCsv(name: string, metric: IndicatorMetric, csv: string): Promise<BenchmarkSeries> {
    let res: Response;
    try {
      res = await fetch(apiUrl("/setup/benchmarks", { name, metric }), {
        method: "POST",
        headers: { Accept: "application/json", "Content-Type": "text/csv" },
        body: csv,
        credentials: "same-origin",
      });
    } catch {
      throw new ApiError(0, "NETWORK", "The server could not be reached");
    }
    const data: unknown = await res.json().catch(() => null);
    if (res.ok) return data as BenchmarkSeries;
    const error = (data as ErrorEnvelope | null)?.error;
    const code = error?.code ?? (res.status >= 500 ? "INTERNAL" : "VALIDATION_FAILED");
    const rows = Array.isArray(error?.details) && error.details.every(isRowError) ? error.details : [];
    throw new ImportRefused(res.status, code, error?.message ?? res.statusText, rows);
  },
};

function isRowError(d: unknown): d is CsvRowError {
  return !!d && typeof d === "object" && "row" in d && "problem" in d;
}
