import type { InboxReport, Me } from "@openclm/contracts";
import { useEffect, useRef } from "preact/hooks";
import type { ApiError } from "../../api/client.js";
import { useT } from "../../i18n/use-t.js";
import { Problem } from "../../shared/problem.js";
import { hasPermission } from "../staff/session-store.js";
import { AdvocacyPanel } from "./advocacy-panel.js";
import { AssignPanel } from "./assign-panel.js";
import { DecisionPanel } from "./decision-panel.js";
import { DuplicateList } from "./duplicate-list.js";
import { ErasedLabel } from "./erasure.js";
import { actionAttrs } from "./inbox-actions.js";
import { InternalNote } from "./internal-note.js";
import { PersonalData } from "./personal-data.js";
import { useReportProtocol } from "./protocol-data.js";
import { ProtocolPanel } from "./protocol-panel.js";
import { holderLabel } from "./queue-row.js";
import { RegistrationPanel } from "./registration-panel.js";
import { ReopenPanel } from "./reopen-panel.js";
import { ReportContext, type ReportContextValue } from "./report-context.js";
import { ReportFacts } from "./report-facts.js";
import { ReportMessages } from "./report-messages.js";
import { ReportTimeline } from "./report-timeline.js";
import { StatusBadge } from "./status-badge.js";
import { StatusPanel } from "./status-panel.js";
import { TakePanel } from "./take-panel.js";

const closedForWork = new Set(["declined", "closed"]);
const takeable = new Set(["validated", "in_progress", "referred", "escalated"]);

/** What this member may do with this report (the server checks again on every write). */
function abilities(me: Me, r: InboxReport) {
  const handles = me.role === "data_manager" || r.handledByYou;
  return {
    decide: hasPermission(me, "report:decide") && r.status === "submitted",
    // A responder takes work nobody holds in their scope, once validated (the server checks scope and role).
    take: me.role === "first_responder" && !r.assigneeId && !r.assigneeTeamId && takeable.has(r.status),
    reopen: hasPermission(me, "report:reopen"),
    assign: hasPermission(me, "report:assign") && !closedForWork.has(r.status),
    status: hasPermission(me, "report:update_status") && handles,
    // Nobody writes to an erased report's conversation (the server answers REPORT_ERASED).
    reply: hasPermission(me, "report:message") && handles && !closedForWork.has(r.status) && !r.erasure,
    note: hasPermission(me, "report:note") && handles && !r.erasure,
    registration: hasPermission(me, "report:decide") && r.registrationRequired,
  };
}

export const DETAIL_HEADING_ID = "detail-heading";

/** The open report: facts, personal data (if allowed), conversation, internal note, timeline and the actions. */
export function ReportDetail(props: {
  id: string;
  report: InboxReport | null;
  error: ApiError | null;
  context: Omit<ReportContextValue, "report">;
  onBack(): void;
}) {
  const t = useT("inbox");
  const heading = useRef<HTMLHeadingElement>(null);
  const r = props.report;
  // A newly opened report takes focus at its heading, so keyboard and screen-reader users land on it.
  useEffect(() => {
    if (r) heading.current?.focus({ preventScroll: false });
  }, [r?.id]);

  return (
    <section class="inbox__detail" aria-labelledby={DETAIL_HEADING_ID}>
      <button
        type="button"
        class="button button--link back-to-queue"
        onClick={props.onBack}
        {...actionAttrs("back", t("actions.back"))}
      >
        {t("detail.back")}
      </button>
      {props.error && <Problem error={props.error} />}
      {!r && !props.error && (
        <h2 id={DETAIL_HEADING_ID} aria-busy="true">
          {t("detail.loading")}
        </h2>
      )}
      {r && (
        <ReportContext.Provider value={{ ...props.context, report: r }}>
          <header class="detail-header">
            <h2 id={DETAIL_HEADING_ID} ref={heading} tabIndex={-1}>
              {t("detail.heading")}{" "}
              {r.trackingCode && (
                <span class="code" translate={false}>
                  {r.trackingCode}
                </span>
              )}
            </h2>
            <p class="detail-header__status">
              {r.training && <span class="badge badge--practice">{t("training.badge")}</span>}
              {r.erasure && <ErasedLabel erasure={r.erasure} />}
              <StatusBadge status={r.status} />
              {r.overdue && <span class="badge badge--overdue">{t("queue.overdue")}</span>}
              {r.reopenedByReporter && <span class="badge badge--reopened">{t("queue.reopened")}</span>}
              <span class="muted">{holderLabel(t, r, props.context.me.id)}</span>
            </p>
          </header>
          <DetailBody report={r} me={props.context.me} hrefFor={props.context.hrefFor} />
        </ReportContext.Provider>
      )}
    </section>
  );
}

function DetailBody(props: { report: InboxReport; me: Me; hrefFor(id: string): string }) {
  const t = useT("inbox");
  const can = abilities(props.me, props.report);
  const protocol = useReportProtocol(props.report);
  return (
    <div class="detail-grid">
      <div class="detail-main">
        {/* The decision and the duplicate signal come first: they are what a new report waits for. */}
        {can.decide && <DecisionPanel />}
        <DuplicateList
          report={props.report}
          hrefFor={props.hrefFor}
          canMerge={hasPermission(props.me, "report:decide")}
        />
        {can.take && <TakePanel />}
        <section class="detail-section" aria-labelledby="facts-h">
          <h3 id="facts-h">{t("detail.facts")}</h3>
          <ReportFacts report={props.report} />
        </section>
        <PersonalData report={props.report} />
        <ReportMessages report={props.report} canReply={can.reply} templates={protocol.protocol?.templates ?? []} />
        {can.note && <InternalNote report={props.report} />}
        <ReportTimeline
          report={props.report}
          meId={props.me.id}
          stepLabels={Object.fromEntries((protocol.protocol?.steps ?? []).map((s) => [s.code, s.label]))}
        />
      </div>
      <div class="detail-side">
        <ProtocolPanel
          protocol={protocol.protocol}
          error={protocol.error}
          busy={protocol.busy}
          canTick={can.status && !closedForWork.has(props.report.status)}
          onTick={protocol.tick}
        />
        {can.assign && <AssignPanel />}
        {can.registration && <RegistrationPanel />}
        {can.status && <StatusPanel steps={protocol.protocol?.steps} />}
        {can.reopen && <ReopenPanel />}
        {hasPermission(props.me, "advocacy:link") && <AdvocacyPanel />}
      </div>
    </div>
  );
}
