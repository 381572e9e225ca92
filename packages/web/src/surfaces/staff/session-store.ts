import type { Me } from "@openclm/contracts";
import { useEffect, useState } from "preact/hooks";
import { ApiError } from "../../api/client.js";
import { auth, setSessionLostHandler } from "../../api/staff-client.js";

/**
 * The signed-in staff member, shared by every staff surface (the shell remounts on each route, the session does
 * not). `signed-out` carries why: an ended session or the idle lock get a sentence on the sign-in form.
 */
export type SessionState =
  | { status: "loading" }
  | { status: "signed-out"; reason?: "expired" | "locked" | "signed-out" }
  | { status: "error"; error: ApiError }
  | { status: "signed-in"; me: Me };

/**
 * A hint (not a secret: the session cookie is HttpOnly) that this browser may hold a staff session. Without it the
 * sign-in form shows at once, instead of asking /api/me for a 401 that the console reports as an error.
 */
const HINT_KEY = "openclm.staffSession";

function forgetPeerSupporter(): void {
  try {
    localStorage.removeItem("openclm.assist");
  } catch {
    // storage disabled: nothing was kept
  }
}
function hint(on?: boolean): boolean {
  try {
    if (on === true) localStorage.setItem(HINT_KEY, "1");
    else if (on === false) localStorage.removeItem(HINT_KEY);
    return localStorage.getItem(HINT_KEY) === "1";
  } catch {
    return true; // Storage disabled: always ask the server.
  }
}

let state: SessionState = { status: "loading" };
let loading: Promise<void> | null = null;
const listeners = new Set<(s: SessionState) => void>();

function set(next: SessionState): void {
  state = next;
  if (next.status === "signed-in" || next.status === "signed-out") hint(next.status === "signed-in");
  // Signing out on purpose ends reporting for others on this device; an expired session does not (assist-role.ts).
  if (next.status === "signed-out" && next.reason === "signed-out") forgetPeerSupporter();
  for (const l of listeners) l(state);
}

export function loadSession(): Promise<void> {
  if (!loading && !hint()) {
    set({ status: "signed-out" });
    return Promise.resolve();
  }
  loading ??= auth.me().then(
    (me) => set({ status: "signed-in", me }),
    (err: unknown) => {
      loading = null;
      if (err instanceof ApiError && err.status === 401) set({ status: "signed-out" });
      else set({ status: "error", error: err instanceof ApiError ? err : new ApiError(0, "NETWORK", String(err)) });
    },
  );
  return loading;
}

export function signedIn(me: Me): void {
  loading = Promise.resolve();
  set({ status: "signed-in", me });
}

/** Leaves the session on this device (or on all of them); the form comes back either way. */
export async function signOut(reason: "signed-out" | "locked" = "signed-out", everywhere = false): Promise<void> {
  try {
    await (everywhere ? auth.logoutAll() : auth.logout());
  } catch {
    // Offline or already gone: the server ends idle sessions itself.
  }
  loading = null;
  set({ status: "signed-out", reason });
}

setSessionLostHandler(() => {
  if (state.status === "signed-in") {
    loading = null;
    set({ status: "signed-out", reason: "expired" });
  }
});

export function useSession(): SessionState {
  const [current, setCurrent] = useState(state);
  useEffect(() => {
    listeners.add(setCurrent);
    setCurrent(state);
    if (state.status === "loading") void loadSession();
    return () => {
      listeners.delete(setCurrent);
    };
  }, []);
  return current;
}

/** The signed-in member, for components rendered inside the shell (which renders them only when signed in). */
export function useMe(): Me {
  const s = useSession();
  if (s.status !== "signed-in") throw new Error("useMe outside a signed-in staff shell");
  return s.me;
}

export function hasPermission(me: Me, permission: string): boolean {
  return me.permissions.includes(permission);
}
