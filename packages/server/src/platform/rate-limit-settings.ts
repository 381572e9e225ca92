import type { Db } from "../db/database.js";
import { derivedSetting } from "./platform.repo.js";

/** A leaky bucket: `burst` requests at once, then `perHour` on average. */
export interface Bucket {
  burst: number;
  perHour: number;
}

/** The limits of anonymous routes, per client address and (intake) per device. */
export interface RouteLimits {
  intakePerAddress: Bucket;
  intakePerDevice: Bucket;
  trackPerAddress: Bucket;
  trackWritePerAddress: Bucket;
  /** Ratings of facilities: past this a request is refused (429). */
  ratingPerAddress: Bucket;
  /**
   * Ratings of facilities past this burst from one address are not refused but held for a data manager
   * (ratings/ratings.service.ts): a clinic's shared connection may be real people, a script is not.
   */
  ratingHoldPerAddress: Bucket;
  registerPerAddress: Bucket;
  publicIndicatorsPerAddress: Bucket;
  /** The audit log's integrity check reads the whole chain: per staff account, not per address. */
  auditVerifyPerAccount: Bucket;
  /** Forum posts, comments and group messages, per community account: against flooding (issue 18). */
  forumPostPerAccount: Bucket;
  /** Forum reactions, reports and follows, per community account. */
  forumActionPerAccount: Bucket;
}

/**
 * Sign-in throttling (identity/throttle.ts). Failures are remembered in buckets that forget `forgetPerHour` failures
 * an hour, so an attack's escalation persists for hours instead of restarting every few minutes. Past `free`
 * failures, each further failure locks its key for `baseDelaySeconds`, doubling per failure, at most
 * `maxDelaySeconds`.
 */
export interface SignInThrottle {
  /** One account from one address: locks that pair only. */
  pair: { free: number; forgetPerHour: number };
  /** Every account from one address (password spraying): generous, a clinic shares one address. */
  address: { free: number; forgetPerHour: number };
  /**
   * One account from everywhere: never refuses, it only slows each attempt (at most `maxSlowMs`) and alerts the
   * owner and administrators at `alertAt` failures and at each doubling.
   */
  account: { free: number; forgetPerHour: number; maxSlowMs: number; alertAt: number };
  baseDelaySeconds: number;
  maxDelaySeconds: number;
}

export interface LimitSettings {
  routes: RouteLimits;
  signIn: SignInThrottle;
}

/**
 * Defaults. A clinic behind one NAT address raises `routes.intakePerAddress` in the `security.limits` setting; one
 * phone cannot use up its clinic's share because of the lower per-device bucket.
 */
export const DEFAULT_LIMITS: LimitSettings = {
  routes: {
    intakePerAddress: { burst: 60, perHour: 240 },
    intakePerDevice: { burst: 10, perHour: 30 },
    trackPerAddress: { burst: 60, perHour: 3600 },
    trackWritePerAddress: { burst: 20, perHour: 1200 },
    ratingPerAddress: { burst: 60, perHour: 600 },
    ratingHoldPerAddress: { burst: 5, perHour: 20 },
    registerPerAddress: { burst: 10, perHour: 60 },
    publicIndicatorsPerAddress: { burst: 120, perHour: 7200 },
    auditVerifyPerAccount: { burst: 10, perHour: 60 },
    // Discourse's defaults for new users allow a reply every 30 s and 10 in the first day (round2-facts 3.1); a chat
    // needs short bursts, so a burst of 10 then 60 an hour.
    forumPostPerAccount: { burst: 10, perHour: 60 },
    forumActionPerAccount: { burst: 60, perHour: 600 },
  },
  signIn: {
    pair: { free: 5, forgetPerHour: 1 },
    address: { free: 100, forgetPerHour: 20 },
    account: { free: 10, forgetPerHour: 2, maxSlowMs: 2000, alertAt: 10 },
    baseDelaySeconds: 60,
    maxDelaySeconds: 3600,
  },
};

export const LIMITS_SETTING = "security.limits";

/** A stored setting holds only what differs from the defaults; nested objects are merged key by key. */
type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

function merge<T>(base: T, over: DeepPartial<T> | undefined): T {
  if (!over || typeof over !== "object") return base;
  const out = { ...base } as Record<string, unknown>;
  for (const [k, v] of Object.entries(over)) {
    const b = (base as Record<string, unknown>)[k];
    if (b && typeof b === "object") out[k] = merge(b, v as DeepPartial<typeof b>);
    else if (typeof v === typeof b) out[k] = v;
  }
  return out as T;
}

const withDefaults = (stored: unknown) => merge(DEFAULT_LIMITS, stored as DeepPartial<LimitSettings> | undefined);

/** The limits in force: read on hot routes, so worked out once per loaded copy of the settings (platform.repo.ts). */
export function limitSettings(db: Db): Promise<LimitSettings> {
  return derivedSetting(db, LIMITS_SETTING, withDefaults);
}
