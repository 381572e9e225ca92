import "./community.css";
import { useEffect, useState } from "preact/hooks";
import { Route, Router } from "preact-iso";
import { useConfig } from "../../api/public-config.js";
import { useT } from "../../i18n/use-t.js";
import { LanguageSwitcher } from "../../shared/language-switcher.js";
import { lazyRoute } from "../../shared/lazy-route.js";
import { focusPageHeading } from "../../shared/page-heading.js";
import { SiteHeader } from "../../shared/site-header.js";
import { MAIN_ID, SkipLink } from "../../shared/skip-link.js";
import { useOnline } from "../../shared/use-online.js";
import { isDeskDevice, startDeskIdleTimer } from "./assist/desk-device.js";
import { SignInNeeded } from "./assist/sign-in-needed.js";
import { ComingSoon } from "./coming-soon.js";
import { Home } from "./home.js";
import { startOutboxSender } from "./outbox/outbox-sender.js";
import { applyDeviceModeFromUrl, rememberProgrammeDefault } from "./outbox/saved-reports.js";
import { PracticeBanner } from "./practice-banner.js";
import { applyPracticeModeFromUrl } from "./practice-mode.js";
import { QuickExitButton, useQuickExitShortcut } from "./quick-exit.js";
import { APP_BASE, type SectionId, sectionsOn } from "./sections.js";
import { SubPage } from "./sub-page.js";

const NearMe = lazyRoute(() => import("./near-me/near-me.js").then((m) => m.NearMe));
// Know Your Rights, Get Information and What changed: one chunk, loaded when first opened.
const ContentSection = lazyRoute(() => import("./content/content-pages.js").then((m) => m.ContentSection));
const ContentArticle = lazyRoute(() => import("./content/content-pages.js").then((m) => m.ContentArticle));
// The report flow and the report pages are their own chunks: /app's first load stays within its JS budget.
const ReportFlow = lazyRoute(() => import("./report/report-flow.js").then((m) => m.ReportFlow));
const MyReports = lazyRoute(() => import("./my-reports/my-reports.js").then((m) => m.MyReports));
const TrackPage = lazyRoute(() => import("./my-reports/track-page.js").then((m) => m.TrackPage));
const DeskPage = lazyRoute(() => import("./assist/desk-page.js").then((m) => m.DeskPage));
// Get Connected (forum and support groups): its own chunks, loaded when first opened.
const Connect = lazyRoute(() => import("./forum/connect.js").then((m) => m.Connect));
const TopicView = lazyRoute(() => import("./forum/topic-view.js").then((m) => m.TopicView));
const GroupView = lazyRoute(() => import("./forum/group-view.js").then((m) => m.GroupView));
const LegacyTrackLink = lazyRoute(() => import("./my-reports/track-page.js").then((m) => m.LegacyTrackLink));

const sectionPages: Partial<Record<SectionId, typeof NearMe>> = {
  access: NearMe,
  involved: ReportFlow,
  reports: MyReports,
  rights: ContentSection,
  info: ContentSection,
  changes: ContentSection,
  connected: Connect,
};

/** Sections whose items open on their own page: `/app/rights/<slug>`. */
const contentSections: readonly SectionId[] = ["rights", "info", "changes"];

function OfflineNotice() {
  const t = useT("common");
  const online = useOnline();
  return online ? null : (
    <p class="offline-notice" role="status">
      {t("offline")}
    </p>
  );
}

function AppNotFound() {
  const t = useT("common");
  return (
    <SubPage title={t("notFound.title")}>
      <p>{t("notFound.body")}</p>
    </SubPage>
  );
}

function onRouteChange() {
  // In-app links replace history entries (see AppLink), so the router does not scroll for us.
  scrollTo(0, 0);
  focusPageHeading();
}

/** /app: the community app. Mobile-first; a quick exit on every screen; Esc ×3 leaves too. */
export default function CommunityApp() {
  useQuickExitShortcut();
  // Before anything is sent or saved: `?device=shared` makes this a device that keeps no report.
  useState(applyDeviceModeFromUrl);
  // `?practice=1`: a training session's practice reports (ADR 0023), marked by the banner below on every screen.
  useState(applyPracticeModeFromUrl);
  // The programme's default for keeping sent reports on the phone (a setting; off for facility kiosks).
  const { config } = useConfig();
  useEffect(() => rememberProgrammeDefault(config?.device), [config]);
  // Reports saved while offline are sent from any screen of the app, as soon as it opens and when back online.
  useEffect(() => startOutboxSender(), []);
  // A facility desk returns to a clean screen when a visitor walks away.
  useEffect(() => (isDeskDevice() ? startDeskIdleTimer() : undefined), []);
  // A section the country switched off has no page: its address answers "not found" (config, above).
  return (
    <div class="layout layout--community">
      <SkipLink />
      <SiteHeader homeHref={`${APP_BASE}/`} class="site-header--community">
        <QuickExitButton />
      </SiteHeader>
      <div class="toolbar">
        <LanguageSwitcher class="lang-switch--inline" />
      </div>
      <PracticeBanner />
      <OfflineNotice />
      <SignInNeeded />
      <main id={MAIN_ID} tabIndex={-1} class="page page--community">
        <Router onRouteChange={onRouteChange}>
          <Route path="/" component={Home} />
          {sectionsOn(config?.modules).map((s) => (
            <Route key={s.id} path={`/${s.slug}`} component={sectionPages[s.id] ?? ComingSoon} />
          ))}
          {sectionsOn(config?.modules)
            .filter((s) => contentSections.includes(s.id))
            .map((s) => (
              <Route key={`${s.id}-item`} path={`/${s.slug}/:item`} component={ContentArticle} />
            ))}
          {sectionsOn(config?.modules)
            .filter((s) => s.id === "connected")
            .flatMap((s) => [
              <Route key="topic" path={`/${s.slug}/topic/:id`} component={TopicView} />,
              <Route key="group" path={`/${s.slug}/group/:id`} component={GroupView} />,
            ])}
          <Route path="/track" component={TrackPage} />
          <Route path="/desk" component={DeskPage} />
          <Route path="/track/:code" component={LegacyTrackLink} />
          <Route default component={AppNotFound} />
        </Router>
      </main>
    </div>
  );
}
