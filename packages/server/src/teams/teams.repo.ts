import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/database.js";
import { staffUsers } from "../identity/identity.schema.js";
import { teamMembers, teams } from "./teams.schema.js";

export type TeamRow = typeof teams.$inferSelect;

export async function listTeams(db: Db) {
  return db.select().from(teams).orderBy(asc(teams.name));
}

export async function findTeam(db: Db, id: string) {
  const [row] = await db.select().from(teams).where(eq(teams.id, id));
  return row;
}

/** Undefined when the name is taken. */
export async function insertTeam(db: Db, values: typeof teams.$inferInsert) {
  const [row] = await db.insert(teams).values(values).onConflictDoNothing({ target: teams.name }).returning();
  return row;
}

export async function renameTeam(db: Db, id: string, name: string) {
  const [row] = await db.update(teams).set({ name, updatedAt: new Date() }).where(eq(teams.id, id)).returning();
  return row;
}

export async function teamByName(db: Db, name: string) {
  const [row] = await db.select().from(teams).where(eq(teams.name, name));
  return row;
}

export async function membersOf(db: Db, teamIds: string[]) {
  if (teamIds.length === 0) return [];
  return db
    .select({
      teamId: teamMembers.teamId,
      id: staffUsers.id,
      displayName: staffUsers.displayName,
      email: staffUsers.email,
      role: staffUsers.role,
    })
    .from(teamMembers)
    .innerJoin(staffUsers, eq(staffUsers.id, teamMembers.userId))
    .where(inArray(teamMembers.teamId, teamIds))
    .orderBy(asc(staffUsers.displayName), asc(staffUsers.email));
}

/** True when the member was added now (false: already a member). */
export async function addMember(db: Db, teamId: string, userId: string): Promise<boolean> {
  const rows = await db.insert(teamMembers).values({ teamId, userId }).onConflictDoNothing().returning();
  return rows.length > 0;
}

export async function removeMember(db: Db, teamId: string, userId: string): Promise<boolean> {
  const rows = await db
    .delete(teamMembers)
    .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)))
    .returning();
  return rows.length > 0;
}

/** The teams a staff member belongs to. */
export async function teamIdsOf(db: Db, userId: string): Promise<string[]> {
  const rows = await db.select({ id: teamMembers.teamId }).from(teamMembers).where(eq(teamMembers.userId, userId));
  return rows.map((r) => r.id);
}

export async function isMember(db: Db, teamId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: teamMembers.teamId })
    .from(teamMembers)
    .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)));
  return Boolean(row);
}
