import "../reporting.css";
import { useConfig } from "../../../api/public-config.js";
import { useLanguage, useT } from "../../../i18n/use-t.js";
import { AppLink } from "../app-link.js";
import { useDeviceReports } from "../outbox/use-outbox.js";
import { findCategory } from "../report/taxonomy.js";
import { APP_BASE } from "../sections.js";
import { SubPage } from "../sub-page.js";
import { formatDate } from "./format-date.js";
import { OutboxItem } from "./outbox-item.js";
import { TrackCodeForm } from "./track-code-form.js";

/** /app/my-reports: reports waiting on this device, the tracking codes it keeps, and "open a code". */
export function MyReports() {
  const t = useT("app");
  const lng = useLanguage();
  const { config } = useConfig();
  const { outbox, saved } = useDeviceReports();
  return (
    <SubPage title={t("sections.reports.title")}>
      <p class="lead">{t("myReports.intro")}</p>
      {outbox.length > 0 && (
        <section aria-labelledby="outbox-heading">
          <h2 id="outbox-heading">{t("myReports.outboxTitle")}</h2>
          <ul class="report-list">
            {outbox.map((entry) => (
              <OutboxItem key={entry.clientId} entry={entry} />
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="saved-heading">
        <h2 id="saved-heading">{t("myReports.savedTitle")}</h2>
        {saved.length === 0 ? (
          <p>{t("myReports.empty")}</p>
        ) : (
          <ul class="report-list">
            {saved.map((r) => (
              <li key={r.trackingCode} class="report-item">
                <AppLink class="report-item__link" href={`${APP_BASE}/track/${encodeURIComponent(r.trackingCode)}`}>
                  <span class="report-item__title">
                    {(config && findCategory(config, r.categoryCode)?.label) ?? t("myReports.report")}
                  </span>
                  <span class="report-item__code" translate={false}>
                    {r.trackingCode}
                  </span>
                  <span class="report-item__meta">{t("myReports.sentOn", { date: formatDate(r.createdAt, lng) })}</span>
                </AppLink>
              </li>
            ))}
          </ul>
        )}
      </section>
      <TrackCodeForm />
    </SubPage>
  );
}
