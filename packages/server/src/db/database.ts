import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { type SQL, sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT, PgTransaction, PgTransactionConfig } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { migrationsDir } from "../paths.js";
import { lockDataDir, makePrivate } from "./data-dir-lock.js";
import { type ListenerLog, PgListener } from "./pg-listener.js";
import { openReadReplica } from "./read-replica.js";
import * as schema from "./schema.js";

export type Schema = typeof schema;
/**
 * The driver-neutral Drizzle handle. A transaction (`Tx`) is a subtype, so a verb that takes `Db` accepts either; a
 * verb that must run inside the caller's transaction (several writes that commit together) takes `Tx`.
 */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** An open transaction on a `Db` (see `withTransaction`). One connection: its statements run one after another. */
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type DatabaseKind = "pglite" | "postgres";

export interface Database {
  kind: DatabaseKind;
  db: Db;
  /** Raw rows of a query built with drizzle's `sql` tag. */
  rows<T extends Record<string, unknown>>(query: SQL): Promise<T[]>;
  /**
   * Subscribes to a NOTIFY channel; returns the unsubscribe function. `onResubscribed` runs after a lost connection
   * was re-established (PostgreSQL only): notifications sent in the gap are gone.
   */
  listen(
    channel: string,
    onPayload: (payload: string) => void,
    onResubscribed?: () => void,
  ): Promise<() => Promise<void>>;
  /** Runs SQL text that may hold several statements (used by the job queue adapter and tests). */
  exec(text: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  /**
   * Runs one statement that takes a single jsonb parameter as `$1`, planned once per connection under `name` (for
   * hot statements whose planning costs more than their execution; see reports/report-intake.ts).
   */
  execPrepared(name: string, text: string, json: string): Promise<{ rows: Record<string, unknown>[] }>;
  /** A streaming read replica for stale-tolerant reads (`DATABASE_REPLICA_URL`; see read-replica.ts). */
  replica?: import("./read-replica.js").ReadReplica;
  /** Connections of the pool (PostgreSQL; the embedded database has one, always held). For `/metrics`. */
  poolStats?(): { total: number; idle: number; waiting: number };
  close(): Promise<void>;
}

const migrationsFolder = migrationsDir;
/** Any fixed number: all processes that migrate one PostgreSQL database queue on this advisory lock. */
const MIGRATION_LOCK_ID = 727_001;

export interface OpenOptions {
  /** postgres:// URL; when absent the embedded database is used. */
  databaseUrl?: string;
  /** Directory for the embedded database; `undefined` means in memory (tests). */
  dataDir?: string;
  poolSize?: number;
  /** Told what start-up changed on its own, e.g. a stale DATA_DIR lock taken over. */
  notice?: (message: string) => void;
  /**
   * The embedded database's data directory itself, used as is: no lock file and no `pglite` subfolder, unlike
   * `dataDir` (test templates and their copies, testing/test-templates.ts).
   */
  pgliteDir?: string;
  /** Where connection losses and recoveries are reported (PostgreSQL). */
  log?: ListenerLog;
  /** postgres:// URL of a streaming replica of `databaseUrl` (read-replica.ts). */
  replicaUrl?: string;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  const database = opts.databaseUrl
    ? await openPostgres(opts.databaseUrl, opts.poolSize ?? 10, opts.log)
    : await openPglite(opts.dataDir, opts.notice, opts.pgliteDir);
  if (opts.replicaUrl) {
    const replica = openReadReplica(opts.replicaUrl, opts.poolSize ?? 10);
    const closePrimary = database.close;
    Object.assign(database, {
      replica,
      close: async () => {
        await replica.close().catch(() => {});
        await closePrimary();
      },
    });
  }
  return database;
}

async function openPglite(
  dataDir: string | undefined,
  notice?: (message: string) => void,
  pgliteDir?: string,
): Promise<Database> {
  const release = dataDir ? lockDataDir(dataDir, notice) : () => {};
  let client: PGlite;
  try {
    // No directory: in memory. Otherwise the host's file system (PGlite's NODEFS), as DATA_DIR is.
    const dir = dataDir ? path.join(dataDir, "pglite") : pgliteDir;
    client = await PGlite.create(dir ? { dataDir: dir } : {});
    if (dataDir) makePrivate(path.join(dataDir, "pglite"));
  } catch (err) {
    release();
    throw err;
  }
  const db = drizzlePglite({ client, schema });
  const prepared = new Set<string>();
  await migratePglite(db as never, { migrationsFolder });
  return {
    kind: "pglite",
    db,
    rows: (q) => queryRows(db, q),
    listen: async (channel, onPayload) => {
      // One process, no connection to lose: `onResubscribed` never fires.
      const unsubscribe = await client.listen(channel, onPayload);
      return async () => unsubscribe();
    },
    execPrepared: async (name, text, json) => {
      // PGlite binds no parameters to EXECUTE, so the one jsonb argument goes in as a quoted literal.
      if (!prepared.has(name)) {
        await client.query(`PREPARE ${name}(jsonb) AS ${text}`);
        prepared.add(name);
      }
      return client.query<Record<string, unknown>>(`EXECUTE ${name}(${quoteLiteral(json)})`);
    },
    exec: async (text, params) => {
      if (params?.length) return client.query<Record<string, unknown>>(text, params);
      const results = await client.exec(text);
      return { rows: (results.at(-1)?.rows ?? []) as Record<string, unknown>[] };
    },
    close: async () => {
      try {
        await client.close();
      } finally {
        release();
      }
    },
  };
}

/** How long a request waits for a new connection before it is answered 503 (the database is away). */
const CONNECT_TIMEOUT_MS = 5_000;

async function openPostgres(url: string, poolSize: number, log?: ListenerLog): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    keepAlive: true,
  });
  // A connection can die at any time (terminated backend, restart, failover). Without a listener its 'error' event
  // would end the process: idle clients are covered by the pool's 'error', checked-out ones (transactions) by their
  // own. The query in flight still rejects with its error, and the pool drops the dead client on release.
  pool.on("error", (err) => log?.warn({ err: err.message }, "idle database connection lost"));
  pool.on("connect", (client) => {
    client.on("error", () => {});
  });
  const db = drizzlePg({ client: pool, schema });
  await migrateWithLock(pool);
  const listener = new PgListener({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS }, log);
  return {
    kind: "postgres",
    db,
    rows: (q) => queryRows(db, q),
    listen: (channel, onPayload, onResubscribed) => listener.listen(channel, { onPayload, onResubscribed }),
    execPrepared: async (name, text, json) => pool.query({ name, text, values: [json] }),
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    exec: async (text, params) => {
      const result = await pool.query(text, params);
      const last = Array.isArray(result) ? result.at(-1) : result;
      return { rows: (last?.rows ?? []) as Record<string, unknown>[] };
    },
    close: async () => {
      await listener.close();
      await pool.end();
    },
  };
}

