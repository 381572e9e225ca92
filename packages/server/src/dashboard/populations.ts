import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../db/database.js";
import type { CubeQuery } from "./indicators.repo.js";

export interface DistrictPopulation {
  id: string;
  regionId: string | null;
  population: number | null;
}

/** People affected by TB per district (the denominator of "per 1,000" and coverage), with each district's region. */
export async function districtPopulations(db: Db): Promise<DistrictPopulation[]> {
  const rows = await queryRows<{ id: string; region_id: string | null; population: number | null }>(
    db,
    sql`SELECT id, ancestor_ids[2] AS region_id, population FROM areas WHERE is_leaf`,
  );
  return rows.map((r) => ({ id: r.id, regionId: r.region_id, population: r.population }));
}

/**
 * The population a row's counts refer to: the districts its place dimensions, place filters and the reader's scope
 * leave. A row by facility (or filtered to facilities) has no population; nor one whose districts have none recorded.
 */
export function populationOf(
  districts: DistrictPopulation[],
  dimensions: Record<string, string>,
  filters: [string, string, string[]][],
  scope: CubeQuery["scope"],
): number | null {
  if (dimensions.facility || filters.some(([, d]) => d === "facility") || scope?.facilityIds.length) return null;
  const keep = (d: DistrictPopulation) =>
    (!dimensions.district || d.id === dimensions.district) &&
    (!dimensions.region || d.regionId === dimensions.region) &&
    filters.every(([, dim, values]) =>
      dim === "district" ? values.includes(d.id) : dim === "region" ? values.includes(d.regionId ?? "") : true,
    ) &&
    (!scope || scope.areaDistrictIds.includes(d.id));
  const chosen = districts.filter(keep);
  if (!chosen.length || chosen.some((d) => d.population === null)) return null;
  const total = chosen.reduce((s, d) => s + (d.population ?? 0), 0);
  return total > 0 ? total : null;
}
