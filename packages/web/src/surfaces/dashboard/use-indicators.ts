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
  const query = {
    metrics,
    dimensions,
    filters: [...view.apiFilters, ...extraFilters],
    from: view.period.from,
    to: view.period.to,
    lang: view.contentLang,
    ...(top ? { top } : {}),
    ...(dateBasis === "validated" ? { dateBasis } : {}),
  };
  const key = JSON.stringify(query);
  const possible = metrics.length > 0 && canAsk(query);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<IndicatorState>({ status: "loading" });
  useEffect(() => {
    if (!possible) {
      setState({ status: "impossible" });
      return;
    }
    let live = true;
    setState((s) => (s.status === "ready" ? { ...s, refreshing: true } : { status: "loading" }));
    queryIndicators(view.source, query).then(
      (result) => live && setState({ status: "ready", result, refreshing: false }),
      (error: ApiError | Error) => live && setState({ status: "error", error, retry: () => setAttempt((n) => n + 1) }),
    );
    return () => {
      live = false;
    };
  }, [key, possible, view.source, attempt]);

  return state;
}
