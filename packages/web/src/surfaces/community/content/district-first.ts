import type { PublicArea, PublicContentItem } from "@openclm/contracts";
import { devicePrefs } from "../outbox/saved-reports.js";

/**
 * "What changed" for the reader's district first (issue 15 item 4). The district is one the person picks on the page:
 * the app keeps no place from their reports (saved-reports.ts), so it is never guessed. It is remembered on this
 * phone, except on a shared device.
 */
const KEY = "openclm.content.district";

export function readDistrict(): string {
  try {
    return localStorage.getItem(KEY) ?? "";
  } catch {
    return "";
  }
}

export function keepDistrict(id: string): void {
  if (devicePrefs().shared) return;
  try {
    if (id) localStorage.setItem(KEY, id);
    else localStorage.removeItem(KEY);
  } catch {
    // not remembered: the picker still works for this visit
  }
}

/** The district and every area above it (an announcement meant for a region is meant for its districts). */
function withAncestors(areas: PublicArea[], id: string): Set<string> {
  const byId = new Map(areas.map((a) => [a.id, a]));
  const out = new Set<string>();
  for (let a = byId.get(id); a && !out.has(a.id); a = a.parentId ? byId.get(a.parentId) : undefined) out.add(a.id);
  return out;
}

/** Announcements meant for the district (or an area holding it), and the rest; each part keeps its order. */
export function splitByDistrict(
  items: PublicContentItem[],
  areas: PublicArea[],
  districtId: string,
): { mine: PublicContentItem[]; others: PublicContentItem[] } {
  if (!districtId) return { mine: [], others: items };
  const here = withAncestors(areas, districtId);
  const mine = items.filter((i) => i.areaIds.some((a) => here.has(a)));
  return { mine, others: items.filter((i) => !mine.includes(i)) };
}
