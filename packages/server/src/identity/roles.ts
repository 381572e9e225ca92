import { staffRoles } from "@openclm/contracts";

/** Staff roles (PRODUCT.md §1). Community members have separate accounts and never a staff session. */
export { staffRoles };
export type StaffRole = (typeof staffRoles)[number];

/** Permission sets per role, as code: a route declares one permission; a verb may check more. */
export const permissionsByRole = {
  peer_supporter: ["report:submit_on_behalf", "forum:moderate"],
  data_manager: [
    "inbox:read",
    "report:decide",
    "report:reopen",
    "report:assign",
    "report:update_status",
    "report:message",
    "report:note",
    "report:read_personal",
    "indicators:read",
    "export:reports",
    "stories:review",
    "stories:read",
    // Advocacy cases in scope, their actions and outcomes, and the quarterly review pack (docs/advocacy.md).
    "advocacy:manage",
    // From a report in the inbox: link it to an advocacy case about its place (docs/advocacy.md).
    "advocacy:link",
    // Comments on facility ratings are read before anyone else sees them; held ratings are released or discarded.
    "ratings:moderate",
  ],
  first_responder: [
    "inbox:read",
    "report:update_status",
    "report:message",
    "report:note",
    "report:read_personal",
    // A report that shows a pattern joins an advocacy case (opening one is for those who manage cases).
    "advocacy:link",
  ],
  analyst: ["indicators:read", "export:reports", "stories:read", "advocacy:manage"],
  // Content (Know Your Rights, Get Information, FAQs, announcements): administrators write and publish.
  country_admin: ["setup:manage", "indicators:read", "export:reports", "content:write", "content:publish"],
  // Set-up too: the first administrator (npm run admin:create) sets the country up before anyone else has an account,
  // and a system administrator could give themselves a country administrator's account anyway.
  system_admin: [
    "users:manage",
    "security:manage",
    "audit:read",
    "indicators:read",
    "setup:manage",
    // DHIS2: the national system's address, token and what is sent there.
    "integrations:manage",
    "content:write",
    "content:publish",
  ],
  auditor: ["audit:read"],
  // NGO or programme staff who write rights and TB information: write and submit for review, never publish.
  content_editor: ["content:write"],
} as const satisfies Record<StaffRole, readonly string[]>;

export type Permission = (typeof permissionsByRole)[StaffRole][number];
export const allPermissions = [...new Set(Object.values(permissionsByRole).flat())] as Permission[];

export function roleHas(role: string, permission: Permission): boolean {
  return (permissionsByRole[role as StaffRole] as readonly string[] | undefined)?.includes(permission) ?? false;
}
