import type { ComponentChildren } from "preact";
import { useT } from "../../i18n/use-t.js";
import { useDocumentTitle } from "../../shared/document.js";
import { PageHeading } from "../../shared/page-heading.js";
import { AppLink } from "./app-link.js";
import { APP_BASE } from "./sections.js";

/** Frame of every screen below the home: a way back, the page heading, its content. */
export function SubPage(props: { title: string; children: ComponentChildren }) {
  const t = useT("app");
  useDocumentTitle(props.title);
  return (
    <>
      <AppLink class="back-link" href={`${APP_BASE}/`}>
        <svg class="icon-directional" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <path d="M15 5l-7 7 7 7" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
        </svg>
        {t("nav.back")}
      </AppLink>
      <PageHeading>{props.title}</PageHeading>
      {props.children}
    </>
  );
}
