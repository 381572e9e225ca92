import { useT } from "../../i18n/use-t.js";
import { SignInSoon, StaffShell } from "../staff/staff-shell.js";

/** /dashboard — filled in by later releases; for now the shared staff shell and a sign-in notice. */
export default function DashboardSurface() {
  const t = useT("dashboard");
  return (
    <StaffShell surface="dashboard" title={t("title")}>
      <p class="lead">{t("intro")}</p>
      <SignInSoon />
    </StaffShell>
  );
}
