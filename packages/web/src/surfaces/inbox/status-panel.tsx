import { type ApiRequest, type ReportProtocol, type ResolutionOutcome, resolutionOutcomes } from "@openclm/contracts";
import { useId, useState } from "preact/hooks";
import { inboxApi } from "../../api/staff-client.js";
import { useT } from "../../i18n/use-t.js";
import { FormError } from "../staff/form-error.js";
import { nextStatuses } from "./inbox-lists.js";
import { useReportContext } from "./report-context.js";
import { useReportWrite } from "./use-report-write.js";

/** The statuses a person may move a case to (never back to submitted, validated or declined). */
type NextStatus = ApiRequest<"POST /inbox/reports/:id/status">["body"]["status"];

/**
 * Move the case along: only the statuses allowed next are offered; the note goes into the timeline. Resolving asks
 * how it was resolved and names the protocol steps not done; referring asks where to.
 */
export function StatusPanel(props: { steps?: ReportProtocol["steps"] }) {
  const t = useT("inbox");
  const id = useId();
  const { report } = useReportContext();
  const write = useReportWrite();
  const options = nextStatuses[report.status];
  const [status, setStatus] = useState<NextStatus | "">("");
  const [note, setNote] = useState("");
  const [outcome, setOutcome] = useState<ResolutionOutcome | "">("");
  const [referredTo, setReferredTo] = useState("");
  if (!options.length) return null;
  const skipped = (props.steps ?? []).filter((s) => !s.done);

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (!status) return;
    const target = status;
    const ok = await write.run(
      (version) =>
        inboxApi.status(report.id, {
          status: target,
          note: note.trim() || undefined,
          outcome: target === "resolved" && outcome ? outcome : undefined,
          referredTo: target === "referred" ? referredTo.trim() : undefined,
          version,
        }),
      t("statusChange.done", { status: t(`status.${target}`) }),
    );
    if (ok) {
      setStatus("");
      setNote("");
      setOutcome("");
      setReferredTo("");
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
      {status === "resolved" && (
        <div class="field">
          <label for={`${id}-o`}>{t("statusChange.outcome")}</label>
          <select
            id={`${id}-o`}
            value={outcome}
            required
            onChange={(e) => setOutcome(e.currentTarget.value as ResolutionOutcome)}
          >
            <option value="">{t("statusChange.chooseOutcome")}</option>
            {resolutionOutcomes.map((o) => (
              <option key={o} value={o}>
                {t(`outcome.${o}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      {status === "resolved" && skipped.length > 0 && (
        <div class="skipped-steps" role="note">
          <p>{t("statusChange.skipped", { count: skipped.length })}</p>
          <ul>
            {skipped.map((s) => (
              <li key={s.code}>{s.label}</li>
            ))}
          </ul>
        </div>
      )}
      {status === "referred" && (
        <div class="field">
          <label for={`${id}-r`}>{t("statusChange.referredTo")}</label>
          <input
            id={`${id}-r`}
            required
            maxLength={200}
            value={referredTo}
            onInput={(e) => setReferredTo(e.currentTarget.value)}
          />
        </div>
      )}
      <div class="field">
        <label for={`${id}-n`}>
          {status === "resolved" && outcome === "other" ? t("statusChange.noteRequired") : t("statusChange.note")}
        </label>
        <textarea
          id={`${id}-n`}
          rows={2}
          maxLength={2000}
          value={note}
          required={status === "resolved" && outcome === "other"}
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
