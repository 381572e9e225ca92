import type { Me } from "@openclm/contracts";
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import { useT } from "../../i18n/use-t.js";
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
const tours: Record<TourId, { step: Step; target: string }[]> = {
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
function shown(selector: string): Element | null {
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

interface Place {
  top: number;
  left: number;
}

const GAP = 8;

/**
 * Below the element if the step fits there, else above it, else (a tall element, such as the queue) beside it within
 * the window; kept within the page's width. In the coordinates of the step's positioned ancestor (the body, or a
 * positioned layout box).
 */
function placeNear(target: Element, box: HTMLElement): Place {
  const r = target.getBoundingClientRect();
  const origin = (box.offsetParent ?? document.body).getBoundingClientRect();
  const width = box.offsetWidth;
  const height = box.offsetHeight;
  const pageWidth = document.documentElement.clientWidth;
  const within = (x: number) => Math.max(GAP, Math.min(x, pageWidth - width - GAP));
  let top: number;
  let left = within(r.left);
  if (r.bottom + GAP + height <= window.innerHeight) top = r.bottom + GAP;
  else if (r.top - GAP - height >= 0) top = r.top - GAP - height;
  else {
    top = Math.max(GAP, Math.min(Math.max(r.top, GAP), window.innerHeight - height - GAP));
    if (r.right + GAP + width <= pageWidth) left = r.right + GAP;
    else if (r.left - GAP - width >= 0) left = r.left - GAP - width;
  }
  return { top: top - origin.top, left: left - origin.left };
}

export function StaffTour(props: { id: TourId; onClose: () => void }) {
  const t = useT("common");
  // The steps whose elements are on this screen (a trainee's inbox has no training switch), fixed when it opens.
  const [steps] = useState(() => tours[props.id].filter((s) => shown(s.target)));
  const [index, setIndex] = useState(0);
  const [place, setPlace] = useState<Place | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const step = steps[index];
  const { onClose } = props;

  useLayoutEffect(() => {
    const target = step && shown(step.target);
    if (!target || !box.current) return;
    target.scrollIntoView({ block: "nearest" });
    target.classList.add("tour-target");
    const position = () => box.current && setPlace(placeNear(target, box.current));
    position();
    // The element may grow (the queue fills in once loaded) or the window change: the step follows.
    const resized = new ResizeObserver(position);
    resized.observe(target);
    window.addEventListener("resize", position);
    return () => {
      target.classList.remove("tour-target");
      resized.disconnect();
      window.removeEventListener("resize", position);
    };
  }, [step]);

  // Nothing of this tour on the screen (a report open on a phone): there is nothing to show.
  useEffect(() => {
    if (steps.length === 0) onClose();
  }, [steps, onClose]);

  // Focus into the step once it is placed (hidden until then, and a hidden element cannot take focus).
  const placed = place !== null;
  useEffect(() => {
    if (placed) heading.current?.focus();
  }, [step, placed]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      e.preventDefault();
      e.stopPropagation();
      onClose();
    };
    document.addEventListener("keydown", onKey, true);
    return () => document.removeEventListener("keydown", onKey, true);
  }, [onClose]);

  if (!step) return null;
  const last = index === steps.length - 1;
  const key = `tour.${props.id}.${step.step}` as const;
  return (
    <div
      ref={box}
      class="tour-step"
      role="dialog"
      aria-modal="false"
      aria-labelledby="tour-step-title"
      aria-describedby="tour-step-body"
      style={place ? { top: `${place.top}px`, left: `${place.left}px` } : { visibility: "hidden" }}
    >
      <p class="tour-step__count">{t("tour.step", { current: index + 1, total: steps.length })}</p>
      <h2 id="tour-step-title" class="tour-step__title" tabIndex={-1} ref={heading}>
        {t(`${key}.title` as "tour.inbox.queue.title")}
      </h2>
      <p id="tour-step-body">{t(`${key}.body` as "tour.inbox.queue.body")}</p>
      <div class="tour-step__actions">
        {index > 0 && (
          <button type="button" class="button button--secondary" onClick={() => setIndex(index - 1)}>
            {t("tour.back")}
          </button>
        )}
        <button type="button" class="button" onClick={() => (last ? onClose() : setIndex(index + 1))}>
          {last ? t("tour.done") : t("tour.next")}
        </button>
        <button type="button" class="button button--link tour-step__close" onClick={onClose}>
          {t("tour.close")}
        </button>
      </div>
    </div>
  );
}
