import type { FastifyInstance } from "fastify";
import { buildApp } from "./app.js";
import { auditCheckpointJob } from "./audit/audit.checkpoint.js";
import { type Config, ConfigError, loadConfig } from "./config/config.js";
import { FieldCipher, loadMasterKey } from "./crypto/field-cipher.js";
import { DataDirLockedError } from "./db/data-dir-lock.js";
import { type Database, openDatabase } from "./db/database.js";
import { allJobs } from "./jobs.js";
import { bootstrap } from "./platform/bootstrap.js";
import { systemCtx } from "./platform/context.js";
import { JobRunner } from "./platform/job-runner.js";
import { createLogger } from "./platform/logger.js";
import { reindexSearchTokens } from "./reports/reindex-search.js";

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
  const log = createLogger(config);
  let database: Database;
  try {
    database = await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.databaseUrl ? undefined : config.dataDir,
      poolSize: config.poolSize,
    });
  } catch (err) {
    if (err instanceof DataDirLockedError) fail(err.message);
    throw err;
  }
  const cipher = new FieldCipher(loadMasterKey(config));
  const { demoSeeded, trackingCodesProtected } = await bootstrap(database, config, { cipher, dataDir: config.dataDir });
  if (demoSeeded) log.info({ accountsFile: `${config.dataDir}/demo-accounts.json` }, "demo country loaded");
  if (trackingCodesProtected) log.info({ reports: trackingCodesProtected }, "tracking codes moved out of clear text");

  const app: FastifyInstance = await buildApp({ config, database, cipher, logger: log });
  // Background jobs (SLA escalation …) run in every process; pg-boss makes each scheduled run happen once.
  const jobs = new JobRunner(app.services, allJobs);
  await jobs.start();
  // A checkpoint now, so rows written before this start (or before checkpoints existed) are signed without waiting.
  await jobs.send(auditCheckpointJob, {});
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, "shutting down");
    // Stop accepting requests, let in-flight ones finish, then close the database (which releases the lock file).
    const force = setTimeout(() => fail("shutdown took too long; exiting"), 15_000);
    force.unref();
    try {
      await app.close();
      await jobs.stop();
    } finally {
      await database.close();
    }
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));

  await app.listen({ port: config.port, host: config.host });
  log.info({ database: database.kind, demo: config.demo, dataDir: config.dataDir }, "OpenCLM ready");
  // Reports stored before text search existed get their tokens in the background, a batch at a time.
  reindexSearchTokens(systemCtx(app.services, "search-reindex")).then(
    (r) => r.reports + r.unreadable > 0 && log.info(r, "reports indexed for text search"),
    (err: unknown) => log.error({ err }, "indexing reports for text search failed"),
  );
}

main().catch((err) => {
  process.stderr.write(`OpenCLM failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
