import type { PublicArea } from "@openclm/contracts";

export interface AreaGroup {
  /** The parent area (a region, or any level above the districts). */
  parent: PublicArea;
  /** "Region" or "Region › Province" for deeper hierarchies; the country itself is left out. */
  label: string;
  districts: PublicArea[];
}

/**
 * Groups districts (leaf areas) under their parent for an <optgroup> picker, at any hierarchy depth. Groups and
 * districts are sorted by name in the current language.
 */
export function groupAreas(areas: readonly PublicArea[], locale: string): AreaGroup[] {
  const byId = new Map(areas.map((a) => [a.id, a]));
  const collator = new Intl.Collator(locale);
  const groups = new Map<string, AreaGroup>();
  for (const area of areas) {
    if (!area.isLeaf || !area.parentId) continue;
    const parent = byId.get(area.parentId);
    if (!parent) continue;
    let group = groups.get(parent.id);
    if (!group) {
      const path: string[] = [];
      for (
        let a: PublicArea | undefined = parent;
        a && a.level > 0;
        a = a.parentId ? byId.get(a.parentId) : undefined
      ) {
        path.unshift(a.name);
      }
      group = { parent, label: path.length ? path.join(" › ") : parent.name, districts: [] };
      groups.set(parent.id, group);
    }
    group.districts.push(area);
  }
  const sorted = [...groups.values()].sort((a, b) => collator.compare(a.label, b.label));
  for (const g of sorted) g.districts.sort((a, b) => collator.compare(a.name, b.name));
  return sorted;
}
