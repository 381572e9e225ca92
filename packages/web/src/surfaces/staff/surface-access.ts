import type { StaffRoleCode } from "@openclm/contracts";

/** The staff surfaces, in navigation order. */
export const staffSurfaces = [
  { id: "inbox", href: "/inbox" },
  { id: "dashboard", href: "/dashboard" },
  { id: "setup", href: "/setup" },
  { id: "audit", href: "/audit" },
] as const;
export type StaffSurfaceId = (typeof staffSurfaces)[number]["id"];

/** A surface opens for a role holding any of these permissions (the server checks every call again). */
export const surfacePermissions: Record<StaffSurfaceId, readonly string[]> = {
  // Peer supporters moderate the forum in the inbox surface (/inbox/forum).
  inbox: ["inbox:read", "forum:moderate"],
  dashboard: ["indicators:read"],
  setup: ["setup:manage", "users:manage", "content:write"],
  audit: ["audit:read"],
};

/** The staff surfaces this member may use, in navigation order. */
export function usableSurfaces(me: { permissions: readonly string[] }) {
  return staffSurfaces.filter((s) => surfacePermissions[s.id].some((p) => me.permissions.includes(p)));
}

/**
 * Where a peer supporter works: the community app, whose home offers "Report for someone" and whose My reports lists
 * the reports they made for others (PRODUCT.md §1). Those who moderate the forum (`forum:moderate`) also have the
 * inbox surface, where its queue is (/inbox/forum).
 */
export const ASSISTED_REPORTING_HREF = "/app";

/** The staff sign-in page every staff member is sent to (the inbox surface's front page). */
export const STAFF_SIGN_IN_HREF = "/inbox";

/**
 * Where each role works (PRODUCT.md §1): responders and data managers in the inbox, analysts (advocates, programme
 * staff) on the dashboard, administrators in Set-up, the auditor in the audit log, content editors in Set-up's content, peer supporters reporting on
 * someone's behalf.
 */
const roleHomes: Record<StaffRoleCode, string> = {
  peer_supporter: ASSISTED_REPORTING_HREF,
  data_manager: "/inbox",
  first_responder: "/inbox",
  analyst: "/dashboard",
  country_admin: "/setup",
  system_admin: "/setup",
  auditor: "/audit",
  content_editor: "/setup",
};

/** Every place this member may open from a menu: their staff surfaces, then assisted reporting if they report. */
export function usablePlaces(me: {
  permissions: readonly string[];
}): { id: StaffSurfaceId | "assisted"; href: string }[] {
  const places: { id: StaffSurfaceId | "assisted"; href: string }[] = [...usableSurfaces(me)];
  if (me.permissions.includes("report:submit_on_behalf"))
    places.push({ id: "assisted", href: ASSISTED_REPORTING_HREF });
  return places;
}

/**
 * Where a member lands after signing in: their role's home when their permissions open it (a role's permissions can
 * change without its code), else the first place they may use, else the community app.
 */
export function homeFor(me: { role: string; permissions: readonly string[] }): string {
  const places = usablePlaces(me);
  const home = roleHomes[me.role as StaffRoleCode];
  if (home && places.some((p) => p.href === home)) return home;
  return places[0]?.href ?? "/app";
}

/**
 * Where someone who has just signed in on `path` goes next, or null to stay. A page their role cannot use sends them
 * home. So does the staff sign-in page itself (/inbox) for a member without a report queue: a peer supporter
 * who moderates the forum may open /inbox (it shows the moderation queue), but signing in there — as the community
 * app asks them to when a queued report needs a fresh session — leads back to their home in the app, whose tiles
 * include the queue.
 */
export function landingAfterSignIn(
  me: { role: string; permissions: readonly string[] },
  path: string,
  allowed: boolean,
): string | null {
  if (!allowed) return homeFor(me);
  const atSignInPage = path.replace(/\/$/, "") === STAFF_SIGN_IN_HREF;
  if (atSignInPage && !me.permissions.includes("inbox:read") && homeFor(me) !== "/inbox") return homeFor(me);
  return null;
}
