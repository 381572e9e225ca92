import { useT } from "../../i18n/use-t.js";
import { SignInSoon, StaffShell } from "../staff/staff-shell.js";

/** /inbox — filled in by later releases; for now the shared staff shell and a sign-in notice. */
export default function InboxSurface() {
  const t = useT("inbox");
  return (
    <StaffShell surface="inbox" title={t("title")}>
      <p class="lead">{t("intro")}</p>
      <SignInSoon />
    </StaffShell>
  );
}
