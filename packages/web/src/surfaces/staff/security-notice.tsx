import type { SecurityNotice } from "@openclm/contracts";
import { useState } from "preact/hooks";
import { useLanguage, useT } from "../../i18n/use-t.js";

const DISMISSED_KEY = "openclm.securityNoticeSeen";

/** Which notice was dismissed in this tab, so it does not come back on every page until the next sign-in. */
function noticeId(n: SecurityNotice): string {
  return `${n.failedAttempts}|${n.lastFailedAt ?? ""}|${n.repeatedFailureAlerts ?? 0}`;
}

function wasDismissed(n: SecurityNotice): boolean {
  try {
    return sessionStorage.getItem(DISMISSED_KEY) === noticeId(n);
  } catch {
    return false;
  }
}

/**
 * Tells the signed-in member about failed sign-in attempts on their account since their previous sign-in, and those
 * who read the audit log about alerts of repeated failures on any account (issue 22: alert owner and admins).
 */
export function SecurityNoticePanel(props: { notice: SecurityNotice }) {
  const t = useT("common");
  const lng = useLanguage();
  const { notice } = props;
  const [hidden, setHidden] = useState(() => wasDismissed(notice));
  if (hidden) return null;
  const dismiss = () => {
    try {
      sessionStorage.setItem(DISMISSED_KEY, noticeId(notice));
    } catch {
      // storage disabled: hidden for this page only
    }
    setHidden(true);
  };
  const date = notice.lastFailedAt
    ? new Intl.DateTimeFormat(lng, { dateStyle: "medium", timeStyle: "short" }).format(new Date(notice.lastFailedAt))
    : "";
  return (
    <section class="panel panel--notice" aria-labelledby="security-notice">
      <h2 id="security-notice">{t("staff.securityNotice.title")}</h2>
      {notice.failedAttempts > 0 && <p>{t("staff.securityNotice.failed", { count: notice.failedAttempts, date })}</p>}
      {(notice.repeatedFailureAlerts ?? 0) > 0 && (
        <p>{t("staff.securityNotice.alerts", { count: notice.repeatedFailureAlerts })}</p>
      )}
      <button type="button" class="button button--secondary" onClick={dismiss}>
        {t("staff.securityNotice.dismiss")}
      </button>
    </section>
  );
}
