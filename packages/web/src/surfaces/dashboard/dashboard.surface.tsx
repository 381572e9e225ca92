import type { ComponentProps } from "preact";
import { useLocation } from "preact-iso";
import { useT } from "../../i18n/use-t.js";
import { useDocumentTitle } from "../../shared/document.js";
import { LanguageSwitcher } from "../../shared/language-switcher.js";
import { lazyRoute } from "../../shared/lazy-route.js";
import { PageHeading } from "../../shared/page-heading.js";
import { SiteHeader } from "../../shared/site-header.js";
import { MAIN_ID, SkipLink } from "../../shared/skip-link.js";
import { hasPermission, useSession } from "../staff/session-store.js";
import type { StaffShell as StaffShellComponent } from "../staff/staff-shell.js";
import { AdvocacyCasesLinks, PublicCases } from "./advocacy-case-links.js";
import { DashboardPage } from "./dashboard-page.js";

// The public dashboard's first load has a JavaScript budget (issue 21): what only staff pages use loads with them —
// the staff shell, the stories page, the case pages.
const StaffShell = lazyRoute<ComponentProps<typeof StaffShellComponent>>(() =>
  import("../staff/staff-shell.js").then((m) => m.StaffShell),
);
const AdvocacyStories = lazyRoute(() => import("./advocacy-stories.js").then((m) => m.AdvocacyStories));
const CaseListPage = lazyRoute(() => import("./advocacy-cases.js").then((m) => m.CaseListPage));
const NewCasePage = lazyRoute(() => import("./advocacy-cases.js").then((m) => m.NewCasePage));
const CasePage = lazyRoute(() => import("./advocacy-cases.js").then((m) => m.CasePage));

/**
 * /dashboard (analysts and above, in the staff shell), /dashboard/stories (advocacy stories, analysts and data
 * managers) and /dashboard/public (anyone, no sign-in).
 */
export default function DashboardSurface() {
  const { path } = useLocation();
  if (path === "/dashboard/public" || path.startsWith("/dashboard/public/")) return <PublicDashboard />;
  if (path === "/dashboard/stories") return <StoriesPage />;
  if (path === "/dashboard/cases" || path.startsWith("/dashboard/cases/")) return <CasesPage path={path} />;
  return <StaffDashboard />;
}

function StoriesPage() {
  const t = useT("dashboard");
  return (
    <StaffShell surface="dashboard" title={t("stories.title")}>
      <AdvocacyStories />
    </StaffShell>
  );
}

/** /dashboard/cases (list and review pack), /dashboard/cases/new (from the dashboard's selection), /dashboard/cases/:id. */
function CasesPage(props: { path: string }) {
  const t = useT("dashboard");
  const id = props.path.slice("/dashboard/cases/".length);
  return (
    <StaffShell surface="dashboard" title={t("cases.title")}>
      {props.path === "/dashboard/cases" ? <CaseListPage /> : id === "new" ? <NewCasePage /> : <CasePage id={id} />}
    </StaffShell>
  );
}

/** Advocacy cases, for roles that manage them. */
function CasesLinks() {
  const session = useSession();
  if (session.status !== "signed-in" || !hasPermission(session.me, "advocacy:manage")) return null;
  return <AdvocacyCasesLinks />;
}

/** The link to advocacy stories, for roles that may read them. */
function StoriesLink() {
  const t = useT("dashboard");
  const session = useSession();
  if (session.status !== "signed-in" || !hasPermission(session.me, "stories:read")) return null;
  return (
    <p>
      <a href="/dashboard/stories">{t("stories.link")}</a>
    </p>
  );
}

function StaffDashboard() {
  const t = useT("dashboard");
  return (
    <StaffShell surface="dashboard" title={t("title")}>
      <p class="lead">{t("intro")}</p>
      <p>
        <a href="/dashboard/public">{t("publicLink")}</a>
      </p>
      <StoriesLink />
      <CasesLinks />
      <DashboardPage source="staff" />
    </StaffShell>
  );
}

/** To the staff dashboard, unless the signed-in member's role cannot use it (menus never lead to a refusal). */
function StaffDashboardLink() {
  const t = useT("dashboard");
  const session = useSession();
  if (session.status === "signed-in" && !hasPermission(session.me, "indicators:read")) return null;
  return (
    <a href="/dashboard" class="site-header__link">
      {t("staffLink")}
    </a>
  );
}

/** The same layout without the staff shell; the server hides small cells before anything leaves it. */
function PublicDashboard() {
  const t = useT("dashboard");
  useDocumentTitle(t("publicTitle"));
  return (
    <div class="layout layout--plain layout--dashboard">
      <SkipLink />
      <SiteHeader homeHref="/">
        <StaffDashboardLink />
        <LanguageSwitcher class="lang-switch--inline" />
      </SiteHeader>
      <main id={MAIN_ID} tabIndex={-1} class="page page--dashboard">
        <PageHeading>{t("publicTitle")}</PageHeading>
        <p class="lead">{t("publicIntro")}</p>
        <PublicCases />
        <DashboardPage source="public" />
      </main>
    </div>
  );
}
