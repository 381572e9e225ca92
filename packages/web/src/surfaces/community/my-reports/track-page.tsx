import "../reporting.css";
import { useState } from "preact/hooks";
import { useLocation, useRoute } from "preact-iso";
import { useConfig } from "../../../api/public-config.js";
import { useT } from "../../../i18n/use-t.js";
import { Problem } from "../../../shared/problem.js";
import { AppLink } from "../app-link.js";
import { forgetReport, normaliseCode, readSavedReports, saveReport } from "../outbox/saved-reports.js";
import { findCategory, findSubcategory } from "../report/taxonomy.js";
import { APP_BASE } from "../sections.js";
import { SubPage } from "../sub-page.js";
import { ConfirmBox } from "./confirm-box.js";
import { ConsentBox } from "./consent-box.js";
import { ReplyForm } from "./reply-form.js";
import { ReportMessages } from "./report-messages.js";
import { ReportTimeline } from "./report-timeline.js";
import { useTrackedReport } from "./use-tracked-report.js";

/** /app/track/:code — what happened with one report: status in plain words, timeline, messages, reply, confirm. */
export function TrackPage() {
  const t = useT("app");
  const tc = useT("common");
  const { params } = useRoute();
  const { route } = useLocation();
  const code = normaliseCode(decodeURIComponent(params.code ?? ""));
  const { config } = useConfig();
  const { report, error, loading, reload, set } = useTrackedReport(code);
  const [, setSavedTick] = useState(0);
  const shownCode = report?.trackingCode ?? code;
  const onDevice = readSavedReports().some((r) => r.trackingCode === shownCode);
  const [answer, setAnswer] = useState<boolean | null>(null);

  const forget = () => {
    if (!confirm(t("track.forgetConfirm"))) return;
    forgetReport(shownCode);
    route(`${APP_BASE}/my-reports`, true);
  };

  return (
    <SubPage title={t("track.title")}>
      <p class="track-code">
        {t("track.code")}{" "}
        <strong translate={false} data-tracking-code>
          {shownCode}
        </strong>
      </p>
      {loading && !report && <p role="status">{tc("loading")}</p>}
      {error &&
        (error.status === 404 ? (
          <p class="problem">{t("track.notFound")}</p>
        ) : (
          <Problem error={error} onRetry={reload} />
        ))}
      {report && (
        <>
          <div class={`status-card status-card--${report.status}`}>
            <p class="status-card__label">{t("track.status")}</p>
            <p class="status-card__status" role="status">
              {t(`track.statusText.${report.status}`)}
            </p>
            {config && (
              <p class="status-card__about">
                {[
                  findCategory(config, report.categoryCode)?.label,
                  findSubcategory(config, report.subcategoryCode)?.label,
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </p>
            )}
          </div>
          {answer !== null && (
            <p class="notice" role="status">
              {t(answer ? "track.confirm.thanksYes" : "track.confirm.thanksNo")}
            </p>
          )}
          {report.canConfirm && (
            <ConfirmBox
              code={report.trackingCode}
              onAnswered={(next) => {
                setAnswer(next.reporterConfirmed);
                set(next);
              }}
            />
          )}
          <ReportTimeline timeline={report.timeline} />
          <section aria-labelledby="messages-heading">
            <h2 id="messages-heading">{t("track.messages")}</h2>
            <ReportMessages messages={report.messages} />
            <ReplyForm code={report.trackingCode} onSent={reload} />
          </section>
          <ConsentBox report={report} onChanged={set} />
          <section class="device-actions" aria-labelledby="device-heading">
            <h2 id="device-heading">{t("track.onThisPhone")}</h2>
            {onDevice ? (
              <>
                <p class="hint">{t("track.forgetHint")}</p>
                <button type="button" class="button button--secondary" onClick={forget}>
                  {t("track.forget")}
                </button>
              </>
            ) : (
              <button
                type="button"
                class="button button--secondary"
                onClick={() => {
                  saveReport({
                    trackingCode: report.trackingCode,
                    createdAt: report.createdAt,
                    categoryCode: report.categoryCode,
                  });
                  setSavedTick((n) => n + 1);
                }}
              >
                {t("track.save")}
              </button>
            )}
          </section>
        </>
      )}
      <p>
        <AppLink href={`${APP_BASE}/my-reports`}>{t("track.backToList")}</AppLink>
      </p>
    </SubPage>
  );
}
