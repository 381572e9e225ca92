import { useEffect } from "preact/hooks";

const activityEvents = ["keydown", "pointerdown", "wheel", "touchstart", "input"] as const;

/**
 * Calls `onIdle` after `minutes` without keyboard, pointer or touch input (the server ends the session on its own
 * clock as well; this makes the screen follow, so a shared computer never stays open on a case).
 */
export function useIdleLock(minutes: number | null, onIdle: () => void): void {
  useEffect(() => {
    if (!minutes || minutes <= 0) return;
    const limit = minutes * 60_000;
    let last = Date.now();
    const touch = () => {
      last = Date.now();
    };
    for (const e of activityEvents) addEventListener(e, touch, { passive: true, capture: true });
    // A coarse check survives sleeping laptops and throttled background tabs, unlike one long timer.
    const timer = setInterval(
      () => {
        if (Date.now() - last >= limit) onIdle();
      },
      Math.min(15_000, limit),
    );
    return () => {
      clearInterval(timer);
      for (const e of activityEvents) removeEventListener(e, touch, { capture: true });
    };
  }, [minutes, onIdle]);
}
