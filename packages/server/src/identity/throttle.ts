import crypto from "node:crypto";
import type { Db } from "../db/database.js";
import { AppError } from "../platform/app-error.js";
import * as repo from "./identity.repo.js";

const WINDOW_MS = 15 * 60_000;

/** How many failures a key may have in the window before each further failure locks it, progressively longer. */
const limits = { account: 5, address: 20, mfa: 5 } as const;
export type ThrottleKind = keyof typeof limits;

/** Keys are hashed so the table never holds an email or address in clear. */
export function throttleKey(kind: ThrottleKind, value: string): string {
  return `${kind}:${crypto.createHash("sha256").update(value.toLowerCase()).digest("base64url").slice(0, 32)}`;
}

/** Refuses with 429 while any key is locked. The answer is the same for existing and unknown accounts. */
export async function assertNotLocked(db: Db, keys: string[], now: Date): Promise<void> {
  for (const key of keys) {
    const row = await repo.getThrottle(db, key);
    if (row?.lockedUntil && row.lockedUntil > now) {
      const retryAfter = Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 1000);
      throw new AppError("RATE_LIMITED", "Too many attempts. Wait and try again.", { retryAfterSeconds: retryAfter });
    }
  }
}

/** Records a failure; past the limit the key is locked for 1, 2, 4 … minutes, at most an hour. */
export async function recordFailure(db: Db, kind: ThrottleKind, key: string, now: Date): Promise<void> {
  const failures = await repo.addFailure(db, key, now, WINDOW_MS);
  const over = failures - limits[kind];
  if (over >= 0) await repo.lockKey(db, key, new Date(now.getTime() + Math.min(60, 2 ** over) * 60_000));
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await repo.clearThrottle(db, key);
}
