import { useId } from "preact/hooks";
import { inboxApi } from "../../api/staff-client.js";
import { useT } from "../../i18n/use-t.js";
import { FormError } from "../staff/form-error.js";
import { useReportContext } from "./report-context.js";
import { useReportWrite } from "./use-report-write.js";

/** A responder takes a report nobody holds in their area, without waiting for the data manager to assign it. */
export function TakePanel() {
  const t = useT("inbox");
  const id = useId();
  const { report } = useReportContext();
  const write = useReportWrite();
  return (
    <section class="detail-section action-panel" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t("take.title")}</h3>
      <p class="hint">{t("take.hint")}</p>
      <FormError error={write.error} />
      <button
        type="button"
        class="button"
        disabled={write.busy}
        onClick={() => void write.run((version) => inboxApi.take(report.id, version), t("take.done"))}
      >
        {t("take.submit")}
      </button>
    </section>
  );
}
