import type { StaffRoleCode } from "@openclm/contracts";

type Exhaustive<Union, List extends readonly Union[]> = [Exclude<Union, List[number]>] extends [never] ? List : never;

const roleValues = [
  "peer_supporter",
  "data_manager",
  "first_responder",
  "analyst",
  "country_admin",
  "system_admin",
  "auditor",
] as const satisfies readonly StaffRoleCode[];
export const staffRoles: Exhaustive<StaffRoleCode, typeof roleValues> = roleValues;
