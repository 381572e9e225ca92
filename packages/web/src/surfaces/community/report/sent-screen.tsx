import { useT } from "../../../i18n/use-t.js";
import { AppLink } from "../app-link.js";
import { DeskCodeSms } from "../assist/desk-code-sms.js";
import { RelatedContent } from "../content/related-content.js";
import { KeepOnDevice } from "../my-reports/device-privacy.js";
import { setOpenedReport, TRACK_PATH } from "../my-reports/opened-report.js";
import { APP_BASE } from "../sections.js";
import { SubPage } from "../sub-page.js";
import type { SentOutcome } from "./draft-storage.js";
import { useCopy } from "./use-copy.js";

/** After sending: the tracking code, big, with a copy button and advice; or "saved, waiting to send" offline. */
export function SentScreen(props: { outcome: SentOutcome; onAnother(): void }) {
  const t = useT("app");
  const { copied, failed, copy } = useCopy();
  const { outcome } = props;
  if (outcome.kind === "waiting") {
    return (
      <SubPage title={t("report.waiting.title")}>
        <p class="lead">{t(outcome.busy ? "report.waiting.busyBody" : "report.waiting.body")}</p>
        <div class="actions">
          <AppLink class="button" href={`${APP_BASE}/my-reports`}>
            {t("report.waiting.myReports")}
          </AppLink>
          <button type="button" class="button button--secondary" onClick={props.onAnother}>
            {t("report.sent.another")}
          </button>
        </div>
        <RelatedContent subcategoryCode={outcome.subcategoryCode} />
      </SubPage>
    );
  }
  return (
    <SubPage title={t("report.sent.title")}>
      <p class="lead">{t("report.sent.body")}</p>
      <div class="code-card">
        <p class="code-card__label">{t("report.sent.codeLabel")}</p>
        <p class="code-card__code" translate={false} data-tracking-code>
          {outcome.trackingCode}
        </p>
        {outcome.smsClientId && <DeskCodeSms clientId={outcome.smsClientId} />}
        <button type="button" class="button button--secondary" onClick={() => copy(outcome.trackingCode)}>
          {t("report.sent.copy")}
        </button>
        <p class="code-card__status" role="status">
          {copied ? t("report.sent.copied") : failed ? t("report.sent.copyFailed") : ""}
        </p>
      </div>
      <KeepOnDevice trackingCode={outcome.trackingCode} />
      <div class="panel advice">
        <h2>{t("report.sent.keepSafeTitle")}</h2>
        <ul>
          <li>{t("report.sent.keepSafe1")}</li>
          <li>{t("report.sent.keepSafe2")}</li>
          <li>{t("report.sent.keepSafe3")}</li>
        </ul>
      </div>
      <div class="actions">
        <AppLink class="button" href={TRACK_PATH} onClick={() => setOpenedReport(outcome.trackingCode)}>
          {t("report.sent.track")}
        </AppLink>
        <button type="button" class="button button--secondary" onClick={props.onAnother}>
          {t("report.sent.another")}
        </button>
      </div>
      <RelatedContent subcategoryCode={outcome.subcategoryCode} />
    </SubPage>
  );
}
