import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/database.js";
import { staffUsers } from "../identity/identity.schema.js";
import { reports } from "../reports/reports.schema.js";
import { liveReports } from "../reports/training.js";
import { subcategories } from "../taxonomy/taxonomy.schema.js";
import { recentBreachSql, type SlaKind, type SlaTable } from "./protocol-sla.js";
import { reportEscalations, reportProtocolSteps, responseProtocols } from "./protocols.schema.js";

export type ProtocolRow = typeof responseProtocols.$inferSelect;

export async function findProtocol(db: Db, subcategoryCode: string): Promise<ProtocolRow | undefined> {
  const [row] = await db.select().from(responseProtocols).where(eq(responseProtocols.subcategoryCode, subcategoryCode));
  return row;
}

export async function listProtocols(db: Db): Promise<ProtocolRow[]> {
  return db.select().from(responseProtocols).orderBy(asc(responseProtocols.subcategoryCode));
}

export async function subcategoryExists(db: Db, code: string): Promise<boolean> {
  const [row] = await db.select({ code: subcategories.code }).from(subcategories).where(eq(subcategories.code, code));
  return Boolean(row);
}

export async function subcategoryLabels(db: Db, code: string) {
  const [row] = await db
    .select({ labels: subcategories.labels })
    .from(subcategories)
    .where(eq(subcategories.code, code));
  return row?.labels ?? {};
}

export async function upsertProtocol(db: Db, values: typeof responseProtocols.$inferInsert): Promise<ProtocolRow> {
  const { subcategoryCode: _key, ...set } = values;
  const [row] = await db
    .insert(responseProtocols)
    .values(values)
    .onConflictDoUpdate({ target: responseProtocols.subcategoryCode, set: { ...set, updatedAt: new Date() } })
    .returning();
  return row!;
}

/** Inserts only protocols that are missing, so Set-up edits survive every restart. */
export async function insertMissingProtocols(db: Db, rows: (typeof responseProtocols.$inferInsert)[]) {
  if (rows.length) await db.insert(responseProtocols).values(rows).onConflictDoNothing();
}

export async function stepsDone(db: Db, reportId: string) {
  return db.select().from(reportProtocolSteps).where(eq(reportProtocolSteps.reportId, reportId));
}

/** Returns whether a row was added (false: it was already ticked). */
export async function tickStep(db: Db, reportId: string, stepCode: string, doneBy: string): Promise<boolean> {
  const rows = await db
    .insert(reportProtocolSteps)
    .values({ reportId, stepCode, doneBy })
    .onConflictDoNothing()
    .returning({ stepCode: reportProtocolSteps.stepCode });
  return rows.length > 0;
}

/** Returns whether a row was removed (false: it was not ticked). */
export async function untickStep(db: Db, reportId: string, stepCode: string): Promise<boolean> {
  const rows = await db
    .delete(reportProtocolSteps)
    .where(and(eq(reportProtocolSteps.reportId, reportId), eq(reportProtocolSteps.stepCode, stepCode)))
    .returning({ stepCode: reportProtocolSteps.stepCode });
  return rows.length > 0;
}

export async function escalationsOf(db: Db, reportId: string) {
  return db.select().from(reportEscalations).where(eq(reportEscalations.reportId, reportId));
}

/**
 * Reports past one target that were not escalated for it yet, oldest first. The breach condition is the same SQL
 * the queue's overdue flag uses (protocol-sla.ts), per target.
 */
/** Escalation looks back this far: breaches that fell due earlier are left to the overdue view. */
export const ESCALATION_LOOKBACK_HOURS = 7 * 24;

export async function unescalatedBreaches(db: Db, table: SlaTable, now: Date, kind: SlaKind, limit: number) {
  return db
    .select({
      id: reports.id,
      status: reports.status,
      districtId: reports.districtId,
      subcategoryCode: reports.subcategoryCode,
      createdAt: reports.createdAt,
      reopenedAt: reports.reopenedAt,
    })
    .from(reports)
    .where(
      and(
        recentBreachSql(table, now, kind, ESCALATION_LOOKBACK_HOURS),
        // Practice reports are not escalated: an escalation tells supervisors (training mode, reports/training.ts).
        liveReports,
        sql`NOT EXISTS (SELECT 1 FROM ${reportEscalations} WHERE ${reportEscalations.reportId} = ${reports.id} AND ${reportEscalations.sla} = ${kind})`,
      ),
    )
    .orderBy(asc(reports.createdAt))
    .limit(limit);
}

/** The claim on one breach: only one caller (of any process) gets `true`. */
export async function claimEscalation(
  db: Db,
  values: { reportId: string; sla: SlaKind; dueAt: Date; supervisorIds: string[] },
): Promise<boolean> {
  const rows = await db
    .insert(reportEscalations)
    .values(values)
    .onConflictDoNothing()
    .returning({ reportId: reportEscalations.reportId });
  return rows.length > 0;
}

/** Frees a clock's escalation claim: a restarted clock (the reporter reopened the report) escalates anew. */
export async function releaseEscalation(db: Db, reportId: string, sla: SlaKind): Promise<void> {
  await db
    .delete(reportEscalations)
    .where(and(eq(reportEscalations.reportId, reportId), eq(reportEscalations.sla, sla)));
}

export async function activeStaffWithRole(db: Db, role: string) {
  return db
    .select({ id: staffUsers.id, scopeAreaIds: staffUsers.scopeAreaIds, scopeFacilityIds: staffUsers.scopeFacilityIds })
    .from(staffUsers)
    .where(and(eq(staffUsers.role, role), isNull(staffUsers.disabledAt)));
}

export async function staffNames(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: staffUsers.id, displayName: staffUsers.displayName })
    .from(staffUsers)
    .where(inArray(staffUsers.id, ids));
}
