import type { InboxReport } from "@openclm/contracts";
import { useEffect, useState } from "preact/hooks";
import { type DuplicateCandidate, inboxApi } from "../../api/staff-client.js";
import { useT } from "../../i18n/use-t.js";
import { FormError } from "../staff/form-error.js";
import { useFormatters } from "./format.js";
import { StatusBadge } from "./status-badge.js";
import { useReportWrite } from "./use-report-write.js";

/**
 * Possible duplicates (same reporter, topic and place within the window): flagged, never declined automatically. A
 * data manager may merge the open report into one of them (it is then declined as its duplicate).
 */
export function DuplicateList(props: { report: InboxReport; hrefFor(id: string): string; canMerge: boolean }) {
  const t = useT("inbox");
  const write = useReportWrite();
  const mergeable = props.canMerge && (props.report.status === "submitted" || props.report.status === "validated");
  const fmt = useFormatters();
  const [items, setItems] = useState<DuplicateCandidate[] | null>(null);
  const { id, duplicateCandidateCount, version } = props.report;

  useEffect(() => {
    if (!duplicateCandidateCount) return setItems([]);
    inboxApi.duplicates(id).then(
      (r) => setItems(r.items),
      () => setItems([]),
    );
  }, [id, duplicateCandidateCount, version]);

  if (!duplicateCandidateCount) return null;
  return (
    <section class="detail-section" aria-labelledby="dupes-h">
      <h3 id="dupes-h">{t("duplicates.title", { count: duplicateCandidateCount })}</h3>
      <p class="hint">{t("duplicates.hint")}</p>
      <ul class="duplicates">
        {(items ?? []).map((d) => (
          <li key={d.id}>
            <a href={props.hrefFor(d.id)} class="code" translate={false}>
              {d.trackingCode}
            </a>{" "}
            <StatusBadge status={d.status} /> <time dateTime={d.createdAt}>{fmt.date(d.createdAt)}</time>
            {mergeable && d.status !== "declined" && (
              <button
                type="button"
                class="button button--secondary button--small"
                disabled={write.busy}
                aria-label={t("duplicates.mergeInto", { code: d.trackingCode })}
                onClick={() => void write.run((version) => inboxApi.merge(id, d.id, version), t("duplicates.merged"))}
              >
                {t("duplicates.merge")}
              </button>
            )}
          </li>
        ))}
      </ul>
      <FormError error={write.error} />
    </section>
  );
}
