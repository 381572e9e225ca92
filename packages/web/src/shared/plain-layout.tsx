import type { ComponentChildren } from "preact";
import { LanguageSwitcher } from "./language-switcher.js";
import { SiteHeader } from "./site-header.js";
import { MAIN_ID, SkipLink } from "./skip-link.js";

/** Layout for public pages outside the surfaces: the landing page and "not found". */
export function PlainLayout(props: { children: ComponentChildren }) {
  return (
    <div class="layout layout--plain">
      <SkipLink />
      <SiteHeader homeHref="/">
        <LanguageSwitcher />
      </SiteHeader>
      <main id={MAIN_ID} tabIndex={-1} class="page">
        {props.children}
      </main>
    </div>
  );
}
