import "./country-profile.css";
import { useLocation } from "preact-iso";
import { useConfig } from "../../api/public-config.js";
import { useT } from "../../i18n/use-t.js";
import { hasPermission, useMe } from "../staff/session-store.js";
import { StaffShell } from "../staff/staff-shell.js";
import { BenchmarksSetup } from "./benchmarks-setup.js";
import { CountryProfilePage } from "./country-profile.js";
import { DeviceSetup } from "./device-setup.js";
import { FacilitiesSetup, GeographySetup } from "./geography-setup.js";
import { ProtocolsSetup } from "./protocols-setup.js";
import { RetentionSetup } from "./retention-setup.js";
import { SetupChecklistPanel } from "./setup-checklist.js";
import { StaffAccounts } from "./staff-accounts.js";
import { TargetsSetup } from "./targets-setup.js";
import { TeamsSetup } from "./teams-setup.js";

/**
 * /setup — the set-up checklist first (what the country has done, each step linking to where it is done), then staff
 * accounts, the phones-and-kiosks setting and retention rules for the system admin, and geography, facilities,
 * response protocols, responder teams, targets and benchmark series.
 * /setup/profile — the country profile.
 */
export default function SetupSurface() {
  const t = useT("setup");
  const { path } = useLocation();
  const profile = path.replace(/\/$/, "") === "/setup/profile";
  return (
    <StaffShell surface="setup" title={profile ? t("profile.title") : t("title")}>
      {profile ? <CountryProfilePage /> : <SetupBody />}
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
      {hasPermission(me, "security:manage") && <DeviceSetup />}
      {hasPermission(me, "security:manage") && <RetentionSetup />}
      {setup && mayLoadGeography && (
        <div id="geography">
          <GeographySetup />
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
