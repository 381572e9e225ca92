import PgBoss from "pg-boss";
import type { z } from "zod";
import type { Database } from "../db/database.js";
import { type Ctx, type Services, systemCtx } from "./context.js";
import { safeErrorLog } from "./safe-error-log.js";

/**
 * A background job as data (CONVENTIONS.md 7): a stable id (the pg-boss queue name), the payload's schema, an
 * idempotent handler that receives a system Ctx like any service verb, and optionally a cron line.
 */
export interface JobDefinition<P = unknown> {
  id: string;
  payload: z.ZodType<P>;
  /** Five-field cron, in UTC; pg-boss fires it on one process at a time. */
  cron?: string;
  /** A run that throws is tried again up to `limit` times, `delaySeconds` later and doubling (pg-boss backoff). */
  retry?: { limit: number; delaySeconds: number };
  handler(ctx: Ctx, payload: P): Promise<void>;
}

export function defineJob<P>(def: JobDefinition<P>): JobDefinition<P> {
  return def;
}

/**
 * Jobs waiting (`created`, `retry`) and running (`active`) per queue, for `/metrics`; empty before pg-boss first
 * started on this database (its schema does not exist yet).
 */
export async function jobQueueDepths(
  database: Pick<Database, "exec">,
): Promise<Array<{ queue: string; state: string; count: number }>> {
  const exists = await database.exec("SELECT to_regclass('pgboss.job') IS NOT NULL AS ok");
  if (exists.rows[0]?.ok !== true) return [];
  const { rows } = await database.exec(
    "SELECT name, state::text AS state, count(*)::int AS n FROM pgboss.job WHERE state IN ('created', 'retry', 'active') GROUP BY 1, 2",
  );
  return rows.map((r) => ({ queue: String(r.name), state: String(r.state), count: Number(r.n) }));
}

function retryOptions(job: Pick<JobDefinition<never>, "retry">): PgBoss.RetryOptions {
  return job.retry ? { retryLimit: job.retry.limit, retryDelay: job.retry.delaySeconds, retryBackoff: true } : {};
}

export interface JobRunnerOptions {
  /** How often idle workers look for work (pg-boss polls; it has no push). */
  pollingIntervalSeconds?: number;
}

/**
 * Runs job definitions on pg-boss 10, on the platform's own database: through pg-boss's `db` adapter (our
 * `Database.exec`), so the same code serves the embedded database (PGlite) and PostgreSQL, and pg-boss never opens
 * connections of its own. `stop()` clears every timer pg-boss holds, so tests and SIGTERM end cleanly.
 */
export class JobRunner {
  private readonly boss: PgBoss;
  private started = false;

  constructor(
    private readonly services: Services,
    private readonly jobs: JobDefinition<never>[],
    private readonly opts: JobRunnerOptions = {},
  ) {
    const database = services.database;
    this.boss = new PgBoss({
      db: { executeSql: (text: string, values?: unknown[]) => database.exec(text, values) },
      schema: "pgboss",
      // Housekeeping every few minutes is plenty for a handful of jobs, and spares the single PGlite backend.
      maintenanceIntervalSeconds: 300,
    });
    this.boss.on("error", (err: unknown) => services.log.error({ error: safeErrorLog(err) }, "job queue error"));
  }

  async start(): Promise<void> {
    await this.boss.start();
    this.started = true;
    for (const job of this.jobs) {
      await this.boss.createQueue(job.id);
      await this.boss.work(
        job.id,
        { pollingIntervalSeconds: this.opts.pollingIntervalSeconds ?? 10, batchSize: 1 },
        async ([item]) => this.run(job, item?.data, item?.id),
      );
      if (job.cron) await this.boss.schedule(job.id, job.cron, {}, { tz: "UTC", ...retryOptions(job) });
      else await this.boss.unschedule(job.id);
    }
  }

  private async run(job: JobDefinition<never>, data: unknown, jobId = "job") {
    const ctx = systemCtx(this.services, `${job.id}:${jobId}`, `job:${job.id}`);
    const payload = job.payload.parse(data ?? {}) as never;
    try {
      await job.handler(ctx, payload);
    } catch (err) {
      ctx.log.error({ error: safeErrorLog(err), job: job.id }, "job failed");
      throw err; // pg-boss records the failure and retries by the queue's policy
    }
  }

  /** Queues one run now (outside its schedule), e.g. from a CLI or a test. */
  async send<P>(job: JobDefinition<P>, payload: P): Promise<string | null> {
    return this.boss.send(job.id, job.payload.parse(payload) as object, retryOptions(job));
  }

  async schedules(): Promise<{ name: string; cron: string }[]> {
    return this.boss.getSchedules();
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.boss.stop({ graceful: true, timeout: 10_000 });
  }
}
