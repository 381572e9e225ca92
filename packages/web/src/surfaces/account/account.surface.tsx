import { useState } from "preact/hooks";
import { useT } from "../../i18n/use-t.js";
import { ChangePasswordForm } from "../staff/change-password-form.js";
import { StaffShell } from "../staff/staff-shell.js";
import { NotificationPreferences } from "./notification-preferences.js";

/**
 * /account — a staff member's own account (every role; reached from the user menu): changing the password, and which
 * e-mail notifications they get.
 */
export default function AccountSurface() {
  const t = useT("common");
  return (
    <StaffShell surface="account" title={t("staff.password.pageTitle")}>
      <AccountBody />
    </StaffShell>
  );
}

function AccountBody() {
  const t = useT("common");
  const [done, setDone] = useState(false);
  return (
    <>
      <p role="status" class="status-line">
        {done ? t("staff.password.changed") : ""}
      </p>
      <ChangePasswordForm onDone={() => setDone(true)} />
      <NotificationPreferences />
    </>
  );
}
