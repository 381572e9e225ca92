import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import { STAGED_AUDIT_COLUMNS, STAGED_AUDIT_RECORD } from "../audit/audit.repo.js";
import type { FieldCipher } from "../crypto/field-cipher.js";
import { type Database, type Db, queryRows } from "../db/database.js";
import { reportEvents, reportMessages, reports } from "./reports.schema.js";

export type ReportRow = typeof reports.$inferSelect;
export type NewReport = typeof reports.$inferInsert;
export type NewReportEvent = typeof reportEvents.$inferInsert;

/** Realtime inboxes LISTEN on this channel; the payload holds ids and codes only. */
export const REPORT_CHANGES_CHANNEL = "report_changes";

/** One report for `insertSubmittedReports`, keyed by column; `audit` is a staged audit row (`stagedAuditJson`). */
export interface SubmittedReportRow {
  id: string;
  client_id: string;
  tracking_code_hash: string;
  tracking_prefix_hash: string;
  tracking_code_enc: string;
  channel: string;
  reporter_mode: string;
  assisted_by: string | null;
  assistant_kind: string | null;
  consent_method: string | null;
  consent_reference_enc: string | null;
  consent_recorded_at: string | null;
  category_code: string;
  subcategory_code: string;
  challenge_types: string[];
  description_enc: string | null;
  /** Blind-index tokens of the description (search-words.ts); empty without one. */
  search_tokens: string[];
  occurred_on: string;
  district_id: string;
  region_id: string | null;
  facility_id: string | null;
  gender: string;
  age_group: string;
  key_populations: string[];
  consent_contact_me: boolean;
  consent_share_deidentified: boolean;
  consent_use_in_advocacy: boolean;
  /** Disclosure-control record key 0…65535 (dashboard/disclosure.ts). */
  record_key: number;
  phone_enc: string | null;
  phone_hash: string | null;
  device_hash: string | null;
  community_account_id: string | null;
  language: string | null;
  /** A practice report (reports/training.ts). */
  training: boolean;
  created_at: string;
  event_actor_type: string;
  event_actor_id: string | null;
  audit: Record<string, unknown>;
}

/**
 * Inserts new reports with their first timeline event, their audit rows and the change notifications in ONE
 * statement (one round trip, one commit, however many reports), taking the rows as one JSON parameter so the text
 * never changes. Rows whose clientId exists already are skipped by the unique constraint (and get no event, audit
 * row or notification); the answer lists the clientIds that were inserted. The audit rows are staged and join the
 * hash chain as the statement commits (audit.repo.ts). Prepared once per connection: planning this statement costs
 * more than running it for a few rows.
 */
export async function insertSubmittedReports(database: Database, rows: SubmittedReportRow[]): Promise<Set<string>> {
  const { rows: inserted } = await database.execPrepared("report_intake", INSERT_SUBMITTED_SQL, JSON.stringify(rows));
  return new Set(inserted.map((r) => String(r.client_id)));
}

const INSERT_SUBMITTED_SQL = `
WITH input AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(
    id uuid, client_id uuid, tracking_code_hash text, tracking_prefix_hash text, tracking_code_enc text, channel text, reporter_mode text, assisted_by uuid,
    assistant_kind text, consent_method text, consent_reference_enc text, consent_recorded_at timestamptz, category_code text, subcategory_code text, challenge_types text[],
    description_enc text, search_tokens text[], occurred_on date, district_id uuid, region_id uuid, facility_id uuid,
    gender text, age_group text, key_populations text[], consent_contact_me boolean, consent_share_deidentified boolean,
    consent_use_in_advocacy boolean, record_key int, phone_enc text, phone_hash text, device_hash text, community_account_id uuid,
    language text, training boolean, created_at timestamptz, event_actor_type text, event_actor_id uuid, audit jsonb)
),
ins AS (
  INSERT INTO reports (id, client_id, tracking_code_hash, tracking_prefix_hash, tracking_code_enc, channel, reporter_mode, assisted_by, consent_recorded_by,
    assistant_kind, consent_method, consent_reference_enc, consent_recorded_at, category_code, subcategory_code, challenge_types, description_enc, search_tokens,
    occurred_on, district_id, region_id, facility_id, gender, age_group, key_populations, consent_contact_me,
    consent_share_deidentified, consent_use_in_advocacy, record_key, phone_enc, phone_hash, device_hash,
    community_account_id, language, training, status, created_at, updated_at)
  SELECT id, client_id, tracking_code_hash, tracking_prefix_hash, tracking_code_enc, channel, reporter_mode,
    assisted_by, assisted_by, assistant_kind, consent_method, consent_reference_enc, consent_recorded_at,
    category_code, subcategory_code, challenge_types, description_enc, search_tokens, occurred_on, district_id,
    region_id, facility_id, gender, age_group, key_populations, consent_contact_me, consent_share_deidentified,
    consent_use_in_advocacy, record_key, phone_enc, phone_hash, device_hash, community_account_id, language,
    coalesce(training, false), 'submitted', created_at, created_at
  FROM input
  ON CONFLICT (client_id) DO NOTHING
  RETURNING id, client_id, district_id, facility_id, training
),
ev AS (
  INSERT INTO report_events (report_id, at, type, to_status, actor_type, actor_id, visible_to_reporter)
  SELECT i.id, i.created_at, 'status_change', 'submitted', i.event_actor_type, i.event_actor_id, true
  FROM input i JOIN ins ON ins.id = i.id
),
au AS (
  INSERT INTO audit_pending (${STAGED_AUDIT_COLUMNS})
  SELECT a.* FROM input i JOIN ins ON ins.id = i.id, jsonb_to_record(i.audit) AS a(${STAGED_AUDIT_RECORD})
),
n AS (
  SELECT pg_notify('${REPORT_CHANGES_CHANNEL}', json_build_object('id', id, 'status', 'submitted', 'districtId',
    district_id, 'facilityId', facility_id, 'type', 'report.submit', 'training', training)::text) AS x
  FROM ins
)
SELECT ins.client_id, (SELECT count(*) FROM n) AS notified FROM ins`;

