import crypto from "node:crypto";
import type { Db } from "../db/database.js";
import { getSetting } from "../platform/platform.repo.js";
import * as repo from "./identity.repo.js";

export const SESSION_COOKIE = "clm_session";
/** A password-only session lives just long enough to type a code. */
export const PENDING_SESSION_MS = 10 * 60_000;
/** Only touch last_seen_at this often: one write a minute per active session, not one per request. */
const TOUCH_EVERY_MS = 60_000;

export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
}

export async function sessionPolicy(db: Db): Promise<SessionPolicy> {
  const stored = await getSetting<Partial<SessionPolicy>>(db, "security.sessions");
  return { idleMinutes: stored?.idleMinutes ?? 15, maxHours: stored?.maxHours ?? 12 };
}

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("base64url");
}

export async function createSession(
  db: Db,
  userId: string,
  stage: "password" | "full",
  now: Date,
  policy: SessionPolicy,
  userAgent?: string,
): Promise<string> {
  const token = crypto.randomBytes(32).toString("base64url");
  const lifetime = stage === "password" ? PENDING_SESSION_MS : policy.maxHours * 3_600_000;
  await repo.insertSession(db, {
    tokenHash: hashToken(token),
    userId,
    stage,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + lifetime),
    userAgent: userAgent?.slice(0, 200),
  });
  return token;
}

export type SessionLookup =
  | { status: "none" }
  | { status: "expired" }
  | { status: "ok"; session: repo.StaffSessionRow; user: repo.StaffUserRow };

/** Whether a stored session no longer admits its holder: past its lifetime, idle too long, or the account disabled. */
function sessionEnded(
  row: { session: repo.StaffSessionRow; user: repo.StaffUserRow },
  now: Date,
  policy: SessionPolicy,
) {
  const idleMs = policy.idleMinutes * 60_000;
  return (
    row.session.expiresAt <= now ||
    (row.session.stage === "full" && now.getTime() - row.session.lastSeenAt.getTime() > idleMs) ||
    row.user.disabledAt !== null
  );
}

/** Finds a live session; idle or past its lifetime means expired (and the row is removed). */
export async function lookupSession(db: Db, token: string, now: Date, policy: SessionPolicy): Promise<SessionLookup> {
  const tokenHash = hashToken(token);
  const row = await repo.sessionWithUser(db, tokenHash);
  if (!row) return { status: "none" };
  if (sessionEnded(row, now, policy)) {
    await repo.deleteSession(db, tokenHash);
    return { status: "expired" };
  }
  if (now.getTime() - row.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await repo.touchSession(db, tokenHash, now);
  return { status: "ok", ...row };
}

/**
 * Whether a fully signed-in session still stands (not signed out here or everywhere, not expired or idle, account
 * not disabled), by its hash. Reads only: a long-lived answer such as the live event stream asks this before each
 * thing it sends, and its own traffic must not keep an idle session alive.
 */
export async function sessionIsLive(db: Db, tokenHash: string, now: Date): Promise<boolean> {
  const row = await repo.sessionWithUser(db, tokenHash);
  return !!row && row.session.stage === "full" && !sessionEnded(row, now, await sessionPolicy(db));
}
