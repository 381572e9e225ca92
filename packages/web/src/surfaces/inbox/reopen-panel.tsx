import { inboxApi } from "../../api/staff-client.js";
import { useT } from "../../i18n/use-t.js";
import { reopenableStatuses } from "./inbox-lists.js";
import { useReportContext } from "./report-context.js";
import { TextEntryForm } from "./text-entry-form.js";
import { useReportWrite } from "./use-report-write.js";

/** Undo a decision (back to "submitted"), always with a note saying why. */
export function ReopenPanel() {
  const t = useT("inbox");
  const { report } = useReportContext();
  const write = useReportWrite();
  if (!reopenableStatuses.includes(report.status)) return null;
  return (
    <section class="detail-section action-panel" aria-labelledby="reopen-h">
      <h3 id="reopen-h">{t("reopen.title")}</h3>
      <TextEntryForm
        id="reopen-note"
        label={t("reopen.label")}
        submit={t("reopen.submit")}
        busy={write.busy}
        error={write.error}
        onSubmit={(note) => write.run((version) => inboxApi.reopen(report.id, { note, version }), t("reopen.done"))}
      />
    </section>
  );
}
