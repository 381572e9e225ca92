import type { InboxReport } from "@openclm/contracts";
import { useT } from "../../i18n/use-t.js";
import { useFormatters } from "./format.js";

type Event = InboxReport["timeline"][number];

/** Every step of the report, oldest first; internal notes are marked as such. */
export function ReportTimeline(props: { report: InboxReport; meId: string; stepLabels?: Record<string, string> }) {
  const t = useT("inbox");
  const fmt = useFormatters();
  const describe = (e: Event): string => {
    if (e.type === "note") return t("timeline.note");
    if (e.type === "message") return t("timeline.message");
    if (e.type === "consent_change") return t("timeline.consent");
    if (e.type === "protocol_step")
      return t(e.details.done ? "timeline.stepDone" : "timeline.stepUndone", {
        step: props.stepLabels?.[String(e.details.stepCode)] ?? String(e.details.stepCode),
      });
    if (e.type === "escalation")
      return t(e.details.sla === "resolution" ? "timeline.escalatedResolution" : "timeline.escalatedFirstResponse");
    if (e.type === "assignment") return e.details.assigneeId ? t("timeline.assigned") : t("timeline.unassigned");
    if (e.toStatus && e.fromStatus !== e.toStatus)
      return t("timeline.status", { status: t(`status.${e.toStatus as "submitted"}`) });
    if (e.type === "submitted" || (!e.fromStatus && e.toStatus === "submitted")) return t("timeline.submitted");
    return t("timeline.other");
  };
  const who = (e: Event) =>
    e.actorType === "staff" ? (e.actorId === props.meId ? t("timeline.byYou") : t("timeline.byStaff")) : "";
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
            {e.note && <p class="free-text">{e.note}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
