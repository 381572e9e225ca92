import "./country-profile.css";
import type { ComponentType } from "preact";
import { useEffect } from "preact/hooks";
import { useLocation } from "preact-iso";
import { useConfig } from "../../api/public-config.js";
import { useT } from "../../i18n/use-t.js";
import { useMe } from "../staff/session-store.js";
import { StaffShell } from "../staff/staff-shell.js";
import { AreaEditor } from "./area-editor.js";
import { BenchmarksSetup } from "./benchmarks-setup.js";
import { ChannelSimulator } from "./channel-simulator.js";
import { ChannelsSetup } from "./channels-setup.js";
import { ContentSetup } from "./content-setup.js";
import { CountryProfilePage } from "./country-profile.js";
import { Dhis2Setup } from "./dhis2-setup.js";
import { FormsSetupPage } from "./forms-setup.js";
import { ForumSetup } from "./forum-setup.js";
import { FacilitiesSetup, GeographySetup } from "./geography-setup.js";
import { LanguagesSetup } from "./languages-setup.js";
import { ProtocolsSetup } from "./protocols-setup.js";
import { SettingsPage } from "./settings-page.js";
import { SetupNav } from "./setup-nav.js";
import { SetupOverview } from "./setup-overview.js";
import { pageForAnchor, type SetupSectionId, sectionOfPath, sectionsFor } from "./setup-sections.js";
import { StaffAccounts } from "./staff-accounts.js";
import { TargetsSetup } from "./targets-setup.js";
import { TeamsSetup } from "./teams-setup.js";
import { TrainingSetup } from "./training-setup.js";

/** Each section's page body. */
const sectionPages: Record<SetupSectionId, ComponentType> = {
  profile: CountryProfilePage,
  geography: GeographyPage,
  facilities: FacilitiesSetup,
  forms: FormsSetupPage,
  content: ContentSetup,
  forum: ForumSetup,
  languages: LanguagesSetup,
  protocols: ProtocolsSetup,
  teams: TeamsSetup,
  staff: StaffAccounts,
  targets: TargetsSetup,
  benchmarks: BenchmarksSetup,
  settings: SettingsPage,
  dhis2: Dhis2Setup,
  channels: ChannelsSetup,
  simulator: ChannelSimulator,
  training: TrainingSetup,
};

type Translate = ReturnType<typeof useT<"setup">>;

/** Each section's <h1> (and document title), as the pages already named them. */
const sectionTitles: Record<SetupSectionId, (t: Translate) => string> = {
  profile: (t) => t("profile.title"),
  geography: (t) => t("geography.title"),
  facilities: (t) => t("facilities.title"),
  forms: (t) => t("forms.title"),
  content: (t) => t("contentSetup.pageTitle"),
  forum: (t) => t("forumSetup.title"),
  languages: (t) => t("languages.title"),
  protocols: (t) => t("protocols.title"),
  teams: (t) => t("teams.title"),
  staff: (t) => t("accounts.title"),
  targets: (t) => t("targets.title"),
  benchmarks: (t) => t("benchmarks.title"),
  settings: (t) => t("settings.title"),
  dhis2: (t) => t("dhis2.title"),
  channels: (t) => t("channels.title"),
  simulator: (t) => t("simulator.title"),
  training: (t) => t("training.title"),
};

/**
 * /setup — the overview: the set-up checklist, then a card for each section this member may use.
 * /setup/<section> — one page per section (setup-sections.ts lists them and who may use each), with the Set-up
 * navigation beside it on wide screens and above it on a phone. Links to the one long page that came before
 * (`/setup#protocols`) are sent on to the section's own page.
 */
export default function SetupSurface() {
  const t = useT("setup");
  const { path } = useLocation();
  const section = sectionOfPath(path);
  const current = section ? `/setup/${section}` : "/setup";
  const title = section ? sectionTitles[section](t) : t("title");
  useLegacyAnchors(section);
  const Page = section ? sectionPages[section] : SetupOverview;
  return (
    <StaffShell
      surface="setup"
      title={title}
      documentTitle={section ? t("nav.documentTitle", { page: title }) : title}
      aside={<SetupNav current={current} />}
    >
      {section ? <SectionGate section={section} page={Page} /> : <SetupOverview />}
    </StaffShell>
  );
}

/** `/setup#staff-accounts` and the like, from before Set-up had a page per section: on to that page. */
function useLegacyAnchors(section: SetupSectionId | null) {
  const { route } = useLocation();
  useEffect(() => {
    if (section) return;
    const go = () => {
      const to = pageForAnchor(window.location.hash);
      if (to) route(to, true);
    };
    go();
    // A link to `/setup#protocols` followed while already on the overview only changes the hash.
    window.addEventListener("hashchange", go);
    return () => window.removeEventListener("hashchange", go);
  }, [section]);
}

/** A section's page, or a word that it is not for this role (a link followed from elsewhere). */
function SectionGate(props: { section: SetupSectionId; page: ComponentType }) {
  const t = useT("setup");
  const me = useMe();
  if (!sectionsFor(me).includes(props.section))
    return (
      <p class="panel panel--notice">
        {t("nav.notForRole")} <a href="/setup">{t("nav.toOverview")}</a>
      </p>
    );
  const Page = props.page;
  return <Page />;
}

/**
 * Geography: loading the areas (a country-wide administrator, or anyone with Set-up while there are none yet: the
 * very first load) and editing one area once there are some.
 */
function GeographyPage() {
  const me = useMe();
  const { config } = useConfig();
  const mayLoad = me.scope.type === "country" || config?.areas.length === 0;
  return (
    <>
      {mayLoad && (
        <div id="geography">
          <GeographySetup />
        </div>
      )}
      {!!config?.areas.length && (
        <div id="area-editor">
          <AreaEditor />
        </div>
      )}
    </>
  );
}
