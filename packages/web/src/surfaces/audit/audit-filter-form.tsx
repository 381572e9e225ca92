import { personalDataViewActions } from "@openclm/contracts/constants";
import { useEffect, useId, useState } from "preact/hooks";
import { useT } from "../../i18n/use-t.js";
import { type AuditFilters, emptyFilters } from "./audit-filters.js";

/** Actions and entities to suggest (any other code can be typed: the list grows with the platform). */
const knownActions = [
  ...personalDataViewActions,
  "report.submit",
  "report.consent",
  "report.status",
  "report.assign",
  "report.message",
  "report.note",
  "reports.export",
  "advocacy_story.approve",
  "advocacy_story.reject",
  "advocacy_story.withdrawn",
  "auth.sign_in",
  "auth.repeated_failures",
  "auth.password_change",
  "staff_user.create",
  "staff_user.update",
  "audit.verify",
  "access.denied",
];
const knownEntities = ["report", "staff_user", "session", "community_account", "audit_log", "team", "protocol"];

const value = (e: Event) => (e.currentTarget as HTMLInputElement).value;

/** The filters, applied together (typing does not reload the log on every key). */
export function AuditFilterForm(props: { filters: AuditFilters; onApply: (f: AuditFilters) => void }) {
  const t = useT("audit");
  const id = useId();
  const [draft, setDraft] = useState(props.filters);
  useEffect(() => setDraft(props.filters), [props.filters]);
  const set = (next: Partial<AuditFilters>) => setDraft((d) => ({ ...d, ...next }));
  const field = (key: "actor" | "action" | "entity" | "entityId", type: "text" | "email" = "text", list?: string) => (
    <div class="field">
      <label for={`${id}-${key}`}>{t(`filters.${key}`)}</label>
      <input
        id={`${id}-${key}`}
        type={type}
        list={list}
        value={draft[key]}
        autoComplete="off"
        spellcheck={false}
        onInput={(e) => set({ [key]: value(e) })}
      />
    </div>
  );

  return (
    <form
      class="audit-filters"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        props.onApply(draft);
      }}
    >
      <h2 id={`${id}-title`}>{t("filters.title")}</h2>
      <div class="audit-filters__grid">
        {field("actor", "email")}
        {field("action", "text", `${id}-actions`)}
        {field("entity", "text", `${id}-entities`)}
        {field("entityId")}
        <div class="field">
          <label for={`${id}-from`}>{t("filters.from")}</label>
          <input id={`${id}-from`} type="date" value={draft.from} onInput={(e) => set({ from: value(e) })} />
        </div>
        <div class="field">
          <label for={`${id}-to`}>{t("filters.to")}</label>
          <input id={`${id}-to`} type="date" value={draft.to} onInput={(e) => set({ to: value(e) })} />
        </div>
      </div>
      <datalist id={`${id}-actions`}>
        {knownActions.map((a) => (
          <option key={a} value={a} />
        ))}
      </datalist>
      <datalist id={`${id}-entities`}>
        {knownEntities.map((a) => (
          <option key={a} value={a} />
        ))}
      </datalist>
      {draft.actorId && (
        <p class="hint">
          {t("filters.actorId", { id: draft.actorId })}{" "}
          <button type="button" class="button--link" onClick={() => set({ actorId: "" })}>
            {t("filters.clearActorId")}
          </button>
        </p>
      )}
      <label class="check">
        <input type="checkbox" checked={draft.personal} onChange={(e) => set({ personal: e.currentTarget.checked })} />
        {t("filters.personal")}
      </label>
      <p class="hint">{t("filters.utc")}</p>
      <div class="button-row">
        <button type="submit" class="button">
          {t("filters.apply")}
        </button>
        <button type="button" class="button button--secondary" onClick={() => props.onApply(emptyFilters)}>
          {t("filters.clear")}
        </button>
      </div>
    </form>
  );
}
