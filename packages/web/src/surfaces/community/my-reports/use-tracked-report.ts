import type { ApiRequest, ApiResponse, TrackedReport } from "@openclm/contracts";
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
export function trackCall<A extends keyof TrackRoutes>(
  code: string,
  action: A,
  ...[body]: object extends TrackBody<A> ? [body?: TrackBody<A>] : [body: TrackBody<A>]
): Promise<ApiResponse<TrackRoutes[A]>> {
  const route = (action ? `POST /reports/track/${action}` : "POST /reports/track") as TrackRoutes[A];
  // The caller's part was checked against the route's body above; TypeScript cannot follow the code added to it.
  return sendJson<TrackRoutes[A]>(route, { ...body, trackingCode: code } as never);
}

interface TrackRoutes {
  "": "POST /reports/track";
  messages: "POST /reports/track/messages";
  confirmation: "POST /reports/track/confirmation";
  consent: "POST /reports/track/consent";
  erase: "POST /reports/track/erase";
  push: "POST /reports/track/push";
  "push/remove": "POST /reports/track/push/remove";
}
/** What a call sends besides the code, which trackCall adds. */
type TrackBody<A extends keyof TrackRoutes> = Omit<ApiRequest<TrackRoutes[A]>["body"], "trackingCode">;

/** The reporter's view of one report; `reload()` fetches it again, `set()` takes a fresh copy from a write. */
export function useTrackedReport(code: string) {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<TrackedState>({ report: null, error: null, loading: true });
  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    trackCall(code, "").then(
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
