import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";

/** A step's heading that takes focus when the step appears, so screen readers follow a multi-step form. */
export function StepHeading(props: { children: ComponentChildren; id?: string; focus?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (props.focus !== false) ref.current?.focus({ preventScroll: false });
  }, [props.focus]);
  return (
    <h2 ref={ref} id={props.id} tabIndex={-1}>
      {props.children}
    </h2>
  );
}
