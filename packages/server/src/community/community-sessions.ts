import crypto from "node:crypto";
import type { Db } from "../db/database.js";
import { hashToken } from "../identity/sessions.js";
import * as repo from "./community.repo.js";

/** Separate from the staff cookie: a community session never carries any staff permission. */
export const COMMUNITY_COOKIE = "clm_community";
/** Community members sign in rarely and on their own phones; the quick-exit button signs out at once. */
export const COMMUNITY_SESSION_MS = 30 * 24 * 3_600_000;
/** Sessions unused this long end, even before their lifetime is over. */
const IDLE_MS = 7 * 24 * 3_600_000;
const TOUCH_EVERY_MS = 3_600_000;

export function communityCookieOptions(secure: boolean) {
  return { path: "/", httpOnly: true, sameSite: "strict" as const, secure, maxAge: COMMUNITY_SESSION_MS / 1000 };
}

export async function createCommunitySession(db: Db, accountId: string, now: Date): Promise<string> {
  const token = crypto.randomBytes(32).toString("base64url");
  await repo.insertSession(db, {
    tokenHash: hashToken(token),
    accountId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + COMMUNITY_SESSION_MS),
  });
  return token;
}

/** The account of a live session, or undefined (an expired or orphaned session is removed). */
export async function lookupCommunitySession(db: Db, token: string, now: Date) {
  const tokenHash = hashToken(token);
  const row = await repo.sessionWithAccount(db, tokenHash);
  if (!row) return undefined;
  const expired =
    row.session.expiresAt <= now ||
    now.getTime() - row.session.lastSeenAt.getTime() > IDLE_MS ||
    row.account.deletedAt !== null;
  if (expired) {
    await repo.deleteSession(db, tokenHash);
    return undefined;
  }
  if (now.getTime() - row.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await repo.touchSession(db, tokenHash, now);
  return { accountId: row.account.id, tokenHash };
}
