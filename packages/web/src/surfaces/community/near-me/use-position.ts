import { useCallback, useState } from "preact/hooks";
import type { Position } from "./distance.js";

export type PositionState =
  | { status: "off" }
  | { status: "locating" }
  | { status: "on"; position: Position }
  | { status: "denied" | "unavailable" };

/**
 * The person's position, asked for only when they press "Use my location". It lives in this component's memory
 * only: not in the URL, not in storage, never in a request.
 */
export function usePosition() {
  const [state, setState] = useState<PositionState>({ status: "off" });
  const locate = useCallback(() => {
    if (!("geolocation" in navigator)) {
      setState({ status: "unavailable" });
      return;
    }
    setState({ status: "locating" });
    navigator.geolocation.getCurrentPosition(
      (p) => setState({ status: "on", position: { lat: p.coords.latitude, lng: p.coords.longitude } }),
      (err) => setState({ status: err.code === err.PERMISSION_DENIED ? "denied" : "unavailable" }),
      { enableHighAccuracy: false, timeout: 20_000, maximumAge: 300_000 },
    );
  }, []);
  const forget = useCallback(() => setState({ status: "off" }), []);
  return { state, locate, forget };
}
