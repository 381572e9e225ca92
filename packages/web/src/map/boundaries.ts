import type { ApiResponse, PublicConfig } from "@openclm/contracts";
import { callApi } from "../api/client.js";

/**
 * Area boundaries for the maps (the dashboard's district map, Near Me's map). No Leaflet here: this module is shared
 * by the lazily loaded maps and the pages that hold them.
 */
export type Boundaries = ApiResponse<"GET /areas/boundaries">;
export type BoundaryFeature = Boundaries["features"][number];

const boundaryCache = new Map<number, Promise<Boundaries>>();

/**
 * Area boundaries of one level (GeoJSON), fetched once per visit. The service worker keeps the last copy (vite
 * config), so a map opened before works offline.
 */
export function fetchBoundaries(level: number): Promise<Boundaries> {
  let p = boundaryCache.get(level);
  if (!p) {
    p = callApi("GET /areas/boundaries", { query: { level } });
    p.catch(() => boundaryCache.delete(level));
    boundaryCache.set(level, p);
  }
  return p;
}

/** The level of the districts: the one the country names "district", else the deepest. */
export function districtLevel(config: Pick<PublicConfig, "levels" | "areas">): number {
  const named = config.levels.indexOf("district");
  return named >= 0 ? named : Math.max(0, ...config.areas.map((a) => a.level));
}
