import type {
  DateBasis,
  IndicatorDimension,
  IndicatorFilter,
  IndicatorMetric,
  IndicatorQuery,
  IndicatorResult,
} from "@openclm/contracts";
import { createContext } from "preact";
import { useContext, useEffect, useState } from "preact/hooks";
import type { ApiError } from "../../api/client.js";
import { queryIndicators, type Source } from "./dashboard-api.js";
import type { DashboardFilters } from "./dashboard-filters.js";
import { canAsk } from "./dashboard-queries.js";

/** What every panel of one dashboard view shares: where to ask, the period, the filters and the answer language. */
export interface DashboardView {
  source: Source;
  filters: DashboardFilters;
  period: { from: string; to: string };
  apiFilters: IndicatorFilter[];
  /** Language the server names places and topics in. */
  contentLang: string;
  set(next: Partial<DashboardFilters>): void;
}

export const DashboardContext = createContext<DashboardView | null>(null);

export function useDashboard(): DashboardView {
  const view = useContext(DashboardContext);
  if (!view) throw new Error("useDashboard outside a dashboard view");
  return view;
}

export type IndicatorState =
  | { status: "loading" }
  | { status: "impossible" }
  | { status: "error"; error: ApiError | Error; retry(): void }
  /** `refreshing`: the previous answer stays on screen while a changed query is on its way. */
  | { status: "ready"; result: IndicatorResult; refreshing: boolean };

/**
 * Runs one indicator query for the current view and re-runs it when the view changes. A query the server cannot
 * answer (two breakdowns, medians by channel) is not sent: the panel says so. Answers to superseded queries are
 * dropped.
 */
export function useIndicators(
  metrics: IndicatorMetric[],
  dimensions: IndicatorDimension[] = [],
  extraFilters: IndicatorFilter[] = [],
  top?: IndicatorQuery["top"],
  dateBasis: DateBasis = "reported",
): IndicatorState {
  const view = useDashboard();
  return useIndicatorsOver([view.period], metrics, dimensions, extraFilters, top, dateBasis);
}

/** One answer made of several periods' rows (a trend across a year end: one calendar year per query). */
function merged(results: IndicatorResult[]): IndicatorResult {
  const [first, ...rest] = results as [IndicatorResult, ...IndicatorResult[]];
  const rows = [...first.rows];
  const labels: IndicatorResult["labels"] = { ...first.labels };
  let asOf = first.asOf;
  for (const r of rest) {
    rows.push(...r.rows);
    for (const [d, names] of Object.entries(r.labels)) labels[d] = { ...labels[d], ...names };
    if (r.asOf < asOf) asOf = r.asOf;
  }
  return { ...first, rows, labels, asOf };
}

/**
 * The same query over each of `periods`, answered as one: the public trend asks each calendar year it spans with a
 * time dimension (the public API takes one calendar month, quarter or year), so the periods' rows never overlap.
 */
export function useIndicatorsOver(
  periods: { from: string; to: string }[],
  metrics: IndicatorMetric[],
  dimensions: IndicatorDimension[] = [],
  extraFilters: IndicatorFilter[] = [],
  top?: IndicatorQuery["top"],
  dateBasis: DateBasis = "reported",
): IndicatorState {
  const view = useDashboard();
  const queries = periods.map((p) => ({
    metrics,
    dimensions,
    filters: [...view.apiFilters, ...extraFilters],
    from: p.from,
    to: p.to,
    lang: view.contentLang,
    ...(top ? { top } : {}),
    ...(dateBasis === "validated" ? { dateBasis } : {}),
  }));
  const query = queries[0] ?? { metrics, dimensions, filters: view.apiFilters };
  const key = JSON.stringify(queries);
  const possible = periods.length > 0 && metrics.length > 0 && canAsk(query);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<IndicatorState>({ status: "loading" });
  useEffect(() => {
    if (!possible) {
      setState({ status: "impossible" });
      return;
    }
    let live = true;
    setState((s) => (s.status === "ready" ? { ...s, refreshing: true } : { status: "loading" }));
    Promise.all(queries.map((q) => queryIndicators(view.source, q))).then(
      (results) => live && setState({ status: "ready", result: merged(results), refreshing: false }),
      (error: ApiError | Error) => live && setState({ status: "error", error, retry: () => setAttempt((n) => n + 1) }),
    );
    return () => {
      live = false;
    };
  }, [key, possible, view.source, attempt]);

  return state;
}
