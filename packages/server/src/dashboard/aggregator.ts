import { EventEmitter } from "node:events";
import { sql } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import { type Database, type Db, queryRows, type Tx, withTransaction } from "../db/database.js";
import { isSerializationFailure } from "../db/db-errors.js";
import { safeErrorLog } from "../platform/safe-error-log.js";
import { LIVE_REPORTS_SQL } from "../reports/training.js";
import {
  allCellRowsSql,
  CELL_COUNTERS,
  CELL_KEY,
  CELL_KEY_SUMS,
  DURATION_KEY,
  durationRowsSql,
  KEY_SPACE,
  REPORT_AS_STATE,
  STATE_COLUMNS,
} from "./contributions.sql.js";

/** Any fixed number: one aggregator at a time per database, across processes. */
const AGGREGATOR_LOCK_ID = 727_101;
const BATCH = 5_000;
/**
 * A change is aggregated about a second after it is announced: soon enough for "within seconds", late enough that a
 * burst of intake is folded into one run instead of one per report (each run has a fixed cost).
 */
const NUDGE_DELAY_MS = 1_000;

/** `a mod KEY_SPACE` in 0…KEY_SPACE-1 (SQL's % keeps the sign of a negative sum). */
const modKey = (a: string) => `((${a}) % ${KEY_SPACE} + ${KEY_SPACE}) % ${KEY_SPACE}`;

/**
 * Adds cell rows (columns CELL_KEY + CELL_COUNTERS + CELL_KEY_SUMS, signed) to a cube table. Key sums are compared
 * too: one report leaving a cell while another joins it nets the counters to zero but not the keys.
 */
const cellUpsert = (table: string, rows: string) => `
  INSERT INTO ${table} (${CELL_KEY.join(", ")}, ${CELL_COUNTERS.join(", ")}, ${CELL_KEY_SUMS.join(", ")})
  SELECT ${CELL_KEY.join(", ")}, ${CELL_COUNTERS.map((c) => `sum(${c})::int`).join(", ")},
    ${CELL_KEY_SUMS.map((k) => `${modKey(`sum(${k})`)}::int`).join(", ")}
  FROM (${rows}) c
  GROUP BY ${CELL_KEY.join(", ")}
  HAVING ${[...CELL_COUNTERS, ...CELL_KEY_SUMS].map((c) => `sum(${c}) <> 0`).join(" OR ")}
  ON CONFLICT (${CELL_KEY.join(", ")}) DO UPDATE SET
    ${CELL_COUNTERS.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(", ")},
    ${CELL_KEY_SUMS.map((k) => `${k} = ${modKey(`${table}.${k} + excluded.${k}`)}`).join(", ")}`;

/** Cell rows moved to their calendar quarter (`month` = the quarter's first day), for the quarterly roll-up. */
const byQuarter = (rows: string) =>
  `SELECT ${CELL_KEY.map((c) => (c === "month" ? "date_trunc('quarter', r.month)::date AS month" : c)).join(
    ", ",
  )}, ${[...CELL_COUNTERS, ...CELL_KEY_SUMS].join(", ")} FROM (${rows}) r`;

/** Adds the cell rows of a source of signed report states to the monthly cells and their quarterly roll-up. */
const cellUpserts = (source: string) => [
  cellUpsert("indicator_cells", allCellRowsSql(source)),
  cellUpsert("indicator_cells_quarterly", byQuarter(allCellRowsSql(source))),
];

const durationUpsert = (source: string) => `
  INSERT INTO indicator_durations (${DURATION_KEY.join(", ")}, n)
  SELECT ${DURATION_KEY.join(", ")}, sum(n)::int FROM (${durationRowsSql(source)}) d
  GROUP BY ${DURATION_KEY.join(", ")}
  HAVING sum(n) <> 0
  ON CONFLICT (${DURATION_KEY.join(", ")}) DO UPDATE SET n = indicator_durations.n + excluded.n`;

/**
 * Applies one batch of changed reports to the aggregates: subtracts what each report contributed last time (its
 * stored state), adds what it contributes now, and stores the new state — all in one repeatable-read transaction, so
 * every statement sees the same reports, and changes committed meanwhile wait in `indicator_dirty` for the next
 * batch. Returns how many dirty marks were consumed (0 when another process holds the aggregator lock).
 */
export async function applyDirtyBatch(db: Db, batch = BATCH): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await applyDirtyBatchOnce(db, batch);
    } catch (err) {
      // The transaction's snapshot is taken by its first statement, the lock's: another process can commit a batch
      // between the two and release the lock, and this one then meets that batch's cells (40001). Nothing was
      // written; run again on a fresh snapshot, which sees that batch done (a dashboard read waited for this).
      if (!isSerializationFailure(err) || attempt >= SERIALIZATION_ATTEMPTS) throw err;
    }
  }
}

const SERIALIZATION_ATTEMPTS = 3;

