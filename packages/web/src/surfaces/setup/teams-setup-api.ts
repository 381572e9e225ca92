import type { Team } from "@openclm/contracts";
import { staffGet, staffSend } from "../../api/staff-client.js";

export type TeamMember = Team["members"][number];

const teamPath = (id: string, rest = "") => `/teams/${encodeURIComponent(id)}${rest}`;

export const teamsApi = {
  list: () => staffGet<{ items: Team[] }>("/teams"),
  create: (body: { name: string; scopeAreaIds: string[] }) => staffSend<Team>("POST", "/teams", body),
  rename: (id: string, name: string) => staffSend<Team>("PATCH", teamPath(id), { name }),
  /** Staff who could join: they handle reports and their areas cover the team's. */
  candidates: (id: string) => staffGet<{ items: TeamMember[] }>(teamPath(id, "/candidates")),
  addMember: (id: string, userId: string) =>
    staffSend<Team>("PUT", teamPath(id, `/members/${encodeURIComponent(userId)}`)),
  removeMember: (id: string, userId: string) =>
    staffSend<Team>("DELETE", teamPath(id, `/members/${encodeURIComponent(userId)}`)),
};
