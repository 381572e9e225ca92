import type { ApiRequest } from "@openclm/contracts";
import { useId, useState } from "preact/hooks";
import { inboxApi } from "../../api/staff-client.js";
import { useT } from "../../i18n/use-t.js";
import { FormError } from "../staff/form-error.js";
import { nextStatuses } from "./inbox-lists.js";
import { useReportContext } from "./report-context.js";
import { useReportWrite } from "./use-report-write.js";

/** The statuses a person may move a case to (never back to submitted, validated or declined). */
type NextStatus = ApiRequest<"POST /inbox/reports/:id/status">["body"]["status"];

/** Move the case along: only the statuses allowed next are offered; the note goes into the timeline. */
export function StatusPanel() {
  const t = useT("inbox");
  const id = useId();
  const { report } = useReportContext();
  const write = useReportWrite();
  const options = nextStatuses[report.status];
  const [status, setStatus] = useState<NextStatus | "">("");
  const [note, setNote] = useState("");
  if (!options.length) return null;

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (!status) return;
    const target = status;
    const ok = await write.run(
      (version) => inboxApi.status(report.id, { status: target, note: note.trim() || undefined, version }),
      t("statusChange.done", { status: t(`status.${target}`) }),
    );
    if (ok) {
      setStatus("");
      setNote("");
    }
  };

  return (
    <form class="detail-section action-panel" aria-labelledby={`${id}-h`} onSubmit={onSubmit}>
      <h3 id={`${id}-h`}>{t("statusChange.title")}</h3>
      <div class="field">
        <label for={`${id}-s`}>{t("statusChange.label")}</label>
        <select id={`${id}-s`} value={status} required onChange={(e) => setStatus(e.currentTarget.value as NextStatus)}>
          <option value="">{t("statusChange.choose")}</option>
          {options.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={`${id}-n`}>{t("statusChange.note")}</label>
        <textarea
          id={`${id}-n`}
          rows={2}
          maxLength={2000}
          value={note}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
      </div>
      <FormError error={write.error} />
      <button type="submit" class="button" disabled={write.busy || !status}>
        {t("statusChange.submit")}
      </button>
    </form>
  );
}
