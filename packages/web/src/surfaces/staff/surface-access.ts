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
