import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../db/database.js";
import { reportEvents, reportMessages, reports } from "./reports.schema.js";

export type ReportRow = typeof reports.$inferSelect;
export type NewReport = typeof reports.$inferInsert;
export type NewReportEvent = typeof reportEvents.$inferInsert;

/** Realtime inboxes LISTEN on this channel; the payload holds ids and codes only. */
export const REPORT_CHANGES_CHANNEL = "report_changes";

/**
 * Inserts a new report, its first timeline event and the change notification in one statement (one round trip).
 * Returns nothing when a report with this clientId exists already: the database's unique constraint decides, so
 * concurrent replays never make a second report.
 */
export async function insertReportIfNew(
  tx: Db,
  values: NewReport & { createdAt: Date },
  actor: { type: string; id: string | null },
): Promise<{ id: string; trackingCode: string } | undefined> {
  const insert = tx
    .insert(reports)
    .values(values)
    .onConflictDoNothing({ target: reports.clientId })
    .returning({ id: reports.id, trackingCode: reports.trackingCode, districtId: reports.districtId });
  const rows = await rowsOf<{ id: string; tracking_code: string }>(
    tx,
    sql`WITH ins AS (${insert.getSQL()}),
      ev AS (
        INSERT INTO report_events (report_id, at, type, to_status, actor_type, actor_id, visible_to_reporter)
        SELECT id, ${values.createdAt.toISOString()}::timestamptz, 'status_change', 'submitted', ${actor.type}, ${actor.id}::uuid, true FROM ins
      ),
      n AS (
        SELECT pg_notify(${REPORT_CHANGES_CHANNEL}, json_build_object('id', id, 'status', 'submitted', 'districtId', district_id, 'type', 'report.submit')::text) AS x
        FROM ins
      )
    SELECT ins.id, ins.tracking_code, (SELECT count(*) FROM n) AS notified FROM ins`,
  );
  const row = rows[0];
  return row ? { id: row.id, trackingCode: row.tracking_code } : undefined;
}

export async function trackingCodeOfClientId(db: Db, clientId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ trackingCode: reports.trackingCode })
    .from(reports)
    .where(eq(reports.clientId, clientId));
  return row?.trackingCode;
}

const trackedColumns = {
  id: reports.id,
  trackingCode: reports.trackingCode,
  status: reports.status,
  districtId: reports.districtId,
  categoryCode: reports.categoryCode,
  subcategoryCode: reports.subcategoryCode,
  createdAt: reports.createdAt,
  resolvedAt: reports.resolvedAt,
  reporterConfirmed: reports.reporterConfirmed,
  reporterConfirmedAt: reports.reporterConfirmedAt,
  version: reports.version,
};
export type TrackedRow = { [K in keyof typeof trackedColumns]: ReportRow[K] };

export async function findByTrackingCode(db: Db, trackingCode: string, opts: { forUpdate?: boolean } = {}) {
  const q = db.select(trackedColumns).from(reports).where(eq(reports.trackingCode, trackingCode));
  const [row] = opts.forUpdate ? await q.for("update") : await q;
  return row as TrackedRow | undefined;
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

/** Updates a report and bumps its version (the inbox's optimistic lock). */
export async function updateReport(tx: Db, id: string, set: Partial<NewReport>, at: Date) {
  await tx
    .update(reports)
    .set({ ...set, updatedAt: at, version: sql`${reports.version} + 1` })
    .where(eq(reports.id, id));
}

/** Tells open inboxes (scoped by district) that a report changed; sent on commit only. */
export async function notifyReportChange(tx: Db, id: string, status: string, type = "report.reporter_update") {
  await tx.execute(
    sql`SELECT pg_notify(${REPORT_CHANGES_CHANNEL}, json_build_object('id', id, 'status', ${status}::text, 'districtId', district_id, 'type', ${type}::text)::text) FROM reports WHERE id = ${id}`,
  );
}

async function rowsOf<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** A community member's own reports, newest first. */
export async function reportsOfAccount(db: Db, accountId: string, limit = 200) {
  return db
    .select({
      trackingCode: reports.trackingCode,
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

/**
 * When a member deletes their account, their reports stay (they count in the indicators) but lose everything that
 * could lead back to them: the account link, phone, device hash and free text. Returns how many were anonymised.
 */
export async function anonymiseReportsOfAccount(tx: Db, accountId: string, at: Date): Promise<number> {
  const rows = await tx
    .update(reports)
    .set({
      communityAccountId: null,
      phoneEnc: null,
      phoneHash: null,
      deviceHash: null,
      descriptionEnc: null,
      updatedAt: at,
      version: sql`${reports.version} + 1`,
    })
    .where(eq(reports.communityAccountId, accountId))
    .returning({ id: reports.id });
  return rows.length;
}
