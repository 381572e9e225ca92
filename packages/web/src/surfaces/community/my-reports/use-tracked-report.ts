import type { TrackedReport } from "@openclm/contracts";
import { useEffect, useState } from "preact/hooks";
import { ApiError, apiGet, isAbort } from "../../../api/client.js";

export interface TrackedState {
  report: TrackedReport | null;
  error: ApiError | null;
  loading: boolean;
}

export function trackPath(code: string, rest = ""): string {
  return `/reports/track/${encodeURIComponent(code)}${rest}`;
}

/** The reporter's view of one report; `reload()` fetches it again, `set()` takes a fresh copy from a write. */
export function useTrackedReport(code: string) {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<TrackedState>({ report: null, error: null, loading: true });
  useEffect(() => {
    const ctrl = new AbortController();
    setState((s) => ({ ...s, loading: true, error: null }));
    apiGet<TrackedReport>(trackPath(code), undefined, { signal: ctrl.signal }).then(
      (report) => setState({ report, error: null, loading: false }),
      (err: unknown) => {
        if (isAbort(err)) return;
        setState((s) => ({
          report: s.report,
          error: err instanceof ApiError ? err : new ApiError(0, "NETWORK", ""),
          loading: false,
        }));
      },
    );
    return () => ctrl.abort();
  }, [code, attempt]);
  return {
    ...state,
    reload: () => setAttempt((n) => n + 1),
    set: (report: TrackedReport) => setState({ report, error: null, loading: false }),
  };
}
