import "./country-profile.css";
import { useLocation } from "preact-iso";
import { useConfig } from "../../api/public-config.js";
import { useT } from "../../i18n/use-t.js";
import { hasPermission, useMe } from "../staff/session-store.js";
import { StaffShell } from "../staff/staff-shell.js";
import { AreaEditor } from "./area-editor.js";
import { BenchmarksSetup } from "./benchmarks-setup.js";
import { CountryProfilePage } from "./country-profile.js";
import { Dhis2Setup } from "./dhis2-setup.js";
import { FormsSetupPage } from "./forms-setup.js";
import { FacilitiesSetup, GeographySetup } from "./geography-setup.js";
import { ProtocolsSetup } from "./protocols-setup.js";
import { SettingsPage } from "./settings-page.js";
import { SetupChecklistPanel } from "./setup-checklist.js";
import { StaffAccounts } from "./staff-accounts.js";
import { TargetsSetup } from "./targets-setup.js";
import { TeamsSetup } from "./teams-setup.js";

/**
 * /setup — the set-up checklist first (what the country has done, each step linking to where it is done), then staff
 * accounts, the phones-and-kiosks setting and retention rules for the system admin, and geography, facilities,
 * response protocols, responder teams, targets and benchmark series.
 * /setup/profile — the country profile.
 * /setup/settings — the run-time settings (system administrator) and their history (also the auditor's).
 * /setup/forms — the challenge taxonomy and key populations the report form offers, and their spreadsheet.
 * /setup/dhis2 — the DHIS2 mapping, dry runs and pushes (system administrator).
 */
export default function SetupSurface() {
  const t = useT("setup");
  const { path } = useLocation();
  const page = path.replace(/\/$/, "");
  const titles: Record<string, string> = {
    "/setup/profile": t("profile.title"),
    "/setup/settings": t("settings.title"),
    "/setup/forms": t("forms.title"),
    "/setup/dhis2": t("dhis2.title"),
  };
  const title = titles[page] ?? t("title");
  return (
    <StaffShell surface="setup" title={title}>
      {page === "/setup/profile" ? (
        <CountryProfilePage />
      ) : page === "/setup/settings" ? (
        <SettingsPage />
      ) : page === "/setup/forms" ? (
        <FormsSetupPage />
      ) : page === "/setup/dhis2" ? (
        <Dhis2Setup />
      ) : (
        <SetupBody />
      )}
    </StaffShell>
  );
}

function SetupBody() {
  const t = useT("setup");
  const me = useMe();
  const { config } = useConfig();
  const setup = hasPermission(me, "setup:manage");
  // The geography is the whole country's; the very first one may be loaded by any administrator with Set-up.
  const mayLoadGeography = me?.scope.type === "country" || config?.areas.length === 0;
  return (
    <>
      <p class="lead">{t("intro")}</p>
      {setup && <SetupChecklistPanel />}
      {hasPermission(me, "users:manage") && (
        <div id="staff-accounts">
          <StaffAccounts />
        </div>
      )}
      {hasPermission(me, "security:manage") && <SettingsLink />}
      {setup && me?.scope.type === "country" && <FormsLink />}
      {hasPermission(me, "integrations:manage") && <Dhis2Link />}
      {setup && mayLoadGeography && (
        <div id="geography">
          <GeographySetup />
        </div>
      )}
      {setup && !!config?.areas.length && (
        <div id="area-editor">
          <AreaEditor />
        </div>
      )}
      {setup && (
        <div id="facilities">
          <FacilitiesSetup />
        </div>
      )}
      {setup && (
        <div id="protocols">
          <ProtocolsSetup />
        </div>
      )}
      {setup && <TeamsSetup />}
      {setup && <TargetsSetup />}
      {setup && <BenchmarksSetup />}
    </>
  );
}

/** Set-up's way to the forms page (country-wide: a region's administrator cannot change the taxonomy). */
function FormsLink() {
  const t = useT("setup");
  return (
    <section class="setup-section" aria-labelledby="forms-link-h">
      <h2 id="forms-link-h">{t("forms.title")}</h2>
      <p>{t("forms.linkIntro")}</p>
      <p>
        <a href="/setup/forms">{t("forms.link")}</a>
      </p>
    </section>
  );
}

/** Set-up's way to the settings page (system administrator). */
function SettingsLink() {
  const t = useT("setup");
  return (
    <section class="setup-section" aria-labelledby="settings-link-h">
      <h2 id="settings-link-h">{t("settings.title")}</h2>
      <p>{t("settings.linkIntro")}</p>
      <p>
        <a href="/setup/settings">{t("settings.link")}</a>
      </p>
    </section>
  );
}

/** Set-up's way to the DHIS2 page (system administrator). */
function Dhis2Link() {
  const t = useT("setup");
  return (
    <section class="setup-section" aria-labelledby="dhis2-link-h">
      <h2 id="dhis2-link-h">{t("dhis2.title")}</h2>
      <p>{t("dhis2.linkIntro")}</p>
      <p>
        <a href="/setup/dhis2">{t("dhis2.link")}</a>
      </p>
    </section>
  );
}
