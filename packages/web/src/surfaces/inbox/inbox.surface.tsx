import { useT } from "../../i18n/use-t.js";
import { StaffShell } from "../staff/staff-shell.js";
import { InboxPage } from "./inbox-page.js";

/** /inbox — the first responder and data manager queue; the shell signs people in first. */
export default function InboxSurface() {
  const t = useT("inbox");
  return (
    <StaffShell surface="inbox" title={t("title")}>
      <InboxPage />
    </StaffShell>
  );
}
