import type { Team } from "@openclm/contracts";
import { audit } from "../audit/audit.service.js";
import { type Db, withTransaction } from "../db/database.js";
import * as identityRepo from "../identity/identity.repo.js";
import { roleHas } from "../identity/roles.js";
import { resolveScope, scopeHolds } from "../identity/scope.js";
import { AppError } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import * as repo from "./teams.repo.js";

/** Districts a team's scope reaches (same rule as a staff member's scope). */
export async function teamDistricts(db: Db, team: repo.TeamRow): Promise<string[]> {
  return (await resolveScope(db, { areaIds: team.scopeAreaIds, facilityIds: team.scopeFacilityIds })).districtIds;
}

/** The teams the acting staff member belongs to (none for anyone else). */
export async function myTeamIds(ctx: Ctx): Promise<string[]> {
  if (ctx.actor.type !== "staff") return [];
  ctx.teamCache ??= repo.teamIdsOf(ctx.db, ctx.actor.userId);
  return ctx.teamCache;
}

async function present(db: Db, rows: repo.TeamRow[]): Promise<Team[]> {
  const members = await repo.membersOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((t) => ({
    id: t.id,
    name: t.name,
    scopeAreaIds: t.scopeAreaIds,
    scopeFacilityIds: t.scopeFacilityIds,
    members: members.filter((m) => m.teamId === t.id).map(({ teamId: _, ...m }) => m),
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  }));
}

/** Whether the caller's scope holds the team: a region's administrator manages the teams of their region only. */
async function holdsTeam(ctx: Ctx, team: repo.TeamRow): Promise<boolean> {
  return scopeHolds(ctx, await teamDistricts(ctx.db, team));
}

/** The teams in the caller's scope, with their members (and their e-mails): nobody else's. */
export async function listTeams(ctx: Ctx) {
  const held: repo.TeamRow[] = [];
  for (const team of await repo.listTeams(ctx.db)) if (await holdsTeam(ctx, team)) held.push(team);
  return { items: await present(ctx.db, held) };
}

/** A team in the caller's scope, or 404: the same answer whether it is missing or another region's. */
async function loadTeam(ctx: Ctx, id: string) {
  const team = await repo.findTeam(ctx.db, id);
  if (!team || !(await holdsTeam(ctx, team))) throw new AppError("NOT_FOUND", "team not found");
  return team;
}

export async function createTeam(
  ctx: Ctx,
  input: { name: string; scopeAreaIds: string[]; scopeFacilityIds: string[] },
): Promise<Team> {
  const reach = await resolveScope(ctx.db, { areaIds: input.scopeAreaIds, facilityIds: input.scopeFacilityIds });
  if (!(await scopeHolds(ctx, reach.districtIds))) throw new AppError("NOT_FOUND", "area or facility not found");
  return withTransaction(ctx, async (tx) => {
    const row = await repo.insertTeam(tx, input);
    if (!row) throw new AppError("CONFLICT", "A team with this name exists");
    await audit(ctx, tx, { action: "team.create", entity: "team", entityId: row.id, details: { ...input } });
    return (await present(tx, [row]))[0]!;
  });
}

export async function renameTeam(ctx: Ctx, id: string, input: { name: string }): Promise<Team> {
  await loadTeam(ctx, id);
  return withTransaction(ctx, async (tx) => {
    const taken = await repo.teamByName(tx, input.name);
    if (taken && taken.id !== id) throw new AppError("CONFLICT", "A team with this name exists");
    const row = await repo.renameTeam(tx, id, input.name);
    if (!row) throw new AppError("NOT_FOUND", "team not found");
    await audit(ctx, tx, { action: "team.rename", entity: "team", entityId: id, details: { name: input.name } });
    return (await present(tx, [row]))[0]!;
  });
}

type StaffUserRow = NonNullable<Awaited<ReturnType<typeof identityRepo.findUserById>>>;

/** Handles reports, and their own scope covers every district the team's does. */
async function mayJoin(db: Db, user: StaffUserRow, teamDistrictIds: string[]): Promise<boolean> {
  if (user.disabledAt || !roleHas(user.role, "report:update_status")) return false;
  const own = await resolveScope(db, { areaIds: user.scopeAreaIds, facilityIds: user.scopeFacilityIds });
  return teamDistrictIds.every((d) => own.districtIds.includes(d));
}

/** The staff Set-up may offer for a team: those who could join it and are not in it yet. */
export async function listMemberCandidates(ctx: Ctx, id: string) {
  const team = await loadTeam(ctx, id);
  const [needed, users, members] = await Promise.all([
    teamDistricts(ctx.db, team),
    identityRepo.listUsers(ctx.db),
    repo.membersOf(ctx.db, [id]),
  ]);
  const inTeam = new Set(members.map((m) => m.id));
  const items = [];
  for (const u of users) {
    if (inTeam.has(u.id) || !(await mayJoin(ctx.db, u, needed))) continue;
    items.push({ id: u.id, displayName: u.displayName, email: u.email, role: u.role });
  }
  return { items };
}

/**
 * A member must be able to handle reports, and their own scope must cover the team's: otherwise a report assigned
 * to the team could be invisible to them.
 */
export async function addTeamMember(ctx: Ctx, id: string, userId: string): Promise<Team> {
  const team = await loadTeam(ctx, id);
  const user = await identityRepo.findUserById(ctx.db, userId);
  if (!user || user.disabledAt) throw new AppError("NOT_FOUND", "staff member not found");
  if (!(await mayJoin(ctx.db, user, await teamDistricts(ctx.db, team)))) {
    throw new AppError("VALIDATION_FAILED", "This person cannot handle the team's reports", [
      { path: "userId", message: "a responder or data manager whose scope covers the team's" },
    ]);
  }
  return withTransaction(ctx, async (tx) => {
    if (await repo.addMember(tx, id, userId)) {
      await audit(ctx, tx, { action: "team.add_member", entity: "team", entityId: id, details: { userId } });
    }
    return (await present(tx, [team]))[0]!;
  });
}

export async function removeTeamMember(ctx: Ctx, id: string, userId: string): Promise<Team> {
  const team = await loadTeam(ctx, id);
  return withTransaction(ctx, async (tx) => {
    if (!(await repo.removeMember(tx, id, userId))) throw new AppError("NOT_FOUND", "not a member of this team");
    await audit(ctx, tx, { action: "team.remove_member", entity: "team", entityId: id, details: { userId } });
    return (await present(tx, [team]))[0]!;
  });
}
