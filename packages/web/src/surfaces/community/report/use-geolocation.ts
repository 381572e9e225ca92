import { useState } from "preact/hooks";

export type LocateState = "idle" | "locating" | "failed";

/**
 * One-off position for "use my location". The position goes into the draft only, is sent as `position` (the server
 * turns it into a district and does not keep it) and is dropped from the device with the rest of the report.
 */
export function useLocate(onPosition: (p: { lat: number; lng: number }) => void) {
  const [state, setState] = useState<LocateState>("idle");
  const locate = () => {
    if (!("geolocation" in navigator)) {
      setState("failed");
      return;
    }
    setState("locating");
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setState("idle");
        // About 100 m is plenty to find a district.
        const round = (n: number) => Math.round(n * 1000) / 1000;
        onPosition({ lat: round(pos.coords.latitude), lng: round(pos.coords.longitude) });
      },
      () => setState("failed"),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 60_000 },
    );
  };
  return { state, locate };
}