async function applyDirtyBatchOnce(db: Db, batch: number): Promise<number> {
  return withTransaction(
    db,
    async (tx) => {
      const run = (text: string) => tx.execute(sql.raw(text));
      const [locked] = await queryRows<{ ok: boolean }>(
        tx,
        sql`SELECT pg_try_advisory_xact_lock(${AGGREGATOR_LOCK_ID}) AS ok`,
      );
      if (!locked?.ok) return 0;
      const [head] = await queryRows<{ max: string | null; n: string }>(
        tx,
        sql`SELECT max(seq)::text AS max, count(*)::text AS n FROM (SELECT seq FROM indicator_dirty ORDER BY seq LIMIT ${batch}) b`,
      );
      if (head?.max) {
        const max = BigInt(head.max).toString(); // numeric, safe to inline
        const ids = `SELECT DISTINCT report_id FROM indicator_dirty WHERE seq <= ${max}`;
        const cols = STATE_COLUMNS.join(", ");
        const source = `(SELECT ${cols}, -1 AS sign FROM indicator_report_state WHERE report_id IN (${ids})
          UNION ALL SELECT ${REPORT_AS_STATE}, 1 AS sign FROM ${LIVE_REPORTS_SQL} r WHERE r.id IN (${ids}))`;
        for (const upsert of cellUpserts(source)) await run(upsert);
        await run(durationUpsert(source));
        await run(`DELETE FROM indicator_report_state WHERE report_id IN (${ids})`);
        await run(`INSERT INTO indicator_report_state (${cols}) SELECT ${REPORT_AS_STATE} FROM ${LIVE_REPORTS_SQL} r
          WHERE r.id IN (${ids})`);
        await run(`DELETE FROM indicator_dirty WHERE seq <= ${max}`);
      }
      await markSynced(tx);
      return Number(head?.n ?? 0);
    },
    { isolationLevel: "repeatable read" },
  );
}

async function markSynced(tx: Tx): Promise<void> {
  await tx.execute(sql`INSERT INTO indicator_sync (id, synced_at) VALUES (1, now())
    ON CONFLICT (id) DO UPDATE SET synced_at = excluded.synced_at`);
}

/** Applies every pending change (used before answering a query, by the worker, and by tests). */
export async function catchUp(db: Db): Promise<void> {
  for (;;) {
    const n = await applyDirtyBatch(db);
    if (n < BATCH) return;
  }
}

/** When the aggregates last caught up (ISO), or null before the first run. */
export async function syncedAt(db: Db): Promise<string | null> {
  const rows = await queryRows<{ at: Date | string }>(db, sql`SELECT synced_at AS at FROM indicator_sync WHERE id = 1`);
  const at = rows[0]?.at;
  return at ? new Date(at).toISOString() : null;
}

/**
 * How far the aggregates trail the reports (`/metrics`): changes waiting, and seconds since the last catch-up while
 * any wait (0 when none does: an idle platform is not late).
 */
export async function aggregatorBacklog(db: Db): Promise<{ pending: number; lagSeconds: number }> {
  const [row] = await queryRows<{ pending: number; lag: number | null }>(
    db,
    sql`SELECT (SELECT count(*)::int FROM indicator_dirty) AS pending,
               (SELECT extract(epoch FROM now() - synced_at)::float8 FROM indicator_sync WHERE id = 1) AS lag`,
  );
  const pending = row?.pending ?? 0;
  return { pending, lagSeconds: pending > 0 ? Math.max(0, row?.lag ?? 0) : 0 };
}

/**
 * Recomputes every aggregate from the reports in one pass (bulk loads and repair): far faster than replaying a
 * million dirty marks, and the result is identical by construction (same contribution SQL).
 */
export async function rebuildAggregates(db: Db): Promise<void> {
  await withTransaction(db, async (tx) => {
    const run = (text: string) => tx.execute(sql.raw(text));
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${AGGREGATOR_LOCK_ID})`);
    await run(
      "TRUNCATE indicator_cells, indicator_cells_quarterly, indicator_durations, indicator_report_state, indicator_dirty",
    );
    const source = `(SELECT ${REPORT_AS_STATE}, 1 AS sign FROM ${LIVE_REPORTS_SQL} r)`;
    await run(cellUpsert("indicator_cells", allCellRowsSql(source)));
    // The quarters are summed from the monthly cells: a third of the work of recounting every report again.
    const cells = `SELECT ${[...CELL_KEY, ...CELL_COUNTERS, ...CELL_KEY_SUMS].join(", ")} FROM indicator_cells`;
    await run(cellUpsert("indicator_cells_quarterly", byQuarter(cells)));
    await run(durationUpsert(source));
    await run(
      `INSERT INTO indicator_report_state (${STATE_COLUMNS.join(", ")}) SELECT ${REPORT_AS_STATE} FROM ${LIVE_REPORTS_SQL} r`,
    );
    await markSynced(tx);
  });
}

/**
 * Emits "ran" each time a background run of this process's aggregator ends (whatever it found to do), so that a test
 * can wait for the aggregator instead of polling the queue on a clock.
 */
export const aggregatorEvents = new EventEmitter();

export interface Aggregator {
  /** Ask for a run soon (a change was just committed). */
  nudge(): void;
  stop(): Promise<void>;
}

/**
 * Keeps the aggregates within seconds of the reports: runs every `intervalMs`, and shortly after any report change
 * announced on the `report_changes` channel (from this or another process).
 */
export async function startAggregator(
  database: Database,
  log: FastifyBaseLogger,
  intervalMs = 5_000,
): Promise<Aggregator> {
  let running: Promise<void> | null = null;
  let soon: NodeJS.Timeout | null = null;
  let stopped = false;
  const run = () => {
    if (stopped || running) return;
    running = catchUp(database.db)
      .catch((err) => log.error({ error: safeErrorLog(err) }, "dashboard aggregation failed"))
      .finally(() => {
        running = null;
        aggregatorEvents.emit("ran");
      });
  };
  const nudge = () => {
    if (stopped || soon) return;
    soon = setTimeout(() => {
      soon = null;
      run();
    }, NUDGE_DELAY_MS);
    soon.unref();
  };
  const timer = setInterval(run, intervalMs);
  timer.unref();
  const unlisten = await database.listen("report_changes", nudge);
  return {
    nudge,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      if (soon) clearTimeout(soon);
      await unlisten();
      await running;
    },
  };
}
