import type { Scope } from "@openclm/contracts";
import { and, eq, inArray, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import type { Db } from "../db/database.js";
import { leafIdsUnder } from "../geography/geography.repo.js";
import { areas, facilities } from "../geography/geography.schema.js";
import { AppError } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";

export interface StaffScope {
  areaIds: string[];
  facilityIds: string[];
}

/**
 * A resolved scope. `districtIds` are the districts it touches at all (under its areas, or holding its facilities):
 * right for coarse questions (which districts to count, who could take an assignment there). Reports it may read are
 * those placed in `areaDistrictIds` or at one of `facilityIds`: facility-scoped staff do not see their whole
 * districts (PRODUCT.md 2: a scope limits every read and write).
 */
export interface ResolvedScope extends Scope {
  areaDistrictIds: string[];
}

/**
 * Districts a scope reaches: those under its areas plus those holding its facilities. Reads one after another: `db`
 * may be the caller's transaction (demo seeding), whose one connection runs a statement at a time.
 */
export async function resolveScope(db: Db, scope: StaffScope): Promise<ResolvedScope> {
  const areaLeaves = await leafIdsUnder(db, scope.areaIds);
  const facilityRows = scope.facilityIds.length
    ? await db
        .select({ districtId: facilities.districtId })
        .from(facilities)
        .where(inArray(facilities.id, scope.facilityIds))
    : [];
  const hasCountry = scope.areaIds.length > 0 && (await isCountry(db, scope.areaIds));
  return {
    type: hasCountry ? "country" : scope.areaIds.length ? "areas" : scope.facilityIds.length ? "facilities" : "none",
    areaIds: scope.areaIds,
    facilityIds: scope.facilityIds,
    districtIds: [...new Set([...areaLeaves, ...facilityRows.map((f) => f.districtId)])],
    areaDistrictIds: areaLeaves,
  };
}

async function isCountry(db: Db, areaIds: string[]): Promise<boolean> {
  const rows = await db
    .select({ id: areas.id })
    .from(areas)
    .where(and(inArray(areas.id, areaIds), eq(areas.level, 0)));
  return rows.length > 0;
}

/**
 * A staff member's scope as their role reads it. A system administrator acts for the whole installation, whatever
 * scope the account names: they manage every account (and could give themselves any scope), and the first one,
 * made by `npm run admin:create` before the country has any areas, must be able to set the country up.
 */
export async function scopeOfStaff(
  db: Db,
  user: { role: string; scopeAreaIds: string[]; scopeFacilityIds: string[] },
): Promise<ResolvedScope> {
  if (user.role !== "system_admin")
    return resolveScope(db, { areaIds: user.scopeAreaIds, facilityIds: user.scopeFacilityIds });
  const [country] = await db.select({ id: areas.id }).from(areas).where(eq(areas.level, 0)).limit(1);
  if (!country) return { type: "country", areaIds: [], facilityIds: [], districtIds: [], areaDistrictIds: [] };
  return { ...(await resolveScope(db, { areaIds: [country.id], facilityIds: [] })), type: "country" };
}

/** The staff actor's resolved scope (see `ResolvedScope` for which ids govern reads), memoised per request. */
export async function actorScope(ctx: Ctx): Promise<ResolvedScope> {
  const actor = ctx.actor;
  if (actor.type !== "staff")
    return { type: "none", areaIds: [], facilityIds: [], districtIds: [], areaDistrictIds: [] };
  ctx.scopeCache ??= scopeOfStaff(ctx.db, actor);
  return ctx.scopeCache;
}

/** Where a report is placed, as SQL: its district and facility columns (of `reports`, an alias, or dashboard cells). */
export interface Placement {
  district: SQLWrapper;
  facility: SQLWrapper;
}

/**
 * The read rule for reports (PRODUCT.md 2: a scope limits every read): placed in a district under the scope's areas,
 * or at one of its facilities; nothing when it names neither. The inbox (queue, detail, counts), the de-identified
 * export and the dashboard cells (dashboard/indicators.repo.ts `grainAndScopeSql`) apply it through here; live
 * notices apply it in JS (inbox.stream.ts `covers`).
 */
export function readableSql(scope: Pick<ResolvedScope, "areaDistrictIds" | "facilityIds">, at: Placement): SQL {
  const parts = [
    ...(scope.areaDistrictIds.length ? [sql`${at.district} IN (${uuids(scope.areaDistrictIds)})`] : []),
    ...(scope.facilityIds.length ? [sql`${at.facility} IN (${uuids(scope.facilityIds)})`] : []),
  ];
  return parts.length ? sql`(${sql.join(parts, sql` OR `)})` : sql`false`;
}

/** Typed parameters, so the planner matches them to the uuid indexes. */
const uuids = (ids: string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

/**
 * Writes follow the scope (PRODUCT.md 2; issue 22 item 8). Country-wide things (protocols, country targets, figures
 * for the whole country) need a country-wide scope: 403 `COUNTRY_SCOPE_REQUIRED`, since the caller sees them but may
 * not change them, and the web app can then say why rather than a bare "not allowed".
 */
export async function requireCountryScope(ctx: Ctx): Promise<void> {
  if ((await actorScope(ctx)).type !== "country") {
    throw new AppError("COUNTRY_SCOPE_REQUIRED", "This is a country-wide setting: it needs a country-wide scope");
  }
}

/**
 * Whether something reaching these districts (a team, a series of figures) lies inside the caller's scope: a country
 * scope holds everything; any other holds what reaches at least one district and only districts under its areas.
 */
export async function scopeHolds(ctx: Ctx, districtIds: string[]): Promise<boolean> {
  const scope = await actorScope(ctx);
  if (scope.type === "country") return true;
  return districtIds.length > 0 && districtIds.every((d) => scope.areaDistrictIds.includes(d));
}
