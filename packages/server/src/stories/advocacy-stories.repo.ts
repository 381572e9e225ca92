import { and, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/database.js";
import { type ResolvedScope, readableSql } from "../identity/scope.js";
import { reports } from "../reports/reports.schema.js";
import { liveReports } from "../reports/training.js";
import { advocacyStories } from "./advocacy-stories.schema.js";

type Scope = Pick<ResolvedScope, "areaDistrictIds" | "facilityIds">;

const inScope = (scope: Scope) => readableSql(scope, { district: reports.districtId, facility: reports.facilityId });
/** The reporter agreed to advocacy stories and there is a description to tell. */
// Practice reports are never offered for a story (training mode, reports/training.ts).
const offered = and(liveReports, eq(reports.consentUseInAdvocacy, true), isNotNull(reports.descriptionEnc));

const candidateColumns = {
  reportId: reports.id,
  categoryCode: reports.categoryCode,
  subcategoryCode: reports.subcategoryCode,
  districtId: reports.districtId,
  month: sql<string>`to_char(${reports.occurredOn}, 'YYYY-MM')`,
  createdAt: reports.createdAt,
};

/** Reports offered for a story that no data manager has decided on yet, newest first. */
export async function undecidedCandidates(db: Db, scope: Scope, limit: number) {
  return db
    .select(candidateColumns)
    .from(reports)
    .leftJoin(advocacyStories, eq(advocacyStories.reportId, reports.id))
    .where(and(offered, isNull(advocacyStories.id), inScope(scope)))
    .orderBy(desc(reports.createdAt), desc(reports.id))
    .limit(limit);
}

/**
 * One offered report in scope with its description and any decision. `forUpdate` locks the report, so a consent
 * withdrawn meanwhile waits for the decision and then deletes it (or the decision sees it withdrawn).
 */
export async function candidate(db: Db, scope: Scope, reportId: string, opts: { forUpdate?: boolean } = {}) {
  const q = db
    .select({
      ...candidateColumns,
      descriptionEnc: reports.descriptionEnc,
      status: advocacyStories.status,
      textEnc: advocacyStories.textEnc,
      decidedAt: advocacyStories.decidedAt,
    })
    .from(reports)
    .leftJoin(advocacyStories, eq(advocacyStories.reportId, reports.id))
    .where(and(eq(reports.id, reportId), offered, inScope(scope)));
  const [row] = opts.forUpdate ? await q.for("update", { of: reports }) : await q;
  return row;
}

export async function saveDecision(db: Db, values: typeof advocacyStories.$inferInsert) {
  const { reportId: _r, ...update } = values;
  await db.insert(advocacyStories).values(values).onConflictDoUpdate({ target: advocacyStories.reportId, set: update });
}

/** Consent withdrawn: the story goes at once. Answers whether there was one. */
export async function deleteForReport(db: Db, reportId: string): Promise<boolean> {
  const rows = await db
    .delete(advocacyStories)
    .where(eq(advocacyStories.reportId, reportId))
    .returning({ id: advocacyStories.id });
  return rows.length > 0;
}

/** Approved stories in scope whose reporter still agrees (checked here too, not only at withdrawal), newest first. */
export async function approvedStories(db: Db, scope: Scope, limit: number) {
  return db
    .select({
      id: advocacyStories.id,
      textEnc: advocacyStories.textEnc,
      categoryCode: reports.categoryCode,
      regionId: reports.regionId,
      month: sql<string>`to_char(${reports.occurredOn}, 'YYYY-MM')`,
    })
    .from(advocacyStories)
    .innerJoin(reports, eq(reports.id, advocacyStories.reportId))
    .where(
      and(
        eq(advocacyStories.status, "approved"),
        isNotNull(advocacyStories.textEnc),
        eq(reports.consentUseInAdvocacy, true),
        inScope(scope),
      ),
    )
    .orderBy(desc(advocacyStories.decidedAt), desc(advocacyStories.id))
    .limit(limit);
}
