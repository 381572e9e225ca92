import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/database.js";
import { communityAccounts, communitySessions } from "./community.schema.js";

export type CommunityAccountRow = typeof communityAccounts.$inferSelect;

/** Inserts unless a live account has this nickname (any case): then nothing, and undefined comes back. */
export async function insertAccount(db: Db, nickname: string, secretHash: string, at: Date) {
  const [row] = await db
    .insert(communityAccounts)
    .values({ nickname, secretHash, createdAt: at })
    .onConflictDoNothing()
    .returning();
  return row;
}

export async function findLiveAccountByNickname(db: Db, nickname: string) {
  const [row] = await db
    .select()
    .from(communityAccounts)
    .where(and(sql`lower(${communityAccounts.nickname}) = lower(${nickname})`, isNull(communityAccounts.deletedAt)));
  return row;
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
    .set({ nickname: `deleted-${id}`, secretHash: "", deletedAt: at })
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
