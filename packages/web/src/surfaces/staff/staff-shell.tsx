import "./staff.css";
import type { ComponentChildren } from "preact";
import { useT } from "../../i18n/use-t.js";
import { useDocumentTitle } from "../../shared/document.js";
import { LanguageSwitcher } from "../../shared/language-switcher.js";
import { PageHeading } from "../../shared/page-heading.js";
import { SiteHeader } from "../../shared/site-header.js";
import { MAIN_ID, SkipLink } from "../../shared/skip-link.js";

/** The staff surfaces, in navigation order. */
export const staffSurfaces = [
  { id: "inbox", href: "/inbox" },
  { id: "dashboard", href: "/dashboard" },
  { id: "setup", href: "/setup" },
] as const;
export type StaffSurfaceId = (typeof staffSurfaces)[number]["id"];

export interface StaffShellProps {
  /** Which surface is current (marked in the navigation). */
  surface: StaffSurfaceId;
  /** The page's <h1> and document title. */
  title: string;
  /** Extra header actions, next to the language switcher (e.g. the signed-in user's menu). */
  actions?: ComponentChildren;
  /** Optional secondary navigation or filters beside the main content on wide screens. */
  aside?: ComponentChildren;
  children: ComponentChildren;
}

/**
 * Layout shared by the inbox, dashboard and set-up: header with language switcher, navigation between the staff
 * surfaces, and the main area. Desktop-first but usable down to 360 px.
 */
export function StaffShell(props: StaffShellProps) {
  const t = useT("common");
  useDocumentTitle(props.title);
  return (
    <div class="layout layout--staff">
      <SkipLink />
      <SiteHeader homeHref="/" class="site-header--staff">
        {props.actions}
        <LanguageSwitcher class="lang-switch--inline" />
      </SiteHeader>
      <nav class="staff-nav" aria-label={t("staff.navLabel")}>
        <ul>
          {staffSurfaces.map((s) => (
            <li key={s.id}>
              <a href={s.href} aria-current={s.id === props.surface ? "page" : undefined}>
                {t(`surfaces.${s.id}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div class={`staff-body ${props.aside ? "staff-body--with-aside" : ""}`}>
        {props.aside && <aside class="staff-aside">{props.aside}</aside>}
        <main id={MAIN_ID} tabIndex={-1} class="page page--staff">
          <PageHeading>{props.title}</PageHeading>
          {props.children}
        </main>
      </div>
    </div>
  );
}

/** Placeholder body until staff sign-in lands. */
export function SignInSoon() {
  const t = useT("common");
  return (
    <section class="panel panel--notice" aria-labelledby="sign-in-soon">
      <h2 id="sign-in-soon">{t("staff.signInSoon")}</h2>
      <p>{t("staff.signInSoonDetail")}</p>
    </section>
  );
}
