import type { AuditEvent } from "@openclm/contracts";
import { useT } from "../../i18n/use-t.js";
import type { AuditFilters } from "./audit-filters.js";
import { utcTime } from "./audit-filters.js";

/**
 * One page of events, newest first. Views of personal data carry a visible mark (not colour alone). Choosing an
 * actor, action or entity filters the log on it.
 */
export function AuditEventList(props: { items: AuditEvent[]; onFilter: (next: Partial<AuditFilters>) => void }) {
  const t = useT("audit");
  return (
    <ol class="audit-events">
      {props.items.map((e) => (
        <li key={e.id} class={`audit-event ${e.personalData ? "audit-event--personal" : ""}`}>
          <div class="audit-event__head">
            <span class="audit-event__seq" translate={false}>
              #{e.id}
            </span>
            <time dateTime={e.at} translate={false}>
              {utcTime(e.at)}
            </time>
            {e.personalData && <span class="audit-badge audit-badge--personal">{t("event.personal")}</span>}
            {e.outcome !== "success" && (
              <span class={`audit-badge audit-badge--${e.outcome === "denied" ? "denied" : "failure"}`}>
                {t(`outcome.${e.outcome === "denied" ? "denied" : "failure"}`)}
              </span>
            )}
          </div>
          <dl class="audit-event__facts">
            <div>
              <dt>{t("event.action")}</dt>
              <dd>
                <button
                  type="button"
                  class="button--link code"
                  translate={false}
                  onClick={() => props.onFilter({ action: e.action })}
                >
                  {e.action}
                </button>
              </dd>
            </div>
            <div>
              <dt>{t("event.actor")}</dt>
              <dd>
                <Actor event={e} onFilter={props.onFilter} />
              </dd>
            </div>
            <div>
              <dt>{t("event.entity")}</dt>
              <dd>
                {e.entityId ? (
                  <button
                    type="button"
                    class="button--link"
                    aria-label={t("event.filterEntity", { entity: e.entity, id: e.entityId })}
                    onClick={() => props.onFilter({ entity: e.entity, entityId: e.entityId ?? "" })}
                  >
                    <span class="code" translate={false}>
                      {e.entity}
                    </span>{" "}
                    <span class="code audit-id" translate={false}>
                      {e.entityId}
                    </span>
                  </button>
                ) : (
                  <span class="code" translate={false}>
                    {e.entity}
                  </span>
                )}
              </dd>
            </div>
          </dl>
          {Object.keys(e.details).length > 0 && (
            <details class="audit-event__details">
              <summary>{t("event.details")}</summary>
              <pre translate={false}>{JSON.stringify(e.details, null, 1)}</pre>
            </details>
          )}
        </li>
      ))}
    </ol>
  );
}

function Actor(props: { event: AuditEvent; onFilter: (next: Partial<AuditFilters>) => void }) {
  const t = useT("audit");
  const tc = useT("common");
  const e = props.event;
  const role = e.actorRole && (
    <span class="muted">{tc(`roles.${e.actorRole}` as "roles.auditor", { defaultValue: e.actorRole })}</span>
  );
  if (e.actorEmail)
    return (
      <button
        type="button"
        class="button--link audit-actor"
        onClick={() => props.onFilter({ actor: e.actorEmail ?? "" })}
      >
        <span translate={false}>{e.actorEmail}</span> {role}
      </button>
    );
  const kind = (
    <span>{t(`actor.${e.actorType === "community" || e.actorType === "staff" ? e.actorType : "other"}`)}</span>
  );
  if (!e.actorId) return kind;
  return (
    <button type="button" class="button--link audit-actor" onClick={() => props.onFilter({ actorId: e.actorId ?? "" })}>
      {kind} {role}{" "}
      <span class="code audit-id" translate={false}>
        {e.actorId}
      </span>
    </button>
  );
}
