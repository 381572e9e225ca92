import { inArray, sql } from "drizzle-orm";
import type { Database, Db } from "../db/database.js";
import { rateLimits } from "./platform.schema.js";

/** One increment of a bucket: `n` drops into `key`, which drains `leakPerSecond` and holds at most `maxLevel`. */
export interface BucketHit {
  key: string;
  n: number;
  leakPerSecond: number;
  maxLevel: number;
  /** ISO time of the hit (the process clock, so tests can move it). */
  at: string;
}

/**
 * Adds every hit in ONE statement (atomic per key, so concurrent processes never lose a count) and answers each
 * key's level after its hits. The level drains since the row's last hit, is capped at `max_level`, then the new
 * drops are added: `level - n` is exactly the level the first of them found. Keys must be distinct.
 */
export async function addToBuckets(database: Database, hits: BucketHit[]): Promise<Map<string, number>> {
  if (hits.length === 0) return new Map();
  const { rows } = await database.execPrepared("rate_limit_hit", HIT_SQL, JSON.stringify(hits));
  return new Map(rows.map((r) => [String(r.key), Number(r.level)]));
}

const HIT_SQL = `
INSERT INTO rate_limits AS r (key, level, leak_per_second, max_level, updated_at)
SELECT x.key, x.n, x."leakPerSecond", x."maxLevel", x.at
FROM jsonb_to_recordset($1::jsonb) AS x(key text, n float8, "leakPerSecond" float8, "maxLevel" float8, at timestamptz)
ON CONFLICT (key) DO UPDATE SET
  level = LEAST(GREATEST(r.level - GREATEST(extract(epoch FROM excluded.updated_at - r.updated_at), 0)
    * excluded.leak_per_second, 0), excluded.max_level) + excluded.level,
  leak_per_second = excluded.leak_per_second,
  max_level = excluded.max_level,
  updated_at = GREATEST(r.updated_at, excluded.updated_at)
RETURNING r.key, r.level`;

export type BucketRow = typeof rateLimits.$inferSelect;

export async function readBuckets(db: Db, keys: string[]): Promise<BucketRow[]> {
  if (keys.length === 0) return [];
  return db.select().from(rateLimits).where(inArray(rateLimits.key, keys));
}

export async function deleteBuckets(db: Db, keys: string[]): Promise<void> {
  if (keys.length > 0) await db.delete(rateLimits).where(inArray(rateLimits.key, keys));
}

/** Forgets buckets that have drained empty; answers how many. */
export async function deleteDrainedBuckets(db: Db, now: Date): Promise<number> {
  const deleted = await db
    .delete(rateLimits)
    .where(
      sql`${rateLimits.updatedAt} + make_interval(secs => ${rateLimits.level} / ${rateLimits.leakPerSecond}) < ${now.toISOString()}::timestamptz`,
    )
    .returning({ key: rateLimits.key });
  return deleted.length;
}
