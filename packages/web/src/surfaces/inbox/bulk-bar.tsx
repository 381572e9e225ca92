import type { BulkResult, InboxItem } from "@openclm/contracts";
import { useEffect, useId, useState } from "preact/hooks";
import { ApiError } from "../../api/client.js";
import { type AssigneeChoices, inboxApi } from "../../api/staff-client.js";
import { useT } from "../../i18n/use-t.js";
import { FormError } from "../staff/form-error.js";

export const BULK_VALIDATE_ID = "bulk-validate";

/**
 * Actions on the selected reports: validate them, or assign them to one person or team. The server handles each
 * report on its own; those it could not change are listed with the reason, the others leave the selection.
 */
export function BulkBar(props: {
  selected: InboxItem[];
  canValidate: boolean;
  canAssign: boolean;
  onDone(changedIds: string[]): void;
  onClear(): void;
  announce(text: string): void;
}) {
  const t = useT("inbox");
  const tc = useT("common");
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [failures, setFailures] = useState<{ code: string; trackingCode: string }[]>([]);
  const [choices, setChoices] = useState<AssigneeChoices>({ items: [], teams: [] });
  const [target, setTarget] = useState("");
  const districts = [...new Set(props.selected.map((i) => i.districtId))].sort().join(",");

  useEffect(() => {
    if (!props.canAssign || !districts) return;
    inboxApi.bulkAssignees(districts.split(",")).then(setChoices, () => setChoices({ items: [], teams: [] }));
  }, [districts, props.canAssign]);

  const items = () => props.selected.map((i) => ({ id: i.id, version: i.version }));
  const run = async (work: () => Promise<BulkResult>) => {
    setBusy(true);
    setError(null);
    try {
      const { results } = await work();
      const ok = results.filter((r) => r.ok).map((r) => r.id);
      const codeOf = new Map(props.selected.map((i) => [i.id, i.trackingCode]));
      setFailures(
        results
          .filter((r) => !r.ok)
          .map((r) => ({ code: r.code ?? "INTERNAL", trackingCode: codeOf.get(r.id) ?? r.id })),
      );
      props.announce(t("bulk.done", { count: ok.length }));
      props.onDone(ok);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, "NETWORK", String(err)));
    } finally {
      setBusy(false);
    }
  };
  const assign = (e: Event) => {
    e.preventDefault();
    const [kind, value = ""] = target.split(":");
    if (!kind) return;
    const to = {
      assigneeId: kind === "person" ? value : null,
      assigneeTeamId: kind === "team" ? value : null,
    };
    void run(() => inboxApi.bulkAssign(items(), to));
  };

  return (
    <section class="bulk-bar" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} class="bulk-bar__title">
        {t("bulk.selected", { count: props.selected.length })}
      </h3>
      <div class="bulk-bar__actions">
        {props.canValidate && (
          <button
            id={BULK_VALIDATE_ID}
            type="button"
            class="button"
            disabled={busy || props.selected.length === 0}
            onClick={() => void run(() => inboxApi.bulkValidate(items()))}
          >
            {t("bulk.validate")}
          </button>
        )}
        {props.canAssign && (
          <form class="bulk-bar__assign" onSubmit={assign}>
            <div class="field">
              <label for={`${id}-to`}>{t("bulk.assignLabel")}</label>
              <select id={`${id}-to`} value={target} onChange={(e) => setTarget(e.currentTarget.value)}>
                <option value="">{t("bulk.choose")}</option>
                <option value="none:">{t("assign.nobody")}</option>
                {choices.items.length > 0 && (
                  <optgroup label={t("bulk.people")}>
                    {choices.items.map((p) => (
                      <option key={p.id} value={`person:${p.id}`}>
                        {p.displayName || p.email}
                      </option>
                    ))}
                  </optgroup>
                )}
                {choices.teams.length > 0 && (
                  <optgroup label={t("bulk.teams")}>
                    {choices.teams.map((tm) => (
                      <option key={tm.id} value={`team:${tm.id}`}>
                        {tm.name}
                      </option>
                    ))}
                  </optgroup>
                )}
              </select>
            </div>
            <button type="submit" class="button button--secondary" disabled={busy || !target}>
              {t("bulk.assign")}
            </button>
          </form>
        )}
        <button type="button" class="button button--link" onClick={props.onClear}>
          {t("bulk.clear")}
        </button>
      </div>
      <FormError error={error} />
      {failures.length > 0 && (
        <div class="bulk-bar__failures" role="alert">
          <p>{t("bulk.failed")}</p>
          <ul>
            {failures.map((f) => (
              <li key={f.trackingCode}>
                <span class="code" translate={false}>
                  {f.trackingCode}
                </span>
                {`: ${tc(`errors.${f.code as "INTERNAL"}`)}`}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
