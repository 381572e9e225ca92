import { auditAlone } from "../audit/audit.service.js";
import type { Ctx } from "../platform/context.js";
import { addToBuckets, type BucketRow, deleteBuckets, readBuckets } from "../platform/rate-limit.repo.js";
import { limitSettings, type SignInThrottle } from "../platform/rate-limit-settings.js";
import { clientAddress, drainedLevel, limitKey, rateLimited } from "../platform/rate-limiter.js";

/**
 * Sign-in throttling for staff (password, second factor, re-authentication) and community accounts (nickname + PIN),
 * on the platform's rate-limit buckets (platform/rate-limiter.ts), so it holds across processes and restarts.
 *
 * - One account from one address (the pair): past a few failures each further failure locks the pair for a
 *   growing time (1, 2, 4 … minutes, at most an hour). A locked pair is refused with 429 before the password is
 *   checked. Only this pair is locked: the owner elsewhere is not.
 * - Every account from one address: the same, with a generous allowance (a clinic shares one address), against
 *   one address trying many accounts.
 * - One account from everywhere: never refuses (an attacker must not lock the owner out), it slows every attempt
 *   on that account and alerts the owner and the administrators.
 * Failures drain slowly (a few an hour), so an attack's escalation persists instead of restarting every 15 minutes.
 */

export type AttemptKind = "password" | "mfa";

export interface Attempt {
  kind: AttemptKind;
  /** What the person typed or is, normalised: `staff:<email>`, `community:<nickname>`, `staff-id:<uuid>`. */
  account: string;
  ip: string | undefined;
}

/** Who is told about repeated failures: the account if it exists (the audit row names it), else nobody but admins. */
export interface AttemptOwner {
  entity: "staff_user" | "community_account";
  entityId: string | null;
}

function keysOf(a: Attempt) {
  const address = clientAddress(a.ip);
  return {
    pair: limitKey(`signin-pair-${a.kind}`, `${a.account}\n${address}`),
    // Staff and community sign-in count apart: members mistyping PINs at a clinic do not slow its staff.
    address: limitKey(`signin-address-${a.kind}`, `${a.account.split(":")[0]}\n${address}`),
    account: limitKey(`signin-account-${a.kind}`, a.account),
  };
}

/** Seconds a key stays locked after its last failure: nothing within the allowance, then doubling, capped. */
export function lockSeconds(level: number, free: number, s: SignInThrottle): number {
  if (level <= free + 1e-9) return 0;
  return Math.min(s.maxDelaySeconds, s.baseDelaySeconds * 2 ** (level - free - 1));
}

/** Milliseconds every attempt on an account under attack waits: it slows guessing but never refuses the owner. */
export function slowMs(level: number, s: SignInThrottle): number {
  if (level <= s.account.free + 1e-9) return 0;
  return Math.min(s.account.maxSlowMs, 100 * 2 ** (level - s.account.free));
}

function lockedUntil(row: BucketRow | undefined, free: number, s: SignInThrottle): number {
  return row ? row.updatedAt.getTime() + lockSeconds(row.level, free, s) * 1000 : 0;
}

/**
 * Before the password or code is checked: refuses (429, `Retry-After`) while this account-and-address pair or this
 * address is locked, then waits as long as the account's own escalation asks.
 */
export async function beforeAttempt(ctx: Ctx, attempt: Attempt, now = new Date()): Promise<void> {
  const s = (await limitSettings(ctx.db)).signIn;
  const keys = keysOf(attempt);
  const rows = new Map((await readBuckets(ctx.db, Object.values(keys))).map((r) => [r.key, r]));
  const until = Math.max(
    lockedUntil(rows.get(keys.pair), s.pair.free, s),
    attempt.kind === "password" ? lockedUntil(rows.get(keys.address), s.address.free, s) : 0,
  );
  if (until > now.getTime()) {
    throw rateLimited(Math.ceil((until - now.getTime()) / 1000), "Too many attempts. Wait and try again.");
  }
  const wait = slowMs(drainedLevel(rows.get(keys.account), now), s);
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

/** Counts a failure on the pair, the address and the account; alerts when the account's failures pile up. */
export async function attemptFailed(ctx: Ctx, attempt: Attempt, owner: AttemptOwner, now = new Date()) {
  const s = (await limitSettings(ctx.db)).signIn;
  const keys = keysOf(attempt);
  const at = now.toISOString();
  const bucket = (key: string, b: { free: number; forgetPerHour: number }) => ({
    key,
    n: 1,
    leakPerSecond: b.forgetPerHour / 3600,
    // Enough to reach the longest lock and stay there for a while, bounded so it drains within days.
    maxLevel: b.free + 1 + Math.log2(s.maxDelaySeconds / s.baseDelaySeconds) + 24,
    at,
  });
  const levels = await addToBuckets(ctx.services.database, [
    bucket(keys.pair, s.pair),
    ...(attempt.kind === "password" ? [bucket(keys.address, s.address)] : []),
    { ...bucket(keys.account, s.account), maxLevel: 1_000_000 },
  ]);
  const accountLevel = levels.get(keys.account) ?? 1;
  if (crossesAlert(accountLevel, s.account.alertAt)) {
    await auditAlone(ctx, {
      action: "auth.repeated_failures",
      entity: owner.entity,
      entityId: owner.entityId,
      actorId: null,
      outcome: "failure",
      details: { factor: attempt.kind, recentFailures: Math.floor(accountLevel) },
    });
  }
}

/** True when this failure took the count past the alert threshold or one of its doublings (10, 20, 40 …). */
function crossesAlert(level: number, alertAt: number): boolean {
  const step = (l: number) => (l < alertAt ? -1 : Math.floor(Math.log2(l / alertAt)));
  return step(level) > step(level - 1);
}

/** The right password (or code) from this address: its pair starts afresh; the account's memory is kept. */
export async function attemptSucceeded(ctx: Ctx, attempt: Attempt): Promise<void> {
  await deleteBuckets(ctx.db, [keysOf(attempt).pair]);
}
