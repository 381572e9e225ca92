import crypto from "node:crypto";
import type { Database } from "../db/database.js";
import { GroupCommit } from "../db/group-commit.js";
import { AppError } from "./app-error.js";
import { addToBuckets, type BucketHit, type BucketRow } from "./rate-limit.repo.js";
import type { Bucket } from "./rate-limit-settings.js";

/**
 * One rate limiter for the whole platform, in PostgreSQL (table `rate_limits`), so a limit holds across processes
 * and restarts. A key is a leaky bucket: each request adds one, the level drains at a steady rate, and a request that
 * finds the level above the bucket's burst is refused with 429 and `Retry-After`. Refused requests count too, so a
 * client that hammers waits longer, but never longer than one drain of the bucket (the level is capped).
 */

/** Keys are hashed so the table never holds an address, device id or account name in clear. */
export function limitKey(kind: string, value: string): string {
  return `${kind}:${crypto.createHash("sha256").update(value).digest("base64url").slice(0, 32)}`;
}

/**
 * The address a limit applies to: an IPv6 client controls its whole /64, so that is one address; IPv4 mapped into
 * IPv6 is the IPv4 address.
 */
export function clientAddress(ip: string | undefined): string {
  if (!ip) return "unknown";
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (v4?.[1]) return v4[1];
  if (!ip.includes(":")) return ip;
  const [head = "", tail = ""] = ip.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = ip.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

export interface LimitHit {
  key: string;
  bucket: Bucket;
}

export type LimitAnswer = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const perSecond = (b: Bucket) => b.perHour / 3600;

/** How long until a bucket at `level` (after a refused request) takes one more request. */
function waitSeconds(level: number, bucket: Bucket): number {
  return Math.max(1, Math.ceil((level + 1 - bucket.burst) / perSecond(bucket)));
}

interface Job {
  hits: LimitHit[];
  at: string;
}

const limiters = new WeakMap<Database, GroupCommit<Job, LimitAnswer>>();

/**
 * Counts one request against every bucket it falls in, and answers whether it may go on. Concurrent requests share
 * one statement (db/group-commit.ts): a burst costs one small upsert and one commit, not one per request.
 */
export function hitLimits(database: Database, hits: LimitHit[], now = new Date()): Promise<LimitAnswer> {
  let limiter = limiters.get(database);
  if (!limiter) {
    limiter = new GroupCommit((jobs) => writeHits(database, jobs), {
      maxBatch: 256,
      maxInFlight: database.kind === "postgres" ? 2 : 1,
    });
    limiters.set(database, limiter);
  }
  return limiter.submit({ hits, at: now.toISOString() });
}

/** Throws 429 RATE_LIMITED (with the seconds to wait) unless the request fits every bucket. */
export async function enforceLimits(database: Database, hits: LimitHit[], now = new Date()): Promise<void> {
  const answer = await hitLimits(database, hits, now);
  if (!answer.allowed) throw rateLimited(answer.retryAfterSeconds, "Too many requests. Wait and try again.");
}

export function rateLimited(retryAfterSeconds: number, message: string): AppError {
  return new AppError("RATE_LIMITED", message, { retryAfterSeconds });
}

/**
 * Sums the drops per key over the batch (a key appears once in the statement), then gives each request the level
 * its own drop produced, in arrival order: the first `burst` requests of a burst pass, the rest are refused.
 */
async function writeHits(database: Database, jobs: Job[]): Promise<LimitAnswer[]> {
  const byKey = new Map<string, BucketHit>();
  for (const job of jobs) {
    for (const { key, bucket } of job.hits) {
      const hit = byKey.get(key);
      if (hit) hit.n += 1;
      else byKey.set(key, { key, n: 1, leakPerSecond: perSecond(bucket), maxLevel: 2 * bucket.burst, at: job.at });
    }
  }
  const levels = await addToBuckets(database, [...byKey.values()]);
  const seen = new Map<string, number>();
  return jobs.map((job) => {
    let wait = 0;
    for (const { key, bucket } of job.hits) {
      const order = (seen.get(key) ?? 0) + 1;
      seen.set(key, order);
      const level = (levels.get(key) ?? 0) - (byKey.get(key)?.n ?? 0) + order;
      if (level > bucket.burst + 1e-9) wait = Math.max(wait, waitSeconds(level, bucket));
    }
    return wait > 0 ? { allowed: false, retryAfterSeconds: wait } : { allowed: true };
  });
}

/** A bucket's level now, after draining since its last hit. */
export function drainedLevel(row: BucketRow | undefined, now: Date): number {
  if (!row) return 0;
  const elapsed = Math.max(0, (now.getTime() - row.updatedAt.getTime()) / 1000);
  return Math.max(0, Math.min(row.level, row.maxLevel) - elapsed * row.leakPerSecond);
}
