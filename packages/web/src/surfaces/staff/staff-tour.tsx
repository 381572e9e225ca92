import type { Me } from "@openclm/contracts";
import type { ComponentType } from "preact";
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { MAIN_ID } from "../../shared/skip-link.js";

/**
 * A short tour of a staff screen (issue 25; ADR 0025): a few steps, each pointing at a real element of the screen.
 * It opens by itself the first time a member comes to the screen on this device, and again from the header's
 * "Take the tour" button beside Help. It is a non-modal dialog: focus moves into each step, Escape or "Close the tour"
 * ends it, and focus goes back to where it was.
 */
export type TourId = "inbox" | "setup";

type Step = "queue" | "search" | "filters" | "training" | "help" | "checklist" | "sections" | "nav";

/** Each step names the element it points at by a selector of the screen's own markup; absent elements are skipped. */
export const tours: Record<TourId, { step: Step; target: string }[]> = {
  inbox: [
    { step: "queue", target: ".inbox__queue" },
    { step: "search", target: ".queue-search" },
    { step: "filters", target: ".queue-filters" },
    // Not for trainee accounts: their inbox has no switch, it is always the training view.
    { step: "training", target: ".inbox__training-switch" },
    { step: "help", target: ".help-tour" },
  ],
  setup: [
    { step: "checklist", target: ".checklist" },
    { step: "sections", target: ".setup-cards" },
    { step: "nav", target: ".setup-nav" },
    { step: "help", target: ".help-tour" },
  ],
};

/** The tour of the screen at `path` for this member, if there is one: the inbox queue, and Set-up's overview. */
export function tourFor(path: string, me: Me | null): TourId | null {
  if (!me) return null;
  const clean = path.replace(/\/+$/, "");
  if (clean === "/inbox" || /^\/inbox\/[0-9a-f-]{36}$/.test(clean)) return "inbox";
  if (clean === "/setup" && me.permissions.includes("setup:manage")) return "setup";
  return null;
}

/**
 * Tours this device has shown, by id (`openclm.tours`): nothing about the person, as with the community app's hints
 * (ADR 0007). Per device rather than per account: no server state for a convenience, and a member on a new device sees
 * a tour once more, which costs one click.
 */
export const TOURS_STORE = "openclm.tours";

function seenTours(): string[] {
  try {
    const ids = JSON.parse(localStorage.getItem(TOURS_STORE) ?? "[]") as unknown;
    return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

export function tourSeen(id: TourId): boolean {
  return seenTours().includes(id);
}

function markSeen(id: TourId): void {
  try {
    localStorage.setItem(TOURS_STORE, JSON.stringify([...new Set([...seenTours(), id])]));
  } catch {
    // storage full or refused: the tour may open again next visit
  }
}

/** The element a step points at, if it is on the screen and shown (a phone's inbox hides the queue behind a report). */
export function shown(selector: string): Element | null {
  const el = document.querySelector(selector);
  return el && el.getClientRects().length > 0 ? el : null;
}

/** Calls `ready` once the tour's first element is on the screen (the inbox draws its queue after loading). */
function whenReady(id: TourId, ready: () => void): () => void {
  const first = tours[id][0]?.target ?? "body";
  const present = () => shown(first) !== null;
  if (present()) {
    ready();
    return () => {};
  }
  const observer = new MutationObserver(() => {
    if (!present()) return;
    observer.disconnect();
    ready();
  });
  observer.observe(document.body, { childList: true, subtree: true });
  return () => observer.disconnect();
}

/** The tour's state for the shell: opens by itself once per device, or on request. */
export function useTour(id: TourId | null) {
  const [open, setOpen] = useState<TourId | null>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (!id || tourSeen(id)) return;
    return whenReady(id, () => setOpen(id));
  }, [id]);
  const start = useCallback(() => {
    if (!id) return;
    returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setOpen(id);
  }, [id]);
  const close = useCallback(() => {
    if (open) markSeen(open);
    setOpen(null);
    const back = returnTo.current?.isConnected ? returnTo.current : document.getElementById(MAIN_ID);
    returnTo.current = null;
    back?.focus();
  }, [open]);
  return { open, start, close };
}

type StepProps = { id: TourId; onClose: () => void };

/**
 * The tour's dialog, loaded when a tour opens (staff-tour-step.tsx): most visits to a staff screen show no tour, and
 * the staff shell is on the public dashboard's first load too, which has a JavaScript budget (issue 21).
 */
export function StaffTour(props: StepProps) {
  const [Step, setStep] = useState<ComponentType<StepProps> | null>(null);
  useEffect(() => {
    let live = true;
    import("./staff-tour-step.js").then(
      (m) => live && setStep(() => m.StaffTourStep),
      () => live && props.onClose(), // offline on a new release: no tour this time, the screen works without it
    );
    return () => {
      live = false;
    };
  }, [props.onClose]);
  return Step ? <Step {...props} /> : null;
}
