import { and, eq, gt, isNull, lt, ne } from "drizzle-orm";
import type { Db } from "../db/database.js";
import { staffPasswordResets, staffSessions, staffUsers } from "./identity.schema.js";

export type StaffUserRow = typeof staffUsers.$inferSelect;
export type StaffSessionRow = typeof staffSessions.$inferSelect;

export async function findUserByEmail(db: Db, email: string) {
  const [row] = await db.select().from(staffUsers).where(eq(staffUsers.email, email.trim().toLowerCase()));
  return row;
}

export async function findUserById(db: Db, id: string) {
  const [row] = await db.select().from(staffUsers).where(eq(staffUsers.id, id));
  return row;
}

export async function listUsers(db: Db) {
  return db.select().from(staffUsers).orderBy(staffUsers.email);
}

/**
 * The active system administrators, locked for the rest of the transaction: two admins demoting each other at the
 * same moment then run one after the other, so the second sees that it would remove the last one.
 */
export async function lockActiveSystemAdmins(db: Db) {
  const rows = await db
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(and(eq(staffUsers.role, "system_admin"), isNull(staffUsers.disabledAt)))
    .for("update");
  return rows.map((r) => r.id);
}

export async function insertUser(db: Db, values: typeof staffUsers.$inferInsert) {
  const [row] = await db
    .insert(staffUsers)
    .values({ ...values, email: values.email.toLowerCase() })
    .onConflictDoNothing({ target: staffUsers.email })
    .returning();
  return row;
}

export async function updateUser(db: Db, id: string, values: Partial<typeof staffUsers.$inferInsert>) {
  const [row] = await db.update(staffUsers).set(values).where(eq(staffUsers.id, id)).returning();
  return row;
}

export async function sessionWithUser(db: Db, tokenHash: string) {
  const [row] = await db
    .select({ session: staffSessions, user: staffUsers })
    .from(staffSessions)
    .innerJoin(staffUsers, eq(staffUsers.id, staffSessions.userId))
    .where(eq(staffSessions.tokenHash, tokenHash));
  return row;
}

export async function insertSession(db: Db, values: typeof staffSessions.$inferInsert) {
  await db.insert(staffSessions).values(values);
}

export async function deleteSession(db: Db, tokenHash: string) {
  await db.delete(staffSessions).where(eq(staffSessions.tokenHash, tokenHash));
}

export async function deleteSessionsOfUser(db: Db, userId: string) {
  await db.delete(staffSessions).where(eq(staffSessions.userId, userId));
}

export async function touchSession(db: Db, tokenHash: string, at: Date) {
  await db.update(staffSessions).set({ lastSeenAt: at }).where(eq(staffSessions.tokenHash, tokenHash));
}

export async function markReauth(db: Db, tokenHash: string, at: Date) {
  await db.update(staffSessions).set({ reauthAt: at }).where(eq(staffSessions.tokenHash, tokenHash));
}

export async function deleteExpiredSessions(db: Db, now: Date) {
  await db.delete(staffSessions).where(lt(staffSessions.expiresAt, now));
}

/** Every session of the user except the one given: a password change keeps the session that made it. */
export async function deleteOtherSessionsOfUser(db: Db, userId: string, keepTokenHash: string) {
  await db
    .delete(staffSessions)
    .where(and(eq(staffSessions.userId, userId), ne(staffSessions.tokenHash, keepTokenHash)));
}

export async function insertPasswordReset(db: Db, values: typeof staffPasswordResets.$inferInsert) {
  await db.insert(staffPasswordResets).values(values);
}

/** Voids every unused reset link of the user (a new link replaces the old, a used one ends them all). */
export async function deletePasswordResetsOfUser(db: Db, userId: string) {
  await db.delete(staffPasswordResets).where(eq(staffPasswordResets.userId, userId));
}

export async function findLivePasswordReset(db: Db, tokenHash: string, now: Date) {
  const [row] = await db
    .select()
    .from(staffPasswordResets)
    .where(
      and(
        eq(staffPasswordResets.tokenHash, tokenHash),
        isNull(staffPasswordResets.usedAt),
        gt(staffPasswordResets.expiresAt, now),
      ),
    );
  return row;
}

/** Marks a live link used; only one of two concurrent uses gets a row back (single use). */
export async function usePasswordReset(db: Db, tokenHash: string, now: Date) {
  const [row] = await db
    .update(staffPasswordResets)
    .set({ usedAt: now })
    .where(
      and(
        eq(staffPasswordResets.tokenHash, tokenHash),
        isNull(staffPasswordResets.usedAt),
        gt(staffPasswordResets.expiresAt, now),
      ),
    )
    .returning();
  return row;
}
