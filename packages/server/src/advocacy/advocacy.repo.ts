import type { AdvocacyCaseStatus, IndicatorFilter } from "@openclm/contracts";
import { and, asc, desc, eq, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import { type Db, queryRows } from "../db/database.js";
import { areas } from "../geography/geography.schema.js";
import { staffUsers } from "../identity/identity.schema.js";
import { reports } from "../reports/reports.schema.js";
import { liveReports } from "../reports/training.js";
import {
  advocacyActions,
  advocacyCaseReports,
  advocacyCases,
  advocacyDocuments,
  advocacyStatusChanges,
} from "./advocacy.schema.js";

export type CaseRow = typeof advocacyCases.$inferSelect;

/** The report columns a case's filter dimensions match (single-valued), and those that hold several values. */
const singleColumns = {
  category: reports.categoryCode,
  subcategory: reports.subcategoryCode,
  region: reports.regionId,
  district: reports.districtId,
  facility: reports.facilityId,
  reporter_mode: reports.reporterMode,
  channel: reports.channel,
  gender: reports.gender,
  age_group: reports.ageGroup,
} as const;
const arrayColumns = { key_population: reports.keyPopulations, challenge_type: reports.challengeTypes } as const;
export const matchableDimensions = [...Object.keys(singleColumns), ...Object.keys(arrayColumns)];

function filterSql([, dimension, values]: IndicatorFilter): SQL {
  if (dimension in singleColumns) {
    const column = singleColumns[dimension as keyof typeof singleColumns];
    return sql`${column}::text IN (${sql.join(
      values.map((v) => sql`${v}`),
      sql`, `,
    )})`;
  }
  const column = arrayColumns[dimension as keyof typeof arrayColumns];
  return sql`${column} && ARRAY[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;
}

/**
 * The reports a case counts: validated ones (declined, pending and merged reports are not challenges counted anywhere)
 * that match its selection from its first day on — so new matching reports join it as they are validated — or that
 * were linked to it by hand. `publishable`: only those whose reporters agreed to share them de-identified.
 */
export function caseReportsSql(c: Pick<CaseRow, "id" | "filters" | "fromDate">, publishable: boolean): SQL {
  return and(countedSql(publishable), caseSelectionSql(c)) as SQL;
}

/** Reports counted anywhere: validated, not declined or merged; `publishable`: shared de-identified too. */
function countedSql(publishable: boolean): SQL {
  return and(
    liveReports,
    sql`${reports.validatedAt} IS NOT NULL`,
    sql`${reports.status} NOT IN ('declined', 'merged')`,
    publishable ? eq(reports.consentShareDeidentified, true) : undefined,
  ) as SQL;
}

/** The case's own part: its selection from its first day on, or linked to it by hand. */
function caseSelectionSql(c: Pick<CaseRow, "id" | "filters" | "fromDate">): SQL {
  const matches = and(sql`${reports.createdAt} >= ${c.fromDate}::date`, ...c.filters.map(filterSql));
  const linked = sql`${reports.id} IN (SELECT ${advocacyCaseReports.reportId} FROM ${advocacyCaseReports} WHERE ${advocacyCaseReports.caseId} = ${c.id})`;
  return sql`(${or(matches, linked)})`;
}

/** How many reports, and their cell key (the sum of their record keys modulo 65536, docs/disclosure-control.md). */
export async function countWithKey(db: Db, where: SQL): Promise<{ n: number; key: number }> {
  const [row] = await db
    .select({
      n: sql<number>`count(*)::int`,
      key: sql<number>`(coalesce(sum(${reports.recordKey}), 0) % 65536)::int`,
    })
    .from(reports)
    .where(where);
  return row ?? { n: 0, key: 0 };
}

/**
 * The count and cell key of many cases at once, in ONE statement (never a count query per case): a single pass over
 * the counted reports (validated, not declined or merged) with each case's selection as an aggregate's FILTER. The
 * figures are exactly those of `countWithKey(db, caseReportsSql(case, publishable))` for each case.
 */
export async function countsWithKeys(
  db: Db,
  cases: Pick<CaseRow, "id" | "filters" | "fromDate">[],
  publishable: boolean,
): Promise<Map<string, { n: number; key: number }>> {
  const out = new Map<string, { n: number; key: number }>();
  if (!cases.length) return out;
  const selections = cases.map((c) => caseSelectionSql(c));
  const columns = selections.flatMap((where, i) => [
    sql`count(*) FILTER (WHERE ${where})::int AS ${sql.raw(`n${i}`)}`,
    sql`(coalesce(sum(${reports.recordKey}) FILTER (WHERE ${where}), 0) % 65536)::int AS ${sql.raw(`k${i}`)}`,
  ]);
  const [row = {}] = await queryRows<Record<string, number | string | null>>(
    db,
    sql`SELECT ${sql.join(columns, sql`, `)} FROM ${reports} WHERE ${and(countedSql(publishable), or(...selections))}`,
  );
  for (const [i, c] of cases.entries()) out.set(c.id, { n: Number(row[`n${i}`] ?? 0), key: Number(row[`k${i}`] ?? 0) });
  return out;
}

/** The same per calendar month of reporting (`YYYY-MM`), oldest first. */
export async function monthlyWithKey(db: Db, where: SQL, since: string) {
  const month = sql<string>`to_char(${reports.createdAt} AT TIME ZONE 'UTC', 'YYYY-MM')`;
  return db
    .select({
      month,
      n: sql<number>`count(*)::int`,
      key: sql<number>`(coalesce(sum(${reports.recordKey}), 0) % 65536)::int`,
    })
    .from(reports)
    .where(and(where, sql`${reports.createdAt} >= ${since}::date`))
    .groupBy(month)
    .orderBy(month);
}

/** Report ids with what a notice needs (language, erased, status), to tell their reporters what changed. */
export async function caseReportsToNotify(db: Db, where: SQL, limit: number) {
  return db
    .select({ id: reports.id, status: reports.status, erasedAt: reports.erasedAt, language: reports.language })
    .from(reports)
    .where(and(where, isNull(reports.erasedAt)))
    .limit(limit);
}

/** Cases whose area is one of `areaIds` ("all": every case), newest change first. */
export async function listCases(db: Db, areaIds: "all" | string[], limit: number, status?: AdvocacyCaseStatus[]) {
  const visible = areaIds === "all" ? undefined : areaIds.length ? inArray(advocacyCases.areaId, areaIds) : sql`false`;
  return db
    .select()
    .from(advocacyCases)
    .where(and(visible, status ? inArray(advocacyCases.status, status) : undefined))
    .orderBy(desc(advocacyCases.updatedAt), desc(advocacyCases.id))
    .limit(limit);
}

export async function caseById(db: Db, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = db.select().from(advocacyCases).where(eq(advocacyCases.id, id));
  const [row] = opts.forUpdate ? await q.for("update") : await q;
  return row;
}

export async function publishedCases(db: Db, limit: number) {
  return db
    .select()
    .from(advocacyCases)
    .where(and(eq(advocacyCases.status, "resolved"), eq(advocacyCases.published, true)))
    .orderBy(desc(advocacyCases.resolvedAt))
    .limit(limit);
}

export async function insertCase(db: Db, values: typeof advocacyCases.$inferInsert) {
  const [row] = await db.insert(advocacyCases).values(values).returning();
  return row as CaseRow;
}

export async function updateCase(db: Db, id: string, set: Partial<typeof advocacyCases.$inferInsert>) {
  await db
    .update(advocacyCases)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(advocacyCases.id, id));
}

export async function linkReports(db: Db, caseId: string, reportIds: string[]) {
  if (!reportIds.length) return;
  await db
    .insert(advocacyCaseReports)
    .values(reportIds.map((reportId) => ({ caseId, reportId })))
    .onConflictDoNothing();
}

export async function linkedCount(db: Db, caseId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(advocacyCaseReports)
    .where(eq(advocacyCaseReports.caseId, caseId));
  return row?.n ?? 0;
}

export async function ownerOf(db: Db, ownerId: string | null) {
  if (!ownerId) return null;
  const [row] = await db
    .select({ id: staffUsers.id, name: staffUsers.displayName, email: staffUsers.email })
    .from(staffUsers)
    .where(eq(staffUsers.id, ownerId));
  return row ? { id: row.id, name: row.name || row.email } : null;
}

export async function insertAction(db: Db, values: typeof advocacyActions.$inferInsert) {
  const [row] = await db.insert(advocacyActions).values(values).returning({ id: advocacyActions.id });
  return row as { id: string };
}

export async function actionOfCase(db: Db, caseId: string, actionId: string) {
  const [row] = await db
    .select()
    .from(advocacyActions)
    .where(and(eq(advocacyActions.id, actionId), eq(advocacyActions.caseId, caseId)));
  return row;
}

export async function actionsOf(db: Db, caseId: string) {
  const actions = await db
    .select()
    .from(advocacyActions)
    .where(eq(advocacyActions.caseId, caseId))
    .orderBy(asc(advocacyActions.on), asc(advocacyActions.createdAt));
  const docs = actions.length
    ? await db
        .select({
          id: advocacyDocuments.id,
          actionId: advocacyDocuments.actionId,
          name: advocacyDocuments.name,
          contentType: advocacyDocuments.contentType,
          bytes: sql<number>`octet_length(${advocacyDocuments.data})::int`,
        })
        .from(advocacyDocuments)
        .where(
          inArray(
            advocacyDocuments.actionId,
            actions.map((a) => a.id),
          ),
        )
        .orderBy(asc(advocacyDocuments.createdAt))
    : [];
  return actions.map((a) => ({ ...a, documents: docs.filter((d) => d.actionId === a.id) }));
}

export async function insertDocument(db: Db, values: typeof advocacyDocuments.$inferInsert) {
  const [row] = await db.insert(advocacyDocuments).values(values).returning({ id: advocacyDocuments.id });
  return row as { id: string };
}

/** A document of one of the case's actions (never one of another case). */
export async function documentOfCase(db: Db, caseId: string, documentId: string) {
  const [row] = await db
    .select({
      name: advocacyDocuments.name,
      contentType: advocacyDocuments.contentType,
      data: advocacyDocuments.data,
      sha256: advocacyDocuments.sha256,
    })
    .from(advocacyDocuments)
    .innerJoin(advocacyActions, eq(advocacyActions.id, advocacyDocuments.actionId))
    .where(and(eq(advocacyDocuments.id, documentId), eq(advocacyActions.caseId, caseId)));
  return row;
}

export async function insertStatusChange(db: Db, values: typeof advocacyStatusChanges.$inferInsert) {
  await db.insert(advocacyStatusChanges).values(values);
}

export async function historyOf(db: Db, caseId: string) {
  return db
    .select()
    .from(advocacyStatusChanges)
    .where(eq(advocacyStatusChanges.caseId, caseId))
    .orderBy(asc(advocacyStatusChanges.at));
}

/** Reports in the reader's scope among `ids` (the rest are treated as not existing). */
export async function reportsInScope(db: Db, ids: string[], inScope: SQL) {
  if (!ids.length) return [];
  const rows = await db
    .select({ id: reports.id })
    .from(reports)
    // A practice report cannot be linked to a case: it reads as not existing (training mode).
    .where(and(inArray(reports.id, ids), inScope, liveReports));
  return rows.map((r) => r.id);
}

/** Active staff of these roles, with what resolving their scope needs. */
export async function staffOfRoles(db: Db, roles: string[]) {
  return db
    .select({
      id: staffUsers.id,
      name: staffUsers.displayName,
      email: staffUsers.email,
      role: staffUsers.role,
      scopeAreaIds: staffUsers.scopeAreaIds,
      scopeFacilityIds: staffUsers.scopeFacilityIds,
    })
    .from(staffUsers)
    .where(and(inArray(staffUsers.role, roles), isNull(staffUsers.disabledAt)))
    .orderBy(asc(staffUsers.displayName), asc(staffUsers.email));
}

const choice = {
  id: advocacyCases.id,
  title: advocacyCases.title,
  status: advocacyCases.status,
  dutyBearer: advocacyCases.dutyBearer,
};
const visibleSql = (areaIds: "all" | string[]) =>
  areaIds === "all" ? undefined : areaIds.length ? inArray(advocacyCases.areaId, areaIds) : sql`false`;

/** The visible cases a report is linked to by hand, newest change first. */
export async function casesLinkedTo(db: Db, reportId: string, areaIds: "all" | string[]) {
  return db
    .select(choice)
    .from(advocacyCases)
    .innerJoin(advocacyCaseReports, eq(advocacyCaseReports.caseId, advocacyCases.id))
    .where(and(eq(advocacyCaseReports.reportId, reportId), visibleSql(areaIds)))
    .orderBy(desc(advocacyCases.updatedAt));
}

/**
 * Visible cases not yet resolved about a district's place: the district itself, a region holding it, or the whole
 * country (no area) — the cases a report from there could join.
 */
export async function openCasesAbout(db: Db, districtId: string, areaIds: "all" | string[], limit: number) {
  const about = or(
    isNull(advocacyCases.areaId),
    eq(advocacyCases.areaId, districtId),
    sql`${advocacyCases.areaId} IN (SELECT unnest(${areas.ancestorIds}) FROM ${areas} WHERE ${areas.id} = ${districtId})`,
  );
  return db
    .select(choice)
    .from(advocacyCases)
    .where(and(about, visibleSql(areaIds), sql`${advocacyCases.status} <> 'resolved'`))
    .orderBy(desc(advocacyCases.updatedAt), desc(advocacyCases.id))
    .limit(limit);
}

/** Links one report; false when it was linked already. */
export async function linkReport(db: Db, caseId: string, reportId: string): Promise<boolean> {
  const rows = await db
    .insert(advocacyCaseReports)
    .values({ caseId, reportId })
    .onConflictDoNothing()
    .returning({ caseId: advocacyCaseReports.caseId });
  return rows.length > 0;
}

/** A report in the reader's scope with what linking needs (its place and status); undefined outside scope. */
export async function reportForLinking(db: Db, id: string, inScope: SQL) {
  const [row] = await db
    .select({ id: reports.id, districtId: reports.districtId, status: reports.status, training: reports.training })
    .from(reports)
    .where(and(eq(reports.id, id), inScope));
  return row;
}
