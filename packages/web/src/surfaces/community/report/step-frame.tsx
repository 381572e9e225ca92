import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { useT } from "../../../i18n/use-t.js";

interface Props {
  /** Changes when the step changes: focus then moves to the step's heading. */
  stepKey: string;
  titleId: string;
  title: string;
  current: number;
  total: number;
  /** What keeps the person from going on, in words: shown next to each field, announced here. */
  errors: string[];
  /** Counts the attempts to go on: each refused attempt moves focus to the first field that needs an answer. */
  attempt: number;
  onBack?: () => void;
  onNext(): void;
  nextLabel?: string;
  busy?: boolean;
  children: ComponentChildren;
}

/** One question per screen: progress, the question as a heading, the answer controls, Back and Next. */
export function StepFrame(props: Props) {
  const t = useT("app");
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const first = useRef(true);
  useEffect(() => {
    // On a new step, and when the control that led here is gone (Start): focus the question, so screen readers read
    // it. Not on page load, where the page heading comes first.
    const lost = !document.activeElement || document.activeElement === document.body;
    if (!first.current || lost) heading.current?.focus();
    first.current = false;
  }, [props.stepKey]);
  useEffect(() => {
    // The field in question may be far below (a district list under a long region list): take the person there.
    if (props.errors.length > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [props.attempt]);
  const progress = t("report.progress", { current: props.current, total: props.total });
  return (
    <form
      ref={form}
      class="step"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!props.busy) props.onNext();
      }}
    >
      <p class="step__progress">
        <span>{progress}</span>
        <progress max={props.total} value={props.current} aria-hidden="true" />
      </p>
      <h2 id={props.titleId} class="step__title" tabIndex={-1} ref={heading}>
        {props.title}
      </h2>
      {/* Each error shows next to its field, which takes focus; this says it once more to screen readers. */}
      <p class="visually-hidden" role="alert">
        {props.errors.join(" ")}
      </p>
      {props.children}
      <div class="step__nav">
        {props.onBack && (
          <button type="button" class="button button--secondary" onClick={props.onBack}>
            {t("report.back")}
          </button>
        )}
        <button type="submit" class="button" disabled={props.busy} aria-busy={props.busy}>
          {props.nextLabel ?? t("report.next")}
        </button>
      </div>
    </form>
  );
}
