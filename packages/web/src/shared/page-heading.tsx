import type { ComponentChildren } from "preact";

/**
 * The page's one <h1>. It can take focus so that after a client-side navigation, screen readers announce the new
 * page (see focusPageHeading).
 */
export function PageHeading(props: { children: ComponentChildren; class?: string }) {
  return (
    <h1 class={props.class} tabIndex={-1} data-page-heading>
      {props.children}
    </h1>
  );
}

/** Moves focus to the new page's heading after a route change (not on first load). */
export function focusPageHeading(): void {
  requestAnimationFrame(() => {
    const h1 = document.querySelector<HTMLElement>("[data-page-heading]");
    h1?.focus({ preventScroll: true });
  });
}
