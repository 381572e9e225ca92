import type { Team } from "@openclm/contracts";
import { staffApi } from "../../api/staff-client.js";

export type TeamMember = Team["members"][number];

export const teamsApi = {
  list: () => staffApi("GET /teams", {}),
  create: (body: { name: string; scopeAreaIds: string[] }) => staffApi("POST /teams", { body }),
  rename: (id: string, name: string) => staffApi("PATCH /teams/:id", { params: { id }, body: { name } }),
  /** Staff who could join: they handle reports and their areas cover the team's. */
  candidates: (id: string) => staffApi("GET /teams/:id/candidates", { params: { id } }),
  addMember: (id: string, userId: string) => staffApi("PUT /teams/:id/members/:userId", { params: { id, userId } }),
  removeMember: (id: string, userId: string) =>
    staffApi("DELETE /teams/:id/members/:userId", { params: { id, userId } }),
};
