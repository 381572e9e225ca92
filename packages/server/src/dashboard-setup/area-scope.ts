import type { Db } from "../db/database.js";
import { type AreaRow, getArea, leafIdsUnder } from "../geography/geography.repo.js";
import { actorScope } from "../identity/scope.js";
import { notFound } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";

/**
 * Whether the caller sees the whole of an area's indicators: a country-wide scope sees every area; an area scope
 * sees an area when every district under it is in the scope. A facility scope sees parts of districts, so no area.
 */
export async function seesWholeArea(ctx: Ctx, area: Pick<AreaRow, "id">): Promise<boolean> {
  const scope = await actorScope(ctx);
  if (scope.type === "country") return true;
  if (scope.type !== "areas") return false;
  const leaves = await leafIdsUnder(ctx.db, [area.id]);
  return leaves.length > 0 && leaves.every((d) => scope.districtIds.includes(d));
}

/** The area, if the caller sees it whole; otherwise 404, as for anything out of scope. */
export async function areaInScope(ctx: Ctx, areaId: string): Promise<AreaRow> {
  const area = await getArea(ctx.db, areaId);
  if (!area || !(await seesWholeArea(ctx, area))) throw notFound("area");
  return area;
}

/** The ids of every area the caller sees whole: "all" for a country-wide scope. */
export async function visibleAreaIds(ctx: Ctx, db: Db = ctx.db): Promise<"all" | string[]> {
  const scope = await actorScope(ctx);
  if (scope.type === "country") return "all";
  if (scope.type !== "areas") return [];
  const under = await Promise.all(scope.areaIds.map(async (id) => [id, ...(await leafIdsUnder(db, [id]))]));
  return [...new Set(under.flat())];
}
