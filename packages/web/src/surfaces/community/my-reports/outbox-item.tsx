import type { ErrorCode } from "@openclm/contracts";
import { useLocation } from "preact-iso";
import { useConfig } from "../../../api/public-config.js";
import { useLanguage, useT } from "../../../i18n/use-t.js";
import { discardEntry, isHeldBack, sendEntry } from "../outbox/outbox-sender.js";
import type { OutboxEntry } from "../outbox/outbox-store.js";
import { saveDraft, saveSent } from "../report/draft-storage.js";
import { findCategory } from "../report/taxonomy.js";
import { APP_BASE } from "../sections.js";
import { formatDate } from "./format-date.js";

/** A report still on the device: waiting to send (with "try now"), or refused (with the reason, fix or delete). */
export function OutboxItem(props: { entry: OutboxEntry }) {
  const t = useT("app");
  const tc = useT("common");
  const lng = useLanguage();
  const { config } = useConfig();
  const { route } = useLocation();
  const { entry } = props;
  const category = config ? findCategory(config, entry.body.categoryCode)?.label : undefined;
  const fix = () => {
    saveSent(null);
    saveDraft({ ...entry.draft, step: "review" });
    route(`${APP_BASE}/report`, true);
  };
  const discard = () => {
    if (confirm(t("myReports.discardConfirm"))) discardEntry(entry.clientId);
  };
  return (
    <li class={`report-item report-item--${entry.state}`}>
      <p class="report-item__title">{category ?? t("myReports.report")}</p>
      <p class="report-item__meta">{t("myReports.savedOn", { date: formatDate(entry.queuedAt, lng) })}</p>
      {entry.state === "waiting" ? (
        <>
          <p class="badge badge--waiting">{t("myReports.waiting")}</p>
          {isHeldBack(entry) ? (
            // The server asked for a pause: nothing to do but wait, the outbox sends it at the time it was given.
            <p class="hint">{t("myReports.busyHint")}</p>
          ) : (
            <>
              <p class="hint">{t("myReports.waitingHint")}</p>
              <button type="button" class="button button--secondary" onClick={() => void sendEntry(entry)}>
                {t("myReports.sendNow")}
              </button>
            </>
          )}
        </>
      ) : (
        <>
          <p class="badge badge--failed">{t("myReports.failed")}</p>
          <p class="field-error">{tc(`errors.${(entry.error ?? "INTERNAL") as ErrorCode}`)}</p>
          <div class="actions">
            <button type="button" class="button" onClick={fix}>
              {t("myReports.fix")}
            </button>
            <button type="button" class="button button--secondary" onClick={discard}>
              {t("myReports.discard")}
            </button>
          </div>
        </>
      )}
    </li>
  );
}
