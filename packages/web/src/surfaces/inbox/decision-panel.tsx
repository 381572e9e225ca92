import type { DeclineReason } from "@openclm/contracts";
import { useId, useState } from "preact/hooks";
import { inboxApi } from "../../api/staff-client.js";
import { useT } from "../../i18n/use-t.js";
import { FormError } from "../staff/form-error.js";
import { actionAttrs } from "./inbox-actions.js";
import { declineReasons } from "./inbox-lists.js";
import { useReportContext } from "./report-context.js";
import { useReportWrite } from "./use-report-write.js";

export const VALIDATE_ID = "action-validate";
export const DECLINE_REASON_ID = "decline-reason";

/** The data manager's decision on a new report: validate it, or decline it with a reason (and an optional note). */
export function DecisionPanel() {
  const t = useT("inbox");
  const id = useId();
  const { report } = useReportContext();
  const write = useReportWrite();
  const [reason, setReason] = useState<DeclineReason | "">("");
  const [note, setNote] = useState("");

  const validate = () =>
    write.run((version) => inboxApi.decide(report.id, { decision: "validate", version }), t("decision.validated"));
  const decline = (e: Event) => {
    e.preventDefault();
    if (!reason) return;
    void write.run(
      (version) => inboxApi.decide(report.id, { decision: "decline", reason, note: note.trim() || undefined, version }),
      t("decision.declined"),
    );
  };

  return (
    <section class="detail-section action-panel" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t("decision.title")}</h3>
      <button
        id={VALIDATE_ID}
        type="button"
        class="button"
        disabled={write.busy}
        onClick={() => void validate()}
        {...actionAttrs("validate", t("actions.validate"))}
      >
        {t("actions.validate")}
      </button>
      <form class="decline-form" onSubmit={decline}>
        <div class="field">
          <label for={DECLINE_REASON_ID}>{t("decision.reason")}</label>
          <select
            id={DECLINE_REASON_ID}
            value={reason}
            required
            onChange={(e) => setReason(e.currentTarget.value as DeclineReason)}
            {...actionAttrs("decline", t("actions.decline"))}
          >
            <option value="">{t("decision.chooseReason")}</option>
            {declineReasons
              .filter((r) => r !== "not_registered" || report.registrationRequired)
              .map((r) => (
                <option key={r} value={r}>
                  {t(`reasons.${r}`)}
                </option>
              ))}
          </select>
        </div>
        <div class="field">
          <label for={`${id}-note`}>{t("decision.note")}</label>
          <textarea
            id={`${id}-note`}
            rows={2}
            maxLength={2000}
            value={note}
            onInput={(e) => setNote(e.currentTarget.value)}
          />
        </div>
        <button type="submit" class="button button--danger" disabled={write.busy || !reason}>
          {t("actions.decline")}
        </button>
      </form>
      <FormError error={write.error} />
    </section>
  );
}
