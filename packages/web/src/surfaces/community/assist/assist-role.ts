/**
 * Whether a peer supporter works on this device (a hint, `"staff"` only; no secret). It outlives the staff session on
 * purpose: a peer supporter signs in once and then reports for people for days without a connection, and their
 * session may expire meanwhile; the outbox keeps those reports until they sign in again (outbox-sender.ts). Only an
 * explicit sign-out clears it (staff session-store.ts), as a shared phone then needs.
 */
const KEY = "openclm.assist";

export function isPeerSupporterDevice(): boolean {
  try {
    return localStorage.getItem(KEY) === "staff";
  } catch {
    return false;
  }
}

export function rememberPeerSupporter(on: boolean): void {
  try {
    if (on) localStorage.setItem(KEY, "staff");
    else localStorage.removeItem(KEY);
  } catch {
    // storage disabled: the choice shows while online and signed in
  }
}

/** Where a peer supporter signs in again (the staff sign-in), coming back to the app afterwards (surface-access.ts). */
export { STAFF_SIGN_IN_HREF } from "../../staff/surface-access.js";
