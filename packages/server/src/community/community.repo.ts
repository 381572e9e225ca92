import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "../db/database.js";
import { communityAccounts, communitySessions } from "./community.schema.js";

export type CommunityAccountRow = typeof communityAccounts.$inferSelect;

/** Inserts unless a live account has this nickname key (or name, any case): then nothing, and undefined comes back. */
export async function insertAccount(db: Db, nickname: string, nicknameKey: string, secretHash: string, at: Date) {
  const [row] = await db
    .insert(communityAccounts)
    .values({ nickname, nicknameKey, secretHash, createdAt: at })
    .onConflictDoNothing()
    .returning();
  return row;
}

export async function findLiveAccountByKey(db: Db, nicknameKey: string) {
  const [row] = await db
    .select()
    .from(communityAccounts)
    .where(and(eq(communityAccounts.nicknameKey, nicknameKey), isNull(communityAccounts.deletedAt)));
  return row;
}

/** Accounts made before nicknames had a key (migration 0019); filled in at start-up. */
export async function accountsWithoutKey(db: Db) {
  return db
    .select({ id: communityAccounts.id, nickname: communityAccounts.nickname })
    .from(communityAccounts)
    .where(and(isNull(communityAccounts.nicknameKey), isNull(communityAccounts.deletedAt)))
    .orderBy(asc(communityAccounts.createdAt));
}

export async function setNicknameKey(db: Db, id: string, nicknameKey: string) {
  await db.update(communityAccounts).set({ nicknameKey }).where(eq(communityAccounts.id, id));
}

export async function findLiveAccount(db: Db, id: string) {
  const [row] = await db
    .select()
    .from(communityAccounts)
    .where(and(eq(communityAccounts.id, id), isNull(communityAccounts.deletedAt)));
  return row;
}

/** Keeps the row (reports may point at it until anonymised) but removes everything that could identify anyone. */
export async function markDeleted(db: Db, id: string, at: Date) {
  await db
    .update(communityAccounts)
    .set({ nickname: `deleted-${id}`, nicknameKey: null, secretHash: "", deletedAt: at })
    .where(eq(communityAccounts.id, id));
}

export async function insertSession(db: Db, values: typeof communitySessions.$inferInsert) {
  await db.insert(communitySessions).values(values);
}

export async function sessionWithAccount(db: Db, tokenHash: string) {
  const [row] = await db
    .select({ session: communitySessions, account: communityAccounts })
    .from(communitySessions)
    .innerJoin(communityAccounts, eq(communityAccounts.id, communitySessions.accountId))
    .where(eq(communitySessions.tokenHash, tokenHash));
  return row;
}

export async function touchSession(db: Db, tokenHash: string, at: Date) {
  await db.update(communitySessions).set({ lastSeenAt: at }).where(eq(communitySessions.tokenHash, tokenHash));
}

export async function deleteSession(db: Db, tokenHash: string) {
  await db.delete(communitySessions).where(eq(communitySessions.tokenHash, tokenHash));
}

export async function deleteSessionsOf(db: Db, accountId: string) {
  await db.delete(communitySessions).where(eq(communitySessions.accountId, accountId));
}
