import "../reporting.css";
import type { TrackedReport } from "@openclm/contracts";
import type { TFunction } from "i18next";
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import { useLocation, useRoute } from "preact-iso";
import { useConfig } from "../../../api/public-config.js";
import { useT } from "../../../i18n/use-t.js";
import { Problem } from "../../../shared/problem.js";
import { AppLink } from "../app-link.js";
import { devicePrefs, forgetReport, isSavedReport, normaliseCode, saveReport } from "../outbox/saved-reports.js";
import { findCategory, findSubcategory } from "../report/taxonomy.js";
import { APP_BASE } from "../sections.js";
import { SubPage } from "../sub-page.js";
import { ConfirmBox } from "./confirm-box.js";
import { ConsentBox } from "./consent-box.js";
import { EraseBox } from "./erase-box.js";
import { forgetOpenedReport, openedReport, setOpenedReport, useOpenReport } from "./opened-report.js";
import { PushBox } from "./push-box.js";
import { ReplyForm } from "./reply-form.js";
import { ReportMessages } from "./report-messages.js";
import { ReportTimeline } from "./report-timeline.js";
import { TrackCodeForm } from "./track-code-form.js";
import { useTrackedReport } from "./use-tracked-report.js";

/**
 * /app/track — what happened with one report. The code is never in the address: the report open is the one chosen
 * in "My reports" or typed here (opened-report.ts); after a reload the page asks for the code again.
 */
export function TrackPage() {
  const t = useT("app");
  const [code, setCode] = useState(openedReport);
  if (code) return <TrackedReportView code={code} />;
  return (
    <SubPage title={t("track.title")}>
      <TrackCodeForm
        onOpen={(typed) => {
          setOpenedReport(typed);
          setCode(typed);
        }}
      />
      <p>
        <AppLink href={`${APP_BASE}/my-reports`}>{t("track.backToList")}</AppLink>
      </p>
    </SubPage>
  );
}

/**
 * /app/track/:code — the address older versions of the app made (and kept in history, bookmarks and shared links):
 * opens the report and replaces the address, so the code leaves this history entry.
 */
export function LegacyTrackLink() {
  const { params } = useRoute();
  const open = useOpenReport();
  useEffect(() => open(normaliseCode(decodeURIComponent(params.code ?? ""))), []);
  return null;
}

/**
 * The status in plain words; once the reporter answered "was it solved?", their answer decides the words: a
 * confirmed solution, or a report opened again and what happens now.
 */
function statusText(t: TFunction<"app">, report: TrackedReport): string {
  // Joined with another report: what happens now happens there. Only its status is known here (never its code).
  if (report.mergedInto) return t(`track.statusText.${report.mergedInto.status}`);
  if (report.status === "resolved" && report.reporterConfirmed === true) return t("track.confirm.confirmed");
  if (report.status === "in_progress" && report.reporterConfirmed === false) return t("track.confirm.reopened");
  return t(`track.statusText.${report.status}`);
}

/** Status in plain words, timeline, messages, reply, confirm, consent, and whether this phone keeps it. */
function TrackedReportView({ code }: { code: string }) {
  const t = useT("app");
  const tc = useT("common");
  const { route } = useLocation();
  const { config } = useConfig();
  const { report, error, loading, reload, set } = useTrackedReport(code);
  const [, setSavedTick] = useState(0);
  const shownCode = report?.trackingCode ?? code;
  const onDevice = isSavedReport(shownCode);
  const shared = devicePrefs().shared === true;
  const [answer, setAnswer] = useState<boolean | null>(null);
  const [erased, setErased] = useState(false);
  const erasedHeading = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => {
    if (erased) erasedHeading.current?.focus();
  }, [erased]);
  // The question's buttons are gone once answered: focus goes to the status, which now says what happens.
  const statusCard = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (answer !== null) statusCard.current?.focus();
  }, [answer]);

  const forget = () => {
    if (!confirm(t("track.forgetConfirm"))) return;
    forgetReport(shownCode);
    route(`${APP_BASE}/my-reports`, true);
  };

  if (erased)
    return (
      <SubPage title={t("track.title")}>
        <div class="panel erase-done">
          <h2 ref={erasedHeading} tabIndex={-1}>
            {t("track.erase.done")}
          </h2>
          <p>{t("track.erase.doneBody")}</p>
        </div>
        <p>
          <AppLink href={`${APP_BASE}/my-reports`}>{t("track.backToList")}</AppLink>
        </p>
      </SubPage>
    );

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
          <div
            class={`status-card status-card--${report.mergedInto?.status ?? report.status}`}
            ref={statusCard}
            tabIndex={-1}
          >
            <p class="status-card__label">{t("track.status")}</p>
            {report.mergedInto && <p class="status-card__merged">{t("track.merged")}</p>}
            <p class="status-card__status" role="status">
              {statusText(t, report)}
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
          <ReportTimeline timeline={report.timeline} merged={report.mergedInto !== null} />
          <section aria-labelledby="messages-heading">
            <h2 id="messages-heading">{t("track.messages")}</h2>
            <ReportMessages messages={report.messages} />
            <ReplyForm code={report.trackingCode} onSent={reload} />
          </section>
          {onDevice && !shared && !report.mergedInto && <PushBox code={report.trackingCode} />}
          <ConsentBox report={report} onChanged={set} />
          <EraseBox
            code={report.trackingCode}
            onErased={() => {
              // Nothing of it stays on this phone either: not in My reports, not as the report open here.
              forgetReport(report.trackingCode);
              forgetReport(code);
              forgetOpenedReport();
              setErased(true);
            }}
          />
          <section class="device-actions" aria-labelledby="device-heading">
            <h2 id="device-heading">{t("track.onThisPhone")}</h2>
            {shared ? (
              <p class="hint">{t("device.sharedNotice")}</p>
            ) : onDevice ? (
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
