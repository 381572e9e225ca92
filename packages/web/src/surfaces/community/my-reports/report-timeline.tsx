import type { TrackedReport } from "@openclm/contracts";
import { useLanguage, useT } from "../../../i18n/use-t.js";
import { formatDate } from "./format-date.js";

/** The status history, oldest first, in plain words. */
export function ReportTimeline(props: { timeline: TrackedReport["timeline"] }) {
  const t = useT("app");
  const lng = useLanguage();
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t("track.timeline")}</h2>
      <ol class="timeline">
        {props.timeline.map((step) => (
          <li key={`${step.status}-${step.at}`}>
            <span class="timeline__status">{t(`track.statusShort.${step.status}`)}</span>{" "}
            <time class="timeline__at" dateTime={step.at}>
              {formatDate(step.at, lng, true)}
            </time>
          </li>
        ))}
      </ol>
    </section>
  );
}
