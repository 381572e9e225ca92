import { useEffect, useState } from "preact/hooks";
import { callApi } from "../../../api/client.js";

/**
 * Whether a peer supporter is signed in on this browser (staff sign-in, cookie shared on the origin): they may report
 * for someone else. Anyone else (no session, offline) reports for themselves.
 */
export function usePeerSupporter(): boolean {
  const [peer, setPeer] = useState(false);
  useEffect(() => {
    // The staff shell leaves this hint when someone signs in here; without it, asking /api/me would only log a 401.
    if (!mayHoldStaffSession()) return;
    const ctrl = new AbortController();
    callApi("GET /me", {}, { signal: ctrl.signal }).then(
      (me) => setPeer(me.role === "peer_supporter"),
      () => setPeer(false),
    );
    return () => ctrl.abort();
  }, []);
  return peer;
}

function mayHoldStaffSession(): boolean {
  try {
    return localStorage.getItem("openclm.staffSession") === "1";
  } catch {
    return true;
  }
}
