import "../reporting.css";
import { useConfig } from "../../../api/public-config.js";
import { useLanguage, useT } from "../../../i18n/use-t.js";
import { AppLink } from "../app-link.js";
import { AssistedReports } from "../assist/assisted-reports.js";
import { useAssistant } from "../assist/use-assistant.js";
import { useDeviceReports } from "../outbox/use-outbox.js";
import { findCategory } from "../report/taxonomy.js";
import { SubPage } from "../sub-page.js";
import { AccountSection } from "./account-section.js";
import { DevicePrivacy } from "./device-privacy.js";
import { formatDate } from "./format-date.js";
import { mergeReports } from "./merge-reports.js";
import { setOpenedReport, TRACK_PATH } from "./opened-report.js";
import { OutboxItem } from "./outbox-item.js";
import { TrackCodeForm } from "./track-code-form.js";
import { useCommunityAccount } from "./use-community-account.js";

/**
 * /app/my-reports: reports waiting on this device, the tracking codes it keeps (with those of the optional account
 * when signed in, each code once), "open a code", and the account itself.
 */
export function MyReports() {
  const t = useT("app");
  const lng = useLanguage();
  const { config } = useConfig();
  const { outbox, saved } = useDeviceReports();
  const account = useCommunityAccount();
  const assistant = useAssistant();
  const listed = mergeReports(saved, account.phase === "on" ? account.reports : []);
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
        {account.phase === "on" && <p class="hint">{t("myReports.account.listHint")}</p>}
        {listed.length === 0 ? (
          <p>{t(account.phase === "on" ? "myReports.account.empty" : "myReports.empty")}</p>
        ) : (
          <ul class="report-list">
            {listed.map((r) => (
              <li key={r.trackingCode} class="report-item">
                <AppLink class="report-item__link" href={TRACK_PATH} onClick={() => setOpenedReport(r.trackingCode)}>
                  <span class="report-item__title">
                    {(config && findCategory(config, r.categoryCode)?.label) ?? t("myReports.report")}
                  </span>
                  <span class="report-item__code" translate={false}>
                    {r.trackingCode}
                  </span>
                  {r.status && <span class="report-item__status">{t(`track.statusShort.${r.status}`)}</span>}
                  <span class="report-item__meta">{t("myReports.sentOn", { date: formatDate(r.createdAt, lng) })}</span>
                </AppLink>
              </li>
            ))}
          </ul>
        )}
      </section>
      {assistant?.as === "staff" && <AssistedReports />}
      <TrackCodeForm />
      <DevicePrivacy />
      <AccountSection account={account} />
    </SubPage>
  );
}
