import { useT } from "../../i18n/use-t.js";
import { SignInSoon, StaffShell } from "../staff/staff-shell.js";

/** /setup — filled in by later releases; for now the shared staff shell and a sign-in notice. */
export default function SetupSurface() {
  const t = useT("setup");
  return (
    <StaffShell surface="setup" title={t("title")}>
      <p class="lead">{t("intro")}</p>
      <SignInSoon />
    </StaffShell>
  );
}