/** The tracking codes of reports already stored under these clientIds (replays). */
export async function trackingCodesOfClientIds(
  database: Database,
  cipher: FieldCipher,
  clientIds: string[],
): Promise<Map<string, string>> {
  const { rows } = await database.exec(
    "SELECT client_id, tracking_code_enc, tracking_code FROM reports WHERE client_id IN (SELECT value::uuid FROM jsonb_array_elements_text($1::jsonb))",
    [JSON.stringify(clientIds)],
  );
  return new Map(
    rows.map((r) => [
      String(r.client_id),
      revealTrackingCode(cipher, {
        trackingCodeEnc: r.tracking_code_enc as string | null,
        legacyTrackingCode: r.tracking_code as string | null,
      }),
    ]),
  );
}

export async function trackingCodeOfClientId(db: Db, cipher: FieldCipher, clientId: string) {
  const [row] = await db.select(storedCodeColumns).from(reports).where(eq(reports.clientId, clientId));
  return row ? revealTrackingCode(cipher, row) : undefined;
}

/** The columns a tracking code can be read from (select them, then `revealTrackingCode`). */
export const storedCodeColumns = {
  trackingCodeEnc: reports.trackingCodeEnc,
  legacyTrackingCode: reports.legacyTrackingCode,
};

/** A stored report's code in clear, for the reporter it belongs to or for staff. */
export function revealTrackingCode(
  cipher: FieldCipher,
  row: { trackingCodeEnc: string | null; legacyTrackingCode: string | null },
): string {
  // Until the start-up backfill reached it, an older report holds its code in clear only.
  return cipher.decryptOptional(row.trackingCodeEnc) ?? row.legacyTrackingCode ?? "";
}

const trackedColumns = {
  id: reports.id,
  ...storedCodeColumns,
  status: reports.status,
  districtId: reports.districtId,
  categoryCode: reports.categoryCode,
  subcategoryCode: reports.subcategoryCode,
  createdAt: reports.createdAt,
  resolvedAt: reports.resolvedAt,
  reporterConfirmed: reports.reporterConfirmed,
  reporterConfirmedAt: reports.reporterConfirmedAt,
  mergedIntoId: reports.mergedIntoId,
  version: reports.version,
  consentContactMe: reports.consentContactMe,
  consentShareDeidentified: reports.consentShareDeidentified,
  consentUseInAdvocacy: reports.consentUseInAdvocacy,
  hasPhone: sql<boolean>`${reports.phoneEnc} IS NOT NULL`,
};
export type TrackedRow = { [K in Exclude<keyof typeof trackedColumns, "hasPhone">]: ReportRow[K] } & {
  hasPhone: boolean;
};

/** The report whose code hashes to `codeHash` (tracking-code.ts trackingCodeHash), through its unique index. */
export async function findByTrackingCode(db: Db, codeHash: string, opts: { forUpdate?: boolean } = {}) {
  const q = db.select(trackedColumns).from(reports).where(eq(reports.trackingCodeHash, codeHash));
  const [row] = opts.forUpdate ? await q.for("update") : await q;
  return row as TrackedRow | undefined;
}

/** The status of the report another was merged into (what its reporter follows). */
export async function statusOf(db: Db, id: string): Promise<string | undefined> {
  const [row] = await db.select({ status: reports.status }).from(reports).where(eq(reports.id, id));
  return row?.status;
}