/** A SQL string literal (standard_conforming_strings is on, so only quotes need doubling). */
function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

async function migrateWithLock(pool: pg.Pool): Promise<void> {
  const conn = await pool.connect();
  try {
    await conn.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
    await migratePg(drizzlePg({ client: conn }), { migrationsFolder });
  } finally {
    await conn.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_ID]).catch(() => {});
    conn.release();
  }
}

/** Raw rows of a query built with drizzle's `sql` tag, on any handle (both drivers answer `{ rows }`). */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/**
 * Runs `fn` in a transaction on `on` (a handle, or anything carrying one such as a service `Ctx`): committed when `fn`
 * resolves, rolled back when it throws. On a handle that is itself a transaction, this is a savepoint inside it.
 * `config` sets e.g. the isolation level (default: the database's, read committed).
 */
export async function withTransaction<T>(
  on: Db | { db: Db },
  fn: (tx: Tx) => Promise<T>,
  config?: PgTransactionConfig,
): Promise<T> {
  const db = "transaction" in on ? on : on.db;
  return db.transaction(fn, config);
}

/** Runs `fn` while holding a transaction-scoped advisory lock (serialises one-off work such as seeding). */
export async function withAdvisoryLock<T>(db: Db, lockId: number, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return withTransaction(db, async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${lockId})`);
    return fn(tx);
  });
}
