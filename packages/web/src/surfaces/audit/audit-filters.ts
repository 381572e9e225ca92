import type { AuditQuery } from "@openclm/contracts";

/**
 * The auditor view's state. It all lives in the URL query (`?actor=…&action=…&from=…&cursor=…`), so a reload or a
 * link in a data-protection report reproduces the same page of the log (as dashboard-filters.ts does).
 * Dates are whole UTC days, as the log's times are shown.
 */
export interface AuditFilters {
  /** A staff member's sign-in email. */
  actor: string;
  /** An actor's id (set by choosing an actor in the list: community accounts have no email). */
  actorId: string;
  action: string;
  entity: string;
  entityId: string;
  /** Only views of personal data. */
  personal: boolean;
  from: string;
  to: string;
  /** The page: events older than this one (the server's `nextCursor`); empty for the newest. */
  cursor: string;
}

export const emptyFilters: AuditFilters = {
  actor: "",
  actorId: "",
  action: "",
  entity: "",
  entityId: "",
  personal: false,
  from: "",
  to: "",
  cursor: "",
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const date = (s: string | undefined) => (s && ISO_DATE.test(s) && !Number.isNaN(Date.parse(s)) ? s : "");
/** Free text the server accepts (it caps each at 64 characters; emails at 254). */
const text = (s: string | undefined, max = 64) => (s ?? "").trim().slice(0, max);

export function auditFiltersFromQuery(q: Record<string, string | undefined>): AuditFilters {
  let from = date(q.from);
  let to = date(q.to);
  if (from && to && from > to) [from, to] = [to, from];
  return {
    actor: text(q.actor, 254),
    actorId: text(q.actorId),
    action: text(q.action),
    entity: text(q.entity),
    entityId: text(q.entityId),
    personal: q.personal === "1",
    from,
    to,
    cursor: /^\d{1,15}$/.test(q.cursor ?? "") ? (q.cursor as string) : "",
  };
}

/** The URL query for a state; empty fields are left out. */
export function auditFiltersToSearch(f: AuditFilters): string {
  const p = new URLSearchParams();
  const put = (key: string, value: string) => value && p.set(key, value);
  put("actor", f.actor);
  put("actorId", f.actorId);
  put("action", f.action);
  put("entity", f.entity);
  put("entityId", f.entityId);
  put("personal", f.personal ? "1" : "");
  put("from", f.from);
  put("to", f.to);
  put("cursor", f.cursor);
  const s = p.toString();
  return s ? `?${s}` : "";
}

/** The `listAuditEvents` query for a state: the period's days run from 00:00 to 23:59:59.999 UTC. */
export function auditApiQuery(f: AuditFilters, limit = 50): AuditQuery {
  return {
    actorEmail: f.actor || undefined,
    actorId: f.actorId || undefined,
    action: f.action || undefined,
    entity: f.entity || undefined,
    entityId: f.entityId || undefined,
    personalData: f.personal ? "true" : undefined,
    from: f.from ? `${f.from}T00:00:00.000Z` : undefined,
    to: f.to ? `${f.to}T23:59:59.999Z` : undefined,
    cursor: f.cursor || undefined,
    limit,
  };
}

/** A time as the log shows it: `2026-10-04 14:03:27 UTC`, the same in every language. */
export function utcTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}
