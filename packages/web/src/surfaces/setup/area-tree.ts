import type { PublicArea, Scope } from "@openclm/contracts";

/** Areas in tree order: each area followed by the areas under it (country, region, its districts, next region …). */
export function areasInTreeOrder(areas: PublicArea[]): PublicArea[] {
  const ordered: PublicArea[] = [];
  const addChildren = (parentId: string | null) => {
    for (const a of areas.filter((x) => x.parentId === parentId)) {
      ordered.push(a);
      addChildren(a.id);
    }
  };
  addChildren(null);
  return ordered;
}

/** The areas a staff scope may change: all for a country scope, its areas and everything under them otherwise. */
export function areasInScope(areas: PublicArea[], scope: Scope): PublicArea[] {
  if (scope.type === "country") return areas;
  const parentOf = new Map(areas.map((a) => [a.id, a.parentId]));
  const held = new Set(scope.areaIds);
  const inside = (id: string | null): boolean => id !== null && (held.has(id) || inside(parentOf.get(id) ?? null));
  return areas.filter((a) => inside(a.id));
}

type Ring = number[][];

/** Whether a point lies in a GeoJSON Polygon or MultiPolygon (even-odd rule over every ring, so holes count). */
export function pointInGeometry(lng: number, lat: number, geometry: GeoJSON.Geometry): boolean {
  const polygons: Ring[][] =
    geometry.type === "Polygon"
      ? [geometry.coordinates as Ring[]]
      : geometry.type === "MultiPolygon"
        ? (geometry.coordinates as Ring[][])
        : [];
  return polygons.some((rings) => {
    let inside = false;
    for (const ring of rings)
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i] as [number, number];
        const [xj, yj] = ring[j] as [number, number];
        if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
      }
    return inside;
  });
}
