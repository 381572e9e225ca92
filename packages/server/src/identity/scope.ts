import type { Scope } from "@openclm/contracts";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/database.js";
import { leafIdsUnder } from "../geography/geography.repo.js";
import { areas, facilities } from "../geography/geography.schema.js";
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

/** Districts a scope reaches: those under its areas plus those holding its facilities. */
export async function resolveScope(db: Db, scope: StaffScope): Promise<ResolvedScope> {
  const [areaLeaves, facilityRows] = await Promise.all([
    leafIdsUnder(db, scope.areaIds),
    scope.facilityIds.length
      ? db
          .select({ districtId: facilities.districtId })
          .from(facilities)
          .where(inArray(facilities.id, scope.facilityIds))
      : Promise.resolve([]),
  ]);
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

/** The staff actor's resolved scope (see `ResolvedScope` for which ids govern reads), memoised per request. */
export async function actorScope(ctx: Ctx): Promise<ResolvedScope> {
  const actor = ctx.actor;
  if (actor.type !== "staff")
    return { type: "none", areaIds: [], facilityIds: [], districtIds: [], areaDistrictIds: [] };
  ctx.scopeCache ??= resolveScope(ctx.db, { areaIds: actor.scopeAreaIds, facilityIds: actor.scopeFacilityIds });
  return ctx.scopeCache;
}
