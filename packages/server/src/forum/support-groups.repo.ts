import { and, asc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import { communityAccounts } from "../community/community.schema.js";
import type { Db } from "../db/database.js";
import { areaInScopeSql } from "./forum.repo.js";
import { forumMembers, supportGroupMembers, supportGroupMessages, supportGroups } from "./forum.schema.js";

export type GroupRow = typeof supportGroups.$inferSelect;
export type MessageRow = typeof supportGroupMessages.$inferSelect;

const memberCount = sql<number>`(SELECT count(*)::int FROM ${supportGroupMembers} m WHERE m.group_id = ${supportGroups.id})`;

export async function insertGroup(db: Db, row: typeof supportGroups.$inferInsert) {
  const [inserted] = await db.insert(supportGroups).values(row).onConflictDoNothing().returning();
  return inserted;
}

/** Groups placed in the peer supporter's scope, newest first. */
export async function groupsInScope(db: Db, scopeAreaIds: string[]) {
  return db
    .select({ group: supportGroups, members: memberCount })
    .from(supportGroups)
    .where(areaInScopeSql(supportGroups.areaId, scopeAreaIds))
    .orderBy(asc(supportGroups.name));
}

export async function groupsOfMember(db: Db, accountId: string) {
  return db
    .select({ group: supportGroups, members: memberCount })
    .from(supportGroupMembers)
    .innerJoin(supportGroups, eq(supportGroups.id, supportGroupMembers.groupId))
    .where(eq(supportGroupMembers.accountId, accountId))
    .orderBy(asc(supportGroups.name));
}

export async function groupByInvite(db: Db, inviteCode: string) {
  const [row] = await db.select().from(supportGroups).where(eq(supportGroups.inviteCode, inviteCode));
  return row;
}

/** The group, if the account is a member (else undefined: 404, as for a group that does not exist). */
export async function groupOfMember(db: Db, groupId: string, accountId: string) {
  const [row] = await db
    .select({ group: supportGroups, lastReadAt: supportGroupMembers.lastReadAt })
    .from(supportGroupMembers)
    .innerJoin(supportGroups, eq(supportGroups.id, supportGroupMembers.groupId))
    .where(and(eq(supportGroupMembers.groupId, groupId), eq(supportGroupMembers.accountId, accountId)));
  return row;
}

export async function addMember(db: Db, groupId: string, accountId: string, at: Date) {
  await db.insert(supportGroupMembers).values({ groupId, accountId, joinedAt: at }).onConflictDoNothing();
}

export async function removeMember(db: Db, groupId: string, accountId: string) {
  await db
    .delete(supportGroupMembers)
    .where(and(eq(supportGroupMembers.groupId, groupId), eq(supportGroupMembers.accountId, accountId)));
}

/** Nicknames only, in the order people joined. */
export async function memberNicknames(db: Db, groupId: string) {
  return db
    .select({ nickname: communityAccounts.nickname, lastReadAt: supportGroupMembers.lastReadAt })
    .from(supportGroupMembers)
    .innerJoin(communityAccounts, eq(communityAccounts.id, supportGroupMembers.accountId))
    .where(and(eq(supportGroupMembers.groupId, groupId), isNull(communityAccounts.deletedAt)))
    .orderBy(asc(supportGroupMembers.joinedAt));
}

export async function markGroupRead(db: Db, groupId: string, accountId: string, at: Date) {
  await db
    .update(supportGroupMembers)
    .set({ lastReadAt: at })
    .where(and(eq(supportGroupMembers.groupId, groupId), eq(supportGroupMembers.accountId, accountId)));
}

export async function messageByClientId(db: Db, clientId: string) {
  const [row] = await db.select().from(supportGroupMessages).where(eq(supportGroupMessages.clientId, clientId));
  return row;
}

export async function insertMessage(db: Db, row: typeof supportGroupMessages.$inferInsert) {
  const [inserted] = await db.insert(supportGroupMessages).values(row).returning();
  return inserted!;
}

/** The last messages a member sees: published ones and their own held ones, oldest first. */
export async function recentMessages(db: Db, groupId: string, accountId: string, limit: number) {
  const rows = await db
    .select({ message: supportGroupMessages, nickname: communityAccounts.nickname })
    .from(supportGroupMessages)
    .leftJoin(communityAccounts, eq(communityAccounts.id, supportGroupMessages.accountId))
    .where(
      and(
        eq(supportGroupMessages.groupId, groupId),
        sql`(${supportGroupMessages.status} = 'published' OR (${supportGroupMessages.status} = 'held' AND ${supportGroupMessages.accountId} = ${accountId}::uuid))`,
      ),
    )
    .orderBy(sql`${supportGroupMessages.createdAt} DESC`)
    .limit(limit);
  return rows.reverse();
}

/** Erases the member's messages in the group at once (they asked): text gone, the row marks where it was. */
export async function eraseMessagesOf(db: Db, groupId: string, accountId: string, at: Date): Promise<number> {
  const rows = await db
    .update(supportGroupMessages)
    .set({ status: "deleted", body: "", removedAt: at, erasedAt: at })
    .where(
      and(
        eq(supportGroupMessages.groupId, groupId),
        eq(supportGroupMessages.accountId, accountId),
        inArray(supportGroupMessages.status, ["published", "held"]),
      ),
    )
    .returning({ id: supportGroupMessages.id });
  return rows.length;
}

/** Hidden messages past their retention period, text still there. */
export async function messagesDueForErasure(db: Db, before: Date, limit: number) {
  return db
    .select({ id: supportGroupMessages.id })
    .from(supportGroupMessages)
    .where(and(lte(supportGroupMessages.removedAt, before), isNull(supportGroupMessages.erasedAt)))
    .limit(limit);
}

export async function eraseMessages(db: Db, ids: string[], at: Date) {
  if (ids.length === 0) return;
  await db.update(supportGroupMessages).set({ body: "", erasedAt: at }).where(inArray(supportGroupMessages.id, ids));
}

/** Held messages of groups placed in the moderator's scope (personal data or a link), oldest first. */
export async function heldMessagesInScope(db: Db, scopeAreaIds: string[], limit: number) {
  return db
    .select({
      message: supportGroupMessages,
      groupName: supportGroups.name,
      nickname: communityAccounts.nickname,
      warnings: sql<number>`coalesce(${forumMembers.warnings}, 0)`,
      suspendedUntil: forumMembers.suspendedUntil,
    })
    .from(supportGroupMessages)
    .innerJoin(supportGroups, eq(supportGroups.id, supportGroupMessages.groupId))
    .leftJoin(communityAccounts, eq(communityAccounts.id, supportGroupMessages.accountId))
    .leftJoin(forumMembers, eq(forumMembers.accountId, supportGroupMessages.accountId))
    .where(and(eq(supportGroupMessages.status, "held"), areaInScopeSql(supportGroups.areaId, scopeAreaIds)))
    .orderBy(asc(supportGroupMessages.createdAt))
    .limit(limit);
}

/** One message with its group, if the group's area is in the moderator's scope (else undefined: 404). */
export async function messageInScope(db: Db, scopeAreaIds: string[], id: string) {
  const [row] = await db
    .select({ message: supportGroupMessages, group: supportGroups })
    .from(supportGroupMessages)
    .innerJoin(supportGroups, eq(supportGroups.id, supportGroupMessages.groupId))
    .where(and(eq(supportGroupMessages.id, id), areaInScopeSql(supportGroups.areaId, scopeAreaIds)));
  return row;
}

export async function updateMessage(db: Db, id: string, changes: Partial<typeof supportGroupMessages.$inferInsert>) {
  const [row] = await db.update(supportGroupMessages).set(changes).where(eq(supportGroupMessages.id, id)).returning();
  return row!;
}
