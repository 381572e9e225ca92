import type { ReportStatus } from "@openclm/contracts";
import {
  and,
  asc,
  desc,
  eq,
  getTableColumns,
  gte,
  inArray,
  isNull,
  lt,
  lte,
  not,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import { type Db, queryRows } from "../db/database.js";
import { staffUsers } from "../identity/identity.schema.js";
import { overdueSql as protocolOverdueSql, type SlaTable } from "../protocols/protocol-sla.js";
import { storedCodeColumns } from "../reports/reports.repo.js";
import { reportEvents, reportMessages, reports } from "../reports/reports.schema.js";
import { type ReportSet, reportsOfSet } from "../reports/training.js";
import { openStatuses } from "./inbox.policy.js";
import { reportCounts } from "./inbox.schema.js";

export type ReportRow = typeof reports.$inferSelect;

/** The SLA targets in force (global setting, overridden per subcategory by its response protocol). */
export type Sla = SlaTable;

/** Overdue: the one rule, defined with the protocols' SLA targets (see protocols/protocol-sla.ts). */
export function overdueSql(sla: Sla, now: Date): SQL<boolean> {
  return protocolOverdueSql(sla, now);
}

/**
 * Every open report that is not overdue was created at or after this instant: the longest resolution target bounds
 * the rule above. The counts per status use it to count only that recent window live (see inbox.service.ts): keep
 * it true when the overdue rule changes.
 */
export function notOverdueSince(sla: Sla, now: Date): Date {
  const longest = Math.max(
    sla.fallback.resolutionHours,
    ...Object.values(sla.bySubcategory).map((s) => s.resolutionHours),
  );
  return new Date(now.getTime() - longest * 3_600_000);
}

export interface ListFilter {
  /**
   * Live reports or practice reports (training mode, ADR 0023). Required, so no queue query can forget it: the two
   * sets never appear in one list or one count.
   */
  set: ReportSet;
  statuses?: ReportStatus[];
  categoryCode?: string;
  subcategoryCode?: string;
  districtIds?: string[];
  facilityId?: string;
  /** null: neither a person nor a team. */
  assigneeId?: string | null;
  assigneeTeamIds?: string[];
  from?: Date;
  to?: Date;
  /** Keyed hash of a whole tracking code (reports/tracking-code.ts). */
  trackingCodeHash?: string;
  /** Keyed hash of the first group of one. */
  trackingPrefixHash?: string;
  /**
   * Blind-index tokens of the words searched (reports/search-words.ts): a report matches when its description holds
   * every one; `[]` matches nothing. With a tracking code or prefix as well, either may match.
   */
  textTokens?: string[];
  /** Where a text match counts: the reports whose description the caller may read (undefined: all in scope). */
  textReadable?: SQL;
  overdue?: boolean;
  channels?: string[];
  reporterModes?: ("self" | "on_behalf")[];
  /** The reporter wrote last: a message of theirs has no answer yet. */
  reporterReplied?: boolean;
  /**
   * Flagged as a possible duplicate (the rule of duplicateCandidates, within `days`), counting only other reports
   * that `readable` (the viewer's read rule at duplicatePlacement) lets the viewer see.
   */
  duplicates?: { days: number; readable: SQL };
  /** The reporter said "not solved" and it is open again. */
  reopened?: boolean;
}

/**
 * A column of the queue's own row, inside a correlated subquery. Spelled out because Drizzle writes a column of a
 * single-table select unqualified, and a bare "id" inside `FROM report_messages m` would mean m.id.
 */
const outer = (column: string) => sql.raw(`"reports"."${column}"`);

/** The reporter answered "not solved" and the report is being handled again. */
export const reopenedSql = sql<boolean>`(${outer("reporter_confirmed")} = false AND ${outer("status")} IN (${sql.join(
  openStatuses.map((s) => sql`${s}`),
  sql`, `,
)}))`;

/** The last message of the conversation is the reporter's: someone owes them an answer. */
export const reporterRepliedSql = sql<boolean>`COALESCE((SELECT m."from" = 'reporter' FROM report_messages m
  WHERE m.report_id = ${outer("id")} ORDER BY m.at DESC, m.id DESC LIMIT 1), false)`;

/** Where the other report of the duplicate rule is placed: the `d` of possibleDuplicateSql. */
export const duplicatePlacement = { district: sql.raw("d.district_id"), facility: sql.raw("d.facility_id") };

/**
 * The duplicate rule (duplicateCandidates) for each report of a page or filter: another report by the same phone,
 * device or account, on the same subcategory and facility (else district) within the window. Each arm reads one of
 * the partial duplicate indexes. `readable` is the viewer's read rule on `d` (readableSql at duplicatePlacement): the
 * other report must be one the viewer may see too, else the badge would tell them that a report exists outside their
 * scope (a facility moved to another district keeps its id, so "same facility" is not "same scope").
 */
export function possibleDuplicateSql(windowDays: number, readable: SQL): SQL<boolean> {
  const arm = (column: string) => sql`EXISTS (SELECT 1 FROM reports d WHERE d.${sql.raw(column)} = ${outer(column)}
    AND d.subcategory_code = ${outer("subcategory_code")} AND d.id <> ${outer("id")} AND ${readable}
    AND d.training = ${outer("training")}
    AND d.created_at > ${outer("created_at")} - make_interval(days => ${windowDays}::int)
    AND d.created_at < ${outer("created_at")} + make_interval(days => ${windowDays}::int)
    AND (CASE WHEN ${outer("facility_id")} IS NOT NULL THEN d.facility_id = ${outer("facility_id")}
         ELSE d.district_id = ${outer("district_id")} END))`;
  return sql<boolean>`(${arm("phone_hash")} OR ${arm("device_hash")} OR ${arm("community_account_id")})`;
}

export function filterSql(f: ListFilter, sla: Sla, now: Date): (SQL | undefined)[] {
  return [
    reportsOfSet(f.set),
    f.statuses?.length ? inArray(reports.status, f.statuses) : undefined,
    f.categoryCode ? eq(reports.categoryCode, f.categoryCode) : undefined,
    f.subcategoryCode ? eq(reports.subcategoryCode, f.subcategoryCode) : undefined,
    f.districtIds
      ? inArray(reports.districtId, f.districtIds.length ? f.districtIds : ["00000000-0000-0000-0000-000000000000"])
      : undefined,
    f.facilityId ? eq(reports.facilityId, f.facilityId) : undefined,
    f.assigneeId === null
      ? and(isNull(reports.assigneeId), isNull(reports.assigneeTeamId))
      : f.assigneeId
        ? eq(reports.assigneeId, f.assigneeId)
        : undefined,
    f.assigneeTeamIds
      ? inArray(
          reports.assigneeTeamId,
          f.assigneeTeamIds.length ? f.assigneeTeamIds : ["00000000-0000-0000-0000-000000000000"],
        )
      : undefined,
    f.from ? gte(reports.createdAt, f.from) : undefined,
    f.to ? lte(reports.createdAt, f.to) : undefined,
    searchSql(f),
    f.channels?.length ? inArray(reports.channel, f.channels) : undefined,
    f.reporterModes?.length ? inArray(reports.reporterMode, f.reporterModes) : undefined,
    f.reporterReplied ? reporterRepliedSql : undefined,
    f.duplicates ? possibleDuplicateSql(f.duplicates.days, f.duplicates.readable) : undefined,
    f.reopened ? reopenedSql : undefined,
    f.overdue === true ? overdueSql(sla, now) : f.overdue === false ? sql`NOT ${overdueSql(sla, now)}` : undefined,
  ];
}

/** The search box: a tracking code (whole or its first group, by their hashes), words (GIN index), or either. */
function searchSql(f: ListFilter): SQL | undefined {
  const code = f.trackingCodeHash
    ? eq(reports.trackingCodeHash, f.trackingCodeHash)
    : f.trackingPrefixHash
      ? eq(reports.trackingPrefixHash, f.trackingPrefixHash)
      : undefined;
  const text =
    f.textTokens === undefined
      ? undefined
      : f.textTokens.length === 0
        ? sql`false`
        : and(hasAllTokens(f.textTokens), f.textReadable);
  return code && text ? or(code, text) : (code ?? text);
}

/** `search_tokens @> ARRAY[…]`: the form the GIN index on search_tokens answers. */
function hasAllTokens(tokens: string[]): SQL {
  const items = sql.join(
    tokens.map((t) => sql`${t}`),
    sql`, `,
  );
  return sql`${reports.searchTokens} @> ARRAY[${items}]::text[]`;
}

/** The reports a staff member handles (inbox.policy.ts isHandler, as SQL): theirs, or their team's with nobody named. */
export function handledBySql(userId: string, teamIds: string[]): SQL {
  const mine = eq(reports.assigneeId, userId);
  if (teamIds.length === 0) return mine;
  return or(mine, and(isNull(reports.assigneeId), inArray(reports.assigneeTeamId, teamIds))) as SQL;
}

export const listColumns = {
  id: reports.id,
  ...storedCodeColumns,
  status: reports.status,
  categoryCode: reports.categoryCode,
  subcategoryCode: reports.subcategoryCode,
  districtId: reports.districtId,
  facilityId: reports.facilityId,
  channel: reports.channel,
  reporterMode: reports.reporterMode,
  assigneeId: reports.assigneeId,
  assigneeTeamId: reports.assigneeTeamId,
  createdAt: reports.createdAt,
  updatedAt: reports.updatedAt,
  version: reports.version,
  training: reports.training,
  erasedAt: reports.erasedAt,
  erasedBy: reports.erasedBy,
  assigneeName: sql<string | null>`(SELECT u.display_name FROM staff_users u WHERE u.id = ${outer("assignee_id")})`,
  assigneeTeamName: sql<string | null>`(SELECT g.name FROM teams g WHERE g.id = ${outer("assignee_team_id")})`,
  reopenedByReporter: reopenedSql,
  reporterReplied: reporterRepliedSql,
};

export async function listPage(
  db: Db,
  where: SQL | undefined,
  overdue: SQL<boolean>,
  duplicate: SQL<boolean>,
  sort: "newest" | "oldest",
  after: { createdAt: Date; id: string } | undefined,
  limit: number,
) {
  const keyset = after
    ? sort === "newest"
      ? sql`(${reports.createdAt}, ${reports.id}) < (${after.createdAt}, ${after.id})`
      : sql`(${reports.createdAt}, ${reports.id}) > (${after.createdAt}, ${after.id})`
    : undefined;
  const order =
    sort === "newest" ? [desc(reports.createdAt), desc(reports.id)] : [asc(reports.createdAt), asc(reports.id)];
  return db
    .select({ ...listColumns, overdue: overdue.as("overdue"), possibleDuplicate: duplicate.as("possible_duplicate") })
    .from(reports)
    .where(and(where, keyset))
    .orderBy(...order)
    .limit(limit);
}

export async function countByStatus(db: Db, where: SQL | undefined) {
  return db
    .select({ status: reports.status, n: sql<number>`count(*)::int` })
    .from(reports)
    .where(where)
    .groupBy(reports.status);
}

export interface CounterFilter {
  districtIds: string[];
  categoryCode?: string;
  subcategoryCode?: string;
  unassigned?: boolean;
}

/** Counts per status from the trigger-maintained table: exact, and a few thousand rows at most per query. */
export async function countByStatusFromCounters(db: Db, f: CounterFilter) {
  if (f.districtIds.length === 0) return [];
  return db
    .select({ status: reportCounts.status, n: sql<number>`sum(${reportCounts.n})::int` })
    .from(reportCounts)
    .where(
      and(
        inArray(reportCounts.districtId, f.districtIds),
        f.categoryCode ? eq(reportCounts.categoryCode, f.categoryCode) : undefined,
        f.subcategoryCode ? eq(reportCounts.subcategoryCode, f.subcategoryCode) : undefined,
        f.unassigned ? eq(reportCounts.unassigned, true) : undefined,
      ),
    )
    .groupBy(reportCounts.status);
}

/**
 * Live counts per status of the open reports that are not overdue, among those matching `where`. The window bound is
 * implied by the rule, but stating it lets the index on created_at keep the count to the recent reports.
 */
export async function countOpenNotOverdue(db: Db, where: SQL | undefined, overdue: SQL<boolean>, since: Date) {
  return countByStatus(
    db,
    and(where, inArray(reports.status, openStatuses), gte(reports.createdAt, since), not(overdue)),
  );
}

/** A report in scope together with its overdue flag, computed by the same SQL rule the queue uses. */
export async function findInScopeWithOverdue(db: Db, id: string, scope: SQL, overdue: SQL<boolean>) {
  const [row] = await db
    .select({ ...getTableColumns(reports), overdue: overdue.as("overdue") })
    .from(reports)
    .where(and(eq(reports.id, id), scope));
  return row;
}

export async function findInScope(db: Db, id: string, scope: SQL) {
  const [row] = await db
    .select()
    .from(reports)
    .where(and(eq(reports.id, id), scope));
  return row;
}

export async function timelineOf(db: Db, reportId: string) {
  return db
    .select()
    .from(reportEvents)
    .where(eq(reportEvents.reportId, reportId))
    .orderBy(asc(reportEvents.at), asc(reportEvents.id));
}

export async function messagesOf(db: Db, reportId: string) {
  return db
    .select()
    .from(reportMessages)
    .where(eq(reportMessages.reportId, reportId))
    .orderBy(asc(reportMessages.at), asc(reportMessages.id));
}

/**
 * Applies an update only if the report is still at the version the caller saw (when given) and in one of the
 * expected statuses. Returns the updated row, or undefined when either check failed.
 */
export async function updateIfCurrent(
  db: Db,
  id: string,
  expect: { version?: number; statuses?: ReportStatus[]; notErased?: boolean; unheld?: boolean },
  values: Partial<typeof reports.$inferInsert>,
) {
  const [row] = await db
    .update(reports)
    .set({ ...values, version: sql`${reports.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(reports.id, id),
        expect.version !== undefined ? eq(reports.version, expect.version) : undefined,
        expect.statuses ? inArray(reports.status, expect.statuses) : undefined,
        expect.notErased ? isNull(reports.erasedAt) : undefined,
        expect.unheld ? and(isNull(reports.assigneeId), isNull(reports.assigneeTeamId)) : undefined,
      ),
    )
    .returning();
  return row;
}

export async function insertEvent(db: Db, values: typeof reportEvents.$inferInsert) {
  await db.insert(reportEvents).values(values);
}

export async function insertMessage(db: Db, values: typeof reportMessages.$inferInsert) {
  await db.insert(reportMessages).values(values);
}

/** Same reporter (phone, device or account) + same subcategory + same facility or district, within the window. */
export async function duplicateCandidates(db: Db, r: ReportRow, windowDays: number, scope: SQL) {
  const who: SQL[] = [];
  if (r.phoneHash) who.push(eq(reports.phoneHash, r.phoneHash));
  if (r.deviceHash) who.push(eq(reports.deviceHash, r.deviceHash));
  if (r.communityAccountId) who.push(eq(reports.communityAccountId, r.communityAccountId));
  if (who.length === 0) return [];
  const windowMs = windowDays * 86_400_000;
  const place = r.facilityId ? eq(reports.facilityId, r.facilityId) : eq(reports.districtId, r.districtId);
  return db
    .select({
      id: reports.id,
      ...storedCodeColumns,
      status: reports.status,
      createdAt: reports.createdAt,
      phoneHash: reports.phoneHash,
      deviceHash: reports.deviceHash,
      communityAccountId: reports.communityAccountId,
    })
    .from(reports)
    .where(
      and(
        sql`${reports.id} <> ${r.id}`,
        // A practice report and a live one are never duplicates of each other (ADR 0023).
        reportsOfSet(r.training ? "training" : "live"),
        or(...who),
        eq(reports.subcategoryCode, r.subcategoryCode),
        place,
        gte(reports.createdAt, new Date(r.createdAt.getTime() - windowMs)),
        lt(reports.createdAt, new Date(r.createdAt.getTime() + windowMs)),
        scope,
      ),
    )
    .orderBy(desc(reports.createdAt))
    .limit(20);
}

export async function staffById(db: Db, id: string) {
  const [row] = await db.select().from(staffUsers).where(eq(staffUsers.id, id));
  return row;
}

/** Display names of these staff members and teams, by id (for names shown to colleagues in scope). */
export async function namesOf(db: Db, ids: string[]): Promise<Record<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return {};
  const list = sql.join(
    unique.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const rows = await queryRows<{ id: string; name: string }>(
    db,
    sql`
    SELECT id, display_name AS name FROM staff_users WHERE id IN (${list})
    UNION ALL SELECT id, name FROM teams WHERE id IN (${list})`,
  );
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}

export async function staffWithRoles(db: Db, roles: string[]) {
  return db
    .select()
    .from(staffUsers)
    .where(and(inArray(staffUsers.role, roles), isNull(staffUsers.disabledAt)))
    .orderBy(staffUsers.displayName);
}
