import { useEffect, useId, useState } from "preact/hooks";
import { type Assignee, inboxApi } from "../../api/staff-client.js";
import { useT } from "../../i18n/use-t.js";
import { FormError } from "../staff/form-error.js";
import { actionAttrs } from "./inbox-actions.js";
import { useReportContext } from "./report-context.js";
import { useReportWrite } from "./use-report-write.js";

export const ASSIGN_ID = "assign-select";

/** Give the report to a responder whose area covers it (or take it back). */
export function AssignPanel() {
  const t = useT("common");
  const ti = useT("inbox");
  const id = useId();
  const { report } = useReportContext();
  const write = useReportWrite();
  const [people, setPeople] = useState<Assignee[]>([]);
  const [choice, setChoice] = useState(report.assigneeId ?? "");

  useEffect(() => {
    inboxApi.assignees(report.id).then(
      (r) => setPeople(r.items),
      () => setPeople([]),
    );
  }, [report.id]);
  useEffect(() => setChoice(report.assigneeId ?? ""), [report.assigneeId, report.version]);

  const onSubmit = (e: Event) => {
    e.preventDefault();
    void write.run(
      (version) => inboxApi.assign(report.id, { assigneeId: choice || null, version }),
      choice ? ti("assign.done") : ti("assign.cleared"),
    );
  };

  return (
    <form class="detail-section action-panel" aria-labelledby={`${id}-h`} onSubmit={onSubmit}>
      <h3 id={`${id}-h`}>{ti("assign.title")}</h3>
      <div class="field">
        <label for={ASSIGN_ID}>{ti("assign.label")}</label>
        <select
          id={ASSIGN_ID}
          value={choice}
          onChange={(e) => setChoice(e.currentTarget.value)}
          {...actionAttrs("assign", ti("actions.assign"))}
        >
          <option value="">{ti("assign.nobody")}</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {`${p.displayName || p.email} (${t(`roles.${p.role as "first_responder"}`)})`}
            </option>
          ))}
        </select>
      </div>
      <FormError error={write.error} />
      <button type="submit" class="button" disabled={write.busy || choice === (report.assigneeId ?? "")}>
        {ti("assign.submit")}
      </button>
    </form>
  );
}
