import { useConfig } from "../../api/public-config.js";
import { useT } from "../../i18n/use-t.js";
import { hasPermission, useMe } from "../staff/session-store.js";
import { StaffShell } from "../staff/staff-shell.js";
import { BenchmarksSetup } from "./benchmarks-setup.js";
import { DeviceSetup } from "./device-setup.js";
import { FacilitiesSetup, GeographySetup } from "./geography-setup.js";
import { ProtocolsSetup } from "./protocols-setup.js";
import { RetentionSetup } from "./retention-setup.js";
import { StaffAccounts } from "./staff-accounts.js";
import { TargetsSetup } from "./targets-setup.js";
import { TeamsSetup } from "./teams-setup.js";

/**
 * /setup — staff accounts, the phones-and-kiosks setting and retention rules for the system admin; geography,
 * facilities, response protocols, responder teams, targets and benchmark series
 * for the country admin.
 */
export default function SetupSurface() {
  const t = useT("setup");
  return (
    <StaffShell surface="setup" title={t("title")}>
      <SetupBody />
    </StaffShell>
  );
}

function SetupBody() {
  const t = useT("setup");
  const me = useMe();
  const { config } = useConfig();
  // The geography is the whole country's; the very first one may be loaded by any administrator with Set-up.
  const mayLoadGeography = me?.scope.type === "country" || config?.areas.length === 0;
  return (
    <>
      <p class="lead">{t("intro")}</p>
      {hasPermission(me, "users:manage") && <StaffAccounts />}
      {hasPermission(me, "security:manage") && <DeviceSetup />}
      {hasPermission(me, "setup:manage") && mayLoadGeography && <GeographySetup />}
      {hasPermission(me, "setup:manage") && <FacilitiesSetup />}
      {hasPermission(me, "security:manage") && <RetentionSetup />}
      {hasPermission(me, "setup:manage") && <ProtocolsSetup />}
      {hasPermission(me, "setup:manage") && <TeamsSetup />}
      {hasPermission(me, "setup:manage") && <TargetsSetup />}
      {hasPermission(me, "setup:manage") && <BenchmarksSetup />}
      {hasPermission(me, "setup:manage") && (
        <section class="panel panel--notice" aria-labelledby="setup-soon">
          <h2 id="setup-soon">{t("placeholder.title")}</h2>
          <p>{t("placeholder.body")}</p>
        </section>
      )}
    </>
  );
}
