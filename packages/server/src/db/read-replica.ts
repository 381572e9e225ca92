import { sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import pg from "pg";
import type { Database, Db } from "./database.js";
import { queryRows } from "./database.js";
import * as schema from "./schema.js";

/**
 * A streaming read replica of the primary (docs/deploy.md): the dashboard and exports read there, so a year's export
 * or a burst of dashboard queries does not slow intake. Never written to; migrations run on the primary only.
 */
export interface ReadReplica {
  db: Db;
  /** How far the replica trails the primary, in seconds (0 when caught up; Infinity when it cannot tell). */
  lagSeconds(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Caught up = everything received is replayed and the link to the primary is streaming; otherwise the age of the
 * last replayed transaction (which overstates the lag of an idle primary: the safe side). Not a replica (no
 * recovery) counts as caught up.
 */
const LAG_SQL = sql`SELECT CASE
  WHEN NOT pg_is_in_recovery() THEN 0
  WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn()
       AND EXISTS (SELECT 1 FROM pg_stat_wal_receiver WHERE status = 'streaming') THEN 0
  ELSE coalesce(extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8, 'Infinity'::float8)
END AS lag`;

export function openReadReplica(url: string, poolSize: number): ReadReplica {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 2_000, keepAlive: true });
  pool.on("error", () => {}); // a lost replica connection only sends reads back to the primary
  pool.on("connect", (client) => {
    client.on("error", () => {});
  });
  const db = drizzlePg({ client: pool, schema });
  return {
    db,
    lagSeconds: async () => {
      const [row] = await queryRows<{ lag: number | string }>(db, LAG_SQL);
      return Number(row?.lag ?? Number.POSITIVE_INFINITY);
    },
    close: () => pool.end(),
  };
}

/** How often one process asks the replica how far behind it is (each read would otherwise pay one more query). */
const CHECK_MS = 2_000;
const checks = new WeakMap<ReadReplica, { at: number; usable: Promise<boolean> }>();

/**
 * The handle for reads that may be a little stale (aggregates, exports): the replica while it trails the primary by
 * at most `maxLagSeconds`, else the primary. A replica that does not answer sends reads to the primary too.
 */
async function readerDb(database: Database, maxLagSeconds: number): Promise<Db> {
  const replica = database.replica;
  if (!replica) return database.db;
  let check = checks.get(replica);
  if (!check || Date.now() - check.at > CHECK_MS) {
    const usable = replica.lagSeconds().then(
      (lag) => lag <= maxLagSeconds,
      () => false,
    );
    check = { at: Date.now(), usable };
    checks.set(replica, check);
  }
  return (await check.usable) ? replica.db : database.db;
}

/**
 * Runs a read on `readerDb`'s choice. If the replica fails during the read (restarted, its connections cut, the
 * replication link being rebuilt: the lag check is up to CHECK_MS old), the same read runs again on the primary and
 * the replica is left alone until the next check, so the person sees their figures, not an error. A read that fails
 * on the primary fails as usual.
 */
export async function withReader<T>(
  database: Database,
  maxLagSeconds: number,
  read: (db: Db) => Promise<T>,
  onReplicaError: (err: unknown) => void = () => {},
): Promise<T> {
  const db = await readerDb(database, maxLagSeconds);
  const replica = database.replica;
  if (!replica || db !== replica.db) return read(db);
  try {
    return await read(db);
  } catch (err) {
    onReplicaError(err);
    checks.set(replica, { at: Date.now(), usable: Promise.resolve(false) });
    return read(database.db);
  }
}