/** Status changes the reporter may see, oldest first. */
export async function reporterTimeline(db: Db, reportId: string) {
  return db
    .select({ status: reportEvents.toStatus, at: reportEvents.at })
    .from(reportEvents)
    .where(
      and(
        eq(reportEvents.reportId, reportId),
        eq(reportEvents.type, "status_change"),
        eq(reportEvents.visibleToReporter, true),
      ),
    )
    .orderBy(asc(reportEvents.at), asc(reportEvents.id));
}

export async function messagesOf(db: Db, reportId: string) {
  return db
    .select({ from: reportMessages.from, bodyEnc: reportMessages.bodyEnc, at: reportMessages.at })
    .from(reportMessages)
    .where(eq(reportMessages.reportId, reportId))
    .orderBy(asc(reportMessages.at), asc(reportMessages.id));
}

export async function insertMessage(tx: Db, values: typeof reportMessages.$inferInsert) {
  const [row] = await tx.insert(reportMessages).values(values).returning({ at: reportMessages.at });
  return row as { at: Date };
}

export async function insertEvents(tx: Db, values: NewReportEvent[]) {
  if (values.length) await tx.insert(reportEvents).values(values);
}

/**
 * Who a report the reporter says is not solved goes back to: its assignee or team if it still has one, else the
 * staff member who last marked it resolved (if their account is still active). Null: nobody to give it back to.
 */
export async function lastHandler(db: Db, reportId: string): Promise<{ assigneeId: string | null; returned: boolean }> {
  const [held] = await db
    .select({ assigneeId: reports.assigneeId, teamId: reports.assigneeTeamId })
    .from(reports)
    .where(eq(reports.id, reportId));
  if (held?.assigneeId || held?.teamId) return { assigneeId: held.assigneeId, returned: false };
  const rows = await queryRows<{ actor_id: string }>(
    db,
    sql`
    SELECT e.actor_id FROM report_events e JOIN staff_users s ON s.id = e.actor_id AND s.disabled_at IS NULL
    WHERE e.report_id = ${reportId} AND e.type = 'status_change' AND e.to_status = 'resolved' AND e.actor_type = 'staff'
    ORDER BY e.at DESC, e.id DESC LIMIT 1`,
  );
  const actor = rows[0]?.actor_id ?? null;
  return { assigneeId: actor, returned: actor !== null };
}

/** Updates a report and bumps its version (the inbox's optimistic lock). */
export async function updateReport(tx: Db, id: string, set: Partial<NewReport>, at: Date) {
  await tx
    .update(reports)
    .set({ ...set, updatedAt: at, version: sql`${reports.version} + 1` })
    .where(eq(reports.id, id));
}

/**
 * Tells open inboxes that a report changed; delivered on commit only. The report's district and facility travel
 * with it so that each inbox hears only of reports in its scope (inbox.stream.ts).
 */
export async function notifyReportChange(tx: Db, id: string, status: string, type = "report.reporter_update") {
  await tx.execute(
    sql`SELECT pg_notify(${REPORT_CHANGES_CHANNEL}, json_build_object('id', id, 'status', ${status}::text, 'districtId', district_id, 'facilityId', facility_id, 'type', ${type}::text, 'training', training)::text) FROM reports WHERE id = ${id}`,
  );
}

/** A community member's own reports, newest first. */
export async function reportsOfAccount(db: Db, accountId: string, limit = 200) {
  return db
    .select({
      ...storedCodeColumns,
      status: reports.status,
      categoryCode: reports.categoryCode,
      subcategoryCode: reports.subcategoryCode,
      createdAt: reports.createdAt,
    })
    .from(reports)
    .where(eq(reports.communityAccountId, accountId))
    .orderBy(sql`${reports.createdAt} DESC`)
    .limit(limit);
}

/** A community member's reports with every column, for the member's own data export. */
export async function fullReportsOfAccount(db: Db, accountId: string) {
  return db.select().from(reports).where(eq(reports.communityAccountId, accountId)).orderBy(asc(reports.createdAt));
}

/**
 * The next reports to (re)tokenise for text search, in id order after `afterId`: those not indexed yet (served by
 * the partial index reports_search_pending_idx), or every report when `all`.
 */
export async function reportsToIndex(db: Db, opts: { all: boolean; afterId?: string; limit: number }) {
  return db
    .select({ id: reports.id, descriptionEnc: reports.descriptionEnc })
    .from(reports)
    .where(
      and(opts.all ? undefined : isNull(reports.searchTokens), opts.afterId ? gt(reports.id, opts.afterId) : undefined),
    )
    .orderBy(asc(reports.id))
    .limit(opts.limit);
}

/**
 * Stores recomputed search tokens, one statement per batch. Neither `version` nor `updated_at` moves: the report did
 * not change, and no trigger watches this column.
 */
export async function setSearchTokens(tx: Db, rows: { id: string; tokens: string[] }[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`
    UPDATE reports SET search_tokens = r.tokens
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(id uuid, tokens text[])
     WHERE reports.id = r.id`);
}
