import { and, arrayContains, asc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Db } from "../db/database.js";
import { areas, facilities } from "./geography.schema.js";

export type AreaRow = typeof areas.$inferSelect;
export type FacilityRow = typeof facilities.$inferSelect;

/** The areas in use (retired ones are kept for history, never offered). */
export async function listAreas(db: Db) {
  return db
    .select({
      id: areas.id,
      parentId: areas.parentId,
      level: areas.level,
      code: areas.code,
      names: areas.names,
      isLeaf: areas.isLeaf,
      population: areas.population,
    })
    .from(areas)
    .where(isNull(areas.retiredAt))
    .orderBy(asc(areas.level), asc(areas.code));
}

export async function getArea(db: Db, id: string) {
  const [row] = await db.select().from(areas).where(eq(areas.id, id));
  return row;
}

/** Leaf areas (districts) at or under any of `areaIds`. */
export async function leafIdsUnder(db: Db, areaIds: string[]): Promise<string[]> {
  if (areaIds.length === 0) return [];
  const rows = await db
    .select({ id: areas.id })
    .from(areas)
    .where(
      and(
        eq(areas.isLeaf, true),
        or(inArray(areas.id, areaIds), sql`${areas.ancestorIds} && ${sql.param(areaIds)}::uuid[]`),
      ),
    );
  return rows.map((r) => r.id);
}

/** Leaf areas whose bounding box holds the point: the few candidates for the exact polygon test. */
export async function leafAreasWithBoundaryNear(db: Db, lng: number, lat: number) {
  return db
    .select({ id: areas.id, boundary: areas.boundary })
    .from(areas)
    .where(
      and(
        eq(areas.isLeaf, true),
        isNull(areas.retiredAt),
        sql`${areas.bbox}[1] <= ${lng} AND ${areas.bbox}[3] >= ${lng} AND ${areas.bbox}[2] <= ${lat} AND ${areas.bbox}[4] >= ${lat}`,
      ),
    );
}

export async function listBoundaries(db: Db, level: number | undefined) {
  return db
    .select({ id: areas.id, code: areas.code, level: areas.level, boundary: areas.boundary })
    .from(areas)
    .where(
      and(
        sql`${areas.boundary} IS NOT NULL`,
        isNull(areas.retiredAt),
        level === undefined ? undefined : eq(areas.level, level),
      ),
    )
    .orderBy(asc(areas.code));
}

export async function listFacilities(db: Db, filter: { districtIds?: string[]; type?: string; service?: string }) {
  return db
    .select()
    .from(facilities)
    .where(
      and(
        eq(facilities.active, true),
        filter.districtIds ? inArray(facilities.districtId, filter.districtIds) : undefined,
        filter.type ? eq(facilities.type, filter.type) : undefined,
        filter.service ? arrayContains(facilities.services, [filter.service]) : undefined,
      ),
    )
    .orderBy(asc(facilities.code));
}

export async function getFacility(db: Db, id: string) {
  const [row] = await db.select().from(facilities).where(eq(facilities.id, id));
  return row;
}
