import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import { useT } from "../../i18n/use-t.js";
import { shown, type TourId, tours } from "./staff-tour.js";

/** One step of a staff screen's tour (staff-tour.tsx), placed beside the element it points at. */
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

export function StaffTourStep(props: { id: TourId; onClose: () => void }) {
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
