import "./staff.css";
import type { Me } from "@openclm/contracts";
import type { ComponentChildren } from "preact";
import { useCallback, useEffect, useRef } from "preact/hooks";
import { useLocation } from "preact-iso";
import { useLanguage, useT } from "../../i18n/use-t.js";
import { useDocumentTitle } from "../../shared/document.js";
import { helpFor, helpHref } from "../../shared/help-links.js";
import { LanguageSwitcher } from "../../shared/language-switcher.js";
import { PageHeading } from "../../shared/page-heading.js";
import { Problem } from "../../shared/problem.js";
import { SiteHeader } from "../../shared/site-header.js";
import { MAIN_ID, SkipLink } from "../../shared/skip-link.js";
import { ChangePasswordForm } from "./change-password-form.js";
import { NoAccess } from "./no-access.js";
import { SecurityNoticePanel } from "./security-notice.js";
import { loadSession, type SessionState, signedIn, signOut, useSession } from "./session-store.js";
import { SignIn } from "./sign-in.js";
import { StaffTour, type TourId, tourFor, useTour } from "./staff-tour.js";
import {
  landingAfterSignIn,
  type StaffSurfaceId,
  staffSurfaces,
  surfacePermissions,
  usablePlaces,
} from "./surface-access.js";
import { useIdleLock } from "./use-idle-lock.js";
import { UserMenu } from "./user-menu.js";

export { type StaffSurfaceId, staffSurfaces };

export interface StaffShellProps {
  /** Which surface is current (marked in the navigation); `account` (one's own account) is open to every role. */
  surface: StaffSurfaceId | "account";
  /** The page's <h1> and document title. */
  title: string;
  /** A document title other than the <h1> (a page within a surface: "Teams · Set-up"). */
  documentTitle?: string;
  /** Extra header actions, next to the language switcher (e.g. the signed-in user's menu). */
  actions?: ComponentChildren;
  /** Optional secondary navigation or filters beside the main content on wide screens. */
  aside?: ComponentChildren;
  children: ComponentChildren;
}

/**
 * Layout shared by the inbox, dashboard and set-up: header with language switcher and the signed-in member's menu,
 * navigation between the staff surfaces, and the main area. It is also the gate: until someone is signed in with a
 * role that may use the surface, the main area shows the sign-in form (or a "not for your role" page) instead of
 * the children. Desktop-first but usable down to 360 px.
 */
export function StaffShell(props: StaffShellProps) {
  const t = useT("common");
  const session = useSession();
  useDocumentTitle(props.documentTitle ?? props.title);
  const lock = useCallback(() => void signOut("locked"), []);
  useIdleLock(session.status === "signed-in" ? session.me.sessionIdleMinutes : null, lock);
  const signedInMe = session.status === "signed-in" ? session.me : null;
  const allowed =
    signedInMe !== null &&
    !signedInMe.mustChangePassword &&
    (props.surface === "account" || surfacePermissions[props.surface].some((p) => signedInMe.permissions.includes(p)));
  const aside = allowed ? props.aside : undefined;
  useLandWhereTheyWork(session.status, signedInMe, allowed);
  const { path } = useLocation();
  const tour = useTour(allowed ? tourFor(path, signedInMe) : null);

  return (
    <div class="layout layout--staff">
      <SkipLink />
      <SiteHeader homeHref="/" class="site-header--staff">
        {props.actions}
        <HelpLink tour={allowed ? tourFor(path, signedInMe) : null} onTour={tour.start} />
        {session.status === "signed-in" && <UserMenu me={session.me} />}
        <LanguageSwitcher class="lang-switch--inline" />
      </SiteHeader>
      <nav class="staff-nav" aria-label={t("staff.navLabel")}>
        <ul>
          {/* While the session loads, no places: listing all of them would show, for a moment, areas the role cannot use. */}
          {(signedInMe ? usablePlaces(signedInMe) : session.status === "loading" ? [] : staffSurfaces).map((s) => (
            <li key={s.id}>
              <a href={s.href} aria-current={s.id === props.surface ? "page" : undefined}>
                {s.id === "assisted" ? t("staff.assistedReporting") : t(`surfaces.${s.id}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div class={`staff-body ${aside ? "staff-body--with-aside" : ""}`}>
        {aside && <aside class="staff-aside">{aside}</aside>}
        <main id={MAIN_ID} tabIndex={-1} class="page page--staff">
          <PageHeading>{props.title}</PageHeading>
          {session.status === "signed-in" && session.me.securityNotice && (
            <SecurityNoticePanel notice={session.me.securityNotice} />
          )}
          {allowed ? props.children : <Gate session={session} />}
        </main>
      </div>
      {tour.open && <StaffTour id={tour.open} onClose={tour.close} />}
    </div>
  );
}

/**
 * Someone who just signed in on a page their role cannot use is taken to where their role works (surface-access.ts
 * `homeFor`: the inbox, the dashboard, Set-up, the audit log, or reporting in the app), never to a "not for your
 * role" page. Signing in on a page the role can use stays there (a bookmark or a link someone followed), except the
 * sign-in page itself for a member without a report queue (surface-access.ts `landingAfterSignIn`). A later
 * visit to a page the role cannot use (a typed address) still explains the refusal, with a link home (NoAccess).
 */
function useLandWhereTheyWork(status: SessionState["status"], me: Me | null, allowed: boolean) {
  const previous = useRef(status);
  useEffect(() => {
    const justSignedIn = previous.current === "signed-out" && status === "signed-in";
    previous.current = status;
    if (!justSignedIn || !me || me.mustChangePassword) return;
    const next = landingAfterSignIn(me, window.location.pathname, allowed);
    if (next) window.location.assign(next);
  }, [status, me, allowed]);
}

function Gate(props: { session: SessionState }) {
  const t = useT("common");
  const s = props.session;
  if (s.status === "loading") return <p aria-live="polite">{t("loading")}</p>;
  if (s.status === "error") return <Problem error={s.error} onRetry={() => void loadSession()} />;
  if (s.status === "signed-out") return <SignIn reason={s.reason} />;
  const me = s.me;
  // A password an administrator chose: nothing opens until the person has chosen their own (the server agrees).
  if (me.mustChangePassword)
    return <ChangePasswordForm forced onDone={() => signedIn({ ...me, mustChangePassword: false })} />;
  return <NoAccess me={me} />;
}

/**
 * The manual's section for this screen (shared/help-links.ts), in a new tab so the work on screen stays as it is; and
 * on a screen with a tour (staff-tour.tsx), the button that takes it again.
 */
function HelpLink(props: { tour: TourId | null; onTour: () => void }) {
  const t = useT("common");
  const lang = useLanguage();
  const { path } = useLocation();
  return (
    <span class="help-tour">
      <a class="help-link" href={helpHref(lang, helpFor(path))} target="_blank" rel="noopener">
        {t("help.link")}
        <span class="visually-hidden"> {t("help.newTab")}</span>
      </a>
      {props.tour && (
        <button type="button" class="button button--link help-tour__start" onClick={props.onTour}>
          {t("tour.start")}
        </button>
      )}
    </span>
  );
}

/** Shown to signed-in staff on a surface whose tools are still to come. */
export function SignInSoon() {
  const t = useT("common");
  return (
    <section class="panel panel--notice" aria-labelledby="sign-in-soon">
      <h2 id="sign-in-soon">{t("staff.signInSoon")}</h2>
      <p>{t("staff.signInSoonDetail")}</p>
    </section>
  );
}
