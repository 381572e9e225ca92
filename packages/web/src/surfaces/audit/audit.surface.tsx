import { useT } from "../../i18n/use-t.js";
import { StaffShell } from "../staff/staff-shell.js";
import { AuditPage } from "./audit-page.js";

/** /audit — the audit log for the data-protection officer (auditor) and system admins; the shell signs people in. */
export default function AuditSurface() {
  const t = useT("audit");
  return (
    <StaffShell surface="audit" title={t("title")}>
      <AuditPage />
    </StaffShell>
  );
}
