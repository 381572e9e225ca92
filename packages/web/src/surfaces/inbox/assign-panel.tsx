import { useEffect, useId, useState } from "preact/hooks";
import { type AssigneeChoices, inboxApi } from "../../api/staff-client.js";
import { useT } from "../../i18n/use-t.js";
import { FormError } from "../staff/form-error.js";
import { actionAttrs } from "./inbox-actions.js";
import { useReportContext } from "./report-context.js";
import { useReportWrite } from "./use-report-write.js";

export const ASSIGN_ID = "assign-select";

/** Give the report to a responder and/or a team whose area covers it (or take it back). */
export function AssignPanel() {
  const t = useT("common");
  const ti = useT("inbox");
  const id = useId();
  const { report } = useReportContext();
  const write = useReportWrite();
  const [choices, setChoices] = useState<AssigneeChoices>({ items: [], teams: [] });
  const [choice, setChoice] = useState(report.assigneeId ?? "");
  const [team, setTeam] = useState(report.assigneeTeamId ?? "");

  useEffect(() => {
    inboxApi.assignees(report.id).then(setChoices, () => setChoices({ items: [], teams: [] }));
  }, [report.id]);
  useEffect(() => {
    setChoice(report.assigneeId ?? "");
    setTeam(report.assigneeTeamId ?? "");
  }, [report.assigneeId, report.assigneeTeamId, report.version]);

  const unchanged = choice === (report.assigneeId ?? "") && team === (report.assigneeTeamId ?? "");
  const onSubmit = (e: Event) => {
    e.preventDefault();
    void write.run(
      (version) => inboxApi.assign(report.id, { assigneeId: choice || null, assigneeTeamId: team || null, version }),
      choice || team ? ti("assign.done") : ti("assign.cleared"),
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
          {choices.items.map((p) => (
            <option key={p.id} value={p.id}>
              {`${p.displayName || p.email} (${t(`roles.${p.role as "first_responder"}`)})`}
            </option>
          ))}
        </select>
      </div>
      {choices.teams.length > 0 && (
        <div class="field">
          <label for={`${id}-team`}>{ti("assign.teamLabel")}</label>
          <select id={`${id}-team`} value={team} onChange={(e) => setTeam(e.currentTarget.value)}>
            <option value="">{ti("assign.noTeam")}</option>
            {choices.teams.map((tm) => (
              <option key={tm.id} value={tm.id}>
                {tm.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <FormError error={write.error} />
      <button type="submit" class="button" disabled={write.busy || unchanged}>
        {ti("assign.submit")}
      </button>
    </form>
  );
}
