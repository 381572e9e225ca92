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
  inbox: ["inbox:read"],
  dashboard: ["indicators:read"],
  setup: ["setup:manage", "users:manage"],
  audit: ["audit:read"],
};

/** The staff surfaces this member may use, in navigation order. */
export function usableSurfaces(me: { permissions: readonly string[] }) {
  return staffSurfaces.filter((s) => surfacePermissions[s.id].some((p) => me.permissions.includes(p)));
}

/** Where a peer supporter works: the community app's reporting, on someone's behalf (PRODUCT.md §1). */
export const ASSISTED_REPORTING_HREF = "/app/report";

/** Where each role works: its first staff surface, or assisted reporting in the app for those who only report. */
export function homeFor(me: { permissions: readonly string[] }): string {
  const first = usableSurfaces(me)[0];
  if (first) return first.href;
  return me.permissions.includes("report:submit_on_behalf") ? ASSISTED_REPORTING_HREF : "/app";
}
