import type { Facility, FacilityType } from "@openclm/contracts";
import { useEffect, useState } from "preact/hooks";
import { ApiError, callApi, isAbort } from "../../../api/client.js";
import { contentLanguageFor } from "../../../i18n/i18n.js";

export interface FacilitiesState {
  items: Facility[] | null;
  error: ApiError | null;
  loading: boolean;
}

/**
 * Facilities in an area (and optionally of one type), in the UI language; nothing until an area is chosen. `"all"`:
 * the whole country's list (small), for sorting by distance on the phone; the request never names a position.
 */
export function useFacilities(
  areaId: string | undefined | "all",
  type: FacilityType | undefined,
  lng: string,
  attempt: number,
) {
  const [state, setState] = useState<FacilitiesState>({ items: null, error: null, loading: false });
  useEffect(() => {
    if (!areaId) {
      setState({ items: null, error: null, loading: false });
      return;
    }
    const ctrl = new AbortController();
    setState((s) => ({ ...s, error: null, loading: true }));
    const query = { areaId: areaId === "all" ? undefined : areaId, type, lang: contentLanguageFor(lng) };
    callApi("GET /facilities", { query }, { signal: ctrl.signal })
      .then((res) => setState({ items: res.items, error: null, loading: false }))
      .catch((err: unknown) => {
        if (isAbort(err)) return;
        setState({
          items: null,
          error: err instanceof ApiError ? err : new ApiError(0, "NETWORK", ""),
          loading: false,
        });
      });
    return () => ctrl.abort();
  }, [areaId, type, lng, attempt]);
  return state;
}
