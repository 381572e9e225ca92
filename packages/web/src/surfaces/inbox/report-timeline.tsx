import type { InboxReport } from "@openclm/contracts";
import { useT } from "../../i18n/use-t.js";
import { useFormatters } from "./format.js";

type Event = InboxReport["timeline"][number];

/** Every step of the report, oldest first; internal notes are marked as such. */
export function ReportTimeline(props: { report: InboxReport; meId: string; stepLabels?: Record<string, string> }) {
  const t = useT("inbox");
  const fmt = useFormatters();
  const names = props.report.names;
  const named = (id: unknown) => (typeof id === "string" && names[id]) || t("timeline.someone");
  const stepList = (codes: unknown) =>
    (Array.isArray(codes) ? codes : []).map((c) => props.stepLabels?.[String(c)] ?? String(c)).join("; ");
  const describe = (e: Event): string => {
    const byReporter = e.actorType === "reporter";
    if (e.type === "note") return t("timeline.note");
    if (e.type === "message") return t(byReporter ? "timeline.messageFromReporter" : "timeline.message");
    if (e.type === "confirmation") return t("timeline.confirmed");
    if (e.type === "consent_change") return t("timeline.consent");
    if (e.type === "protocol_step")
      return t(e.details.done ? "timeline.stepDone" : "timeline.stepUndone", {
        step: props.stepLabels?.[String(e.details.stepCode)] ?? String(e.details.stepCode),
      });
    if (e.type === "escalation")
      return t(e.details.sla === "resolution" ? "timeline.escalatedResolution" : "timeline.escalatedFirstResponse");
    if (e.type === "assignment") {
      if (e.details.assigneeId === props.meId) return t("timeline.assignedToYou");
      if (e.details.assigneeId) return t("timeline.assignedTo", { name: named(e.details.assigneeId) });
      if (e.details.assigneeTeamId) return t("timeline.assignedTo", { name: named(e.details.assigneeTeamId) });
      return t("timeline.unassigned");
    }
    if (e.type === "submitted" || (!e.fromStatus && e.toStatus === "submitted")) return t("timeline.submitted");
    if (e.type === "merge") return t("timeline.mergedHere");
    if (e.details.merged) return t("timeline.mergedInto");
    if (byReporter && e.details.reopened) return t("timeline.reopenedByReporter");
    if (e.toStatus === "resolved" && typeof e.details.outcome === "string")
      return t("timeline.resolvedHow", { outcome: t(`outcome.${e.details.outcome as "other"}`) });
    if (e.toStatus === "referred" && typeof e.details.referredTo === "string")
      return t("timeline.referredTo", { place: e.details.referredTo });
    if (e.toStatus && e.fromStatus !== e.toStatus)
      return t("timeline.status", { status: t(`status.${e.toStatus as "submitted"}`) });
    return t("timeline.other");
  };
  const who = (e: Event) => {
    if (e.actorType === "reporter") return t("timeline.byReporter");
    if (e.actorType === "system") return t("timeline.automatic");
    if (e.actorType !== "staff") return "";
    return e.actorId === props.meId ? t("timeline.byYou") : t("timeline.byName", { name: named(e.actorId) });
  };
  return (
    <section class="detail-section" aria-labelledby="timeline-h">
      <h3 id="timeline-h">{t("timeline.title")}</h3>
      <ol class="timeline">
        {props.report.timeline.map((e) => (
          <li key={e.id} class={e.type === "note" ? "timeline__item timeline__item--internal" : "timeline__item"}>
            <p class="timeline__what">
              {describe(e)}
              {who(e) && <span class="muted"> · {who(e)}</span>}
            </p>
            <p class="timeline__when">
              <time dateTime={e.at}>{fmt.dateTime(e.at)}</time>
            </p>
            {stepList(e.details.skippedSteps) && (
              <p class="timeline__skipped">{t("timeline.skipped", { steps: stepList(e.details.skippedSteps) })}</p>
            )}
            {e.note && <p class="free-text">{e.note}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
