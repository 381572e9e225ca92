import type { TrackedReport } from "@openclm/contracts";
import { useEffect, useState } from "preact/hooks";
import { ApiError } from "../../../api/client.js";
import { sendJson } from "../outbox/report-api.js";

export interface TrackedState {
  report: TrackedReport | null;
  error: ApiError | null;
  loading: boolean;
}

/**
 * A call about one report. The code is a secret (whoever holds it reads the conversation and may answer), so it goes
 * in the body: never in a URL, where browser history, server logs and proxies would keep it.
 */
export function trackCall<T>(
  code: string,
  action: "" | "messages" | "confirmation" | "consent" | "erase",
  body: object = {},
): Promise<T> {
  return sendJson<T>(action ? `/reports/track/${action}` : "/reports/track", { ...body, trackingCode: code });
}

/** The reporter's view of one report; `reload()` fetches it again, `set()` takes a fresh copy from a write. */
export function useTrackedReport(code: string) {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<TrackedState>({ report: null, error: null, loading: true });
  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    trackCall<TrackedReport>(code, "").then(
      (report) => current && setState({ report, error: null, loading: false }),
      (err: unknown) => {
        if (!current) return;
        setState((s) => ({
          report: s.report,
          error: err instanceof ApiError ? err : new ApiError(0, "NETWORK", ""),
          loading: false,
        }));
      },
    );
    return () => {
      current = false;
    };
  }, [code, attempt]);
  return {
    ...state,
    reload: () => setAttempt((n) => n + 1),
    set: (report: TrackedReport) => setState({ report, error: null, loading: false }),
  };
}
