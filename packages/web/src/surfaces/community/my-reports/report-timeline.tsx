import type { TrackedReport } from "@openclm/contracts";
import { useLanguage, useT } from "../../../i18n/use-t.js";
import { formatDate } from "./format-date.js";

/**
 * The status history, oldest first, in plain words. A report joined with another (`merged`) was declined as a
 * duplicate by that merge: its last "not taken up" step says what happened instead.
 */
export function ReportTimeline(props: { timeline: TrackedReport["timeline"]; merged?: boolean }) {
  const t = useT("app");
  const lng = useLanguage();
  const mergedStep = props.merged ? props.timeline.map((s) => s.status).lastIndexOf("declined") : -1;
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t("track.timeline")}</h2>
      <ol class="timeline">
        {props.timeline.map((step, i) => (
          <li key={`${step.status}-${step.at}`}>
            <span class="timeline__status">
              {i === mergedStep ? t("track.mergedStep") : t(`track.statusShort.${step.status}`)}
            </span>{" "}
            <time class="timeline__at" dateTime={step.at}>
              {formatDate(step.at, lng, true)}
            </time>
          </li>
        ))}
      </ol>
    </section>
  );
}
