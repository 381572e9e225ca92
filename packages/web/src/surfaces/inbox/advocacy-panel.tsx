import { useCallback, useEffect, useId, useState } from "preact/hooks";
import { staffApi } from "../../api/staff-client.js";
import { useT } from "../../i18n/use-t.js";
import { Problem } from "../../shared/problem.js";
import { useAction } from "../../shared/use-action.js";
import { useLoad } from "../../shared/use-load.js";
import { hasPermission } from "../staff/session-store.js";
import { useReportContext } from "./report-context.js";

/**
 * A report that shows a problem needing change joins an advocacy case (docs/advocacy.md): the cases it is in, the
 * open cases about its place to add it to, and — for those who manage cases — a new case started from it.
 */
export function AdvocacyPanel() {
  const t = useT("inbox");
  const id = useId();
  const { report, me, announce } = useReportContext();
  const manages = hasPermission(me, "advocacy:manage");
  const load = useCallback(
    () => staffApi("GET /inbox/reports/:id/advocacy-cases", { params: { id: report.id } }),
    [report.id],
  );
  const { data, error, reload } = useLoad(load);
  const action = useAction();
  const [caseId, setCaseId] = useState("");
  useEffect(() => setCaseId(data?.open[0]?.id ?? ""), [data]);
  const caseLink = (c: { id: string; title: string }) =>
    manages ? <a href={`/dashboard/cases/${c.id}`}>{c.title}</a> : c.title;
  const submit = (e: Event) => {
    e.preventDefault();
    if (!caseId) return;
    void action.run(async () => {
      await staffApi("POST /inbox/reports/:id/advocacy-cases", { params: { id: report.id }, body: { caseId } });
      announce(t("advocacy.linkedDone"));
      reload();
    });
  };
  // A new case about the report's district, with this report linked (the dashboard's case form).
  const start = `/dashboard/cases/new?area=${encodeURIComponent(report.districtId)}&report=${encodeURIComponent(report.id)}`;
  return (
    <section class="detail-section action-panel" aria-labelledby={`${id}-h`} data-testid="advocacy-panel">
      <h3 id={`${id}-h`}>{t("advocacy.title")}</h3>
      <p class="hint">{t("advocacy.hint")}</p>
      {error && <Problem error={error} onRetry={reload} />}
      {data && (
        <>
          {data.linked.length === 0 ? (
            <p class="muted">{t("advocacy.none")}</p>
          ) : (
            <>
              <p>{t("advocacy.linked")}</p>
              <ul>
                {data.linked.map((c) => (
                  <li key={c.id}>{caseLink(c)}</li>
                ))}
              </ul>
            </>
          )}
          {data.open.length > 0 ? (
            <form onSubmit={submit}>
              <div class="field">
                <label for={`${id}-case`}>{t("advocacy.choose")}</label>
                <select id={`${id}-case`} value={caseId} onChange={(e) => setCaseId(e.currentTarget.value)}>
                  {data.open.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.title} — {c.dutyBearer}
                    </option>
                  ))}
                </select>
              </div>
              {action.error && <Problem error={action.error} />}
              <button type="submit" class="button" disabled={action.busy || !caseId}>
                {t("advocacy.link")}
              </button>
            </form>
          ) : (
            <p class="muted">{t("advocacy.noOpen")}</p>
          )}
        </>
      )}
      {manages && (
        <p>
          <a href={start}>{t("advocacy.start")}</a>
        </p>
      )}
    </section>
  );
}
