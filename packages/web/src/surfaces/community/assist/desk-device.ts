/**
 * A facility desk's device (issue 23): a hint (`"1"`, no secret; the desk token is an HttpOnly cookie) that this device
 * was set up as a desk, so the app treats it as shared (no codes kept) and returns to a clean screen when idle.
 */
const KEY = "openclm.desk";
/** After this long without a touch or a key, the desk forgets the screen it was on (a visitor walked away). */
export const DESK_IDLE_MS = 2 * 60_000;
export const DESK_PATH = "/app/desk";

export function isDeskDevice(): boolean {
  try {
    return localStorage.getItem(KEY) === "1";
  } catch {
    return false;
  }
}

export function rememberDesk(on: boolean): void {
  try {
    if (on) localStorage.setItem(KEY, "1");
    else localStorage.removeItem(KEY);
  } catch {
    // storage disabled: the desk page asks the server each time
  }
}

/**
 * A clean screen: the draft, the sent screen and anything else of the visit in sessionStorage go. Reports still in the
 * outbox stay (offline): they are sent when the connection is back, and their content is wiped then.
 */
export function forgetDeskVisit(): void {
  try {
    sessionStorage.clear();
  } catch {
    // nothing stored
  }
}

/** Returns the desk to its start screen after DESK_IDLE_MS without input; call on every screen of a desk device. */
export function startDeskIdleTimer(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const reset = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      forgetDeskVisit();
      location.replace(DESK_PATH);
    }, DESK_IDLE_MS);
  };
  const events = ["pointerdown", "keydown", "input"] as const;
  for (const e of events) addEventListener(e, reset, { passive: true });
  reset();
  return () => {
    if (timer) clearTimeout(timer);
    for (const e of events) removeEventListener(e, reset);
  };
}
