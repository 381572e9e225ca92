import type { FastifyInstance } from "fastify";
import { buildApp } from "./app.js";
import { auditCheckpointJob } from "./audit/audit.checkpoint.js";
import { bootstrap } from "./bootstrap.js";
import { loadConfig } from "./config/config.js";
import { loadFieldCipher } from "./crypto/field-cipher.js";
import { rotateEncryptionKey } from "./crypto/key-rotation.js";
import { secureDataDir } from "./db/data-dir-lock.js";
import { openDatabase } from "./db/database.js";
import { allJobs } from "./jobs.js";
import { systemCtx } from "./platform/context.js";
import { JobRunner } from "./platform/job-runner.js";
import { createLogger } from "./platform/logger.js";
import { StartupError } from "./platform/startup-error.js";
import { reindexSearchTokens } from "./reports/reindex-search.js";

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config);
  const notice = (message: string) => log.warn(message);
  // Before anything is written: DATA_DIR private, and every file this process creates 0600.
  secureDataDir(config.dataDir, notice);
  const cipher = loadFieldCipher(config, notice);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : config.dataDir,
    poolSize: config.poolSize,
    notice,
    log,
    replicaUrl: config.replicaUrl,
  });
  // Refuses a key other than the database's (KeyMismatchError) before seeding anything; the lock goes with it.
  const { demoSeeded, trackingCodesProtected, keyCheck } = await bootstrap(database, config, {
    cipher,
    dataDir: config.dataDir,
  }).catch(async (err: unknown) => {
    await database.close();
    throw err;
  });
  if (demoSeeded) log.info({ accountsFile: `${config.dataDir}/demo-accounts.json` }, "demo country loaded");
  if (keyCheck === "retire-previous") {
    log.warn(
      "the key rotation is finished: CLM_ENCRYPTION_PREVIOUS_KEYS (or _FILE) is no longer needed; remove it and " +
        "retire the old key (docs/key-rotation.md)",
    );
  }
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
    // Live streams end first (a preClose hook), then in-flight requests finish, jobs stop, and the database closes
    // (which releases the lock file). Each step runs even if one before it failed.
    const force = setTimeout(() => fail("shutdown took too long; exiting"), 15_000);
    force.unref();
    let failed = false;
    for (const [step, run] of [
      ["http", () => app.close()],
      ["jobs", () => jobs.stop()],
      ["database", () => database.close()],
    ] as const) {
      try {
        await run();
      } catch (err) {
        failed = true;
        log.error({ err, step }, "shutdown step failed");
      }
    }
    process.exit(failed ? 1 : 0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));

  await app.listen({ port: config.port, host: config.host });
  log.info(
    { database: database.kind, demo: config.demo, dataDir: config.dataDir, keyFingerprint: cipher.fingerprint },
    "OpenCLM ready",
  );
  // During a key rotation every process re-encrypts in the background, a short batch at a time; reads meanwhile
  // open either key's ciphertext. `npm run keys:rotate` does the same in the foreground and reports progress.
  if (keyCheck === "rotating") {
    rotateEncryptionKey(systemCtx(app.services, "key-rotation")).then(
      (r) =>
        log.info(
          r,
          r.finished || r.idle
            ? "key rotation finished: remove the previous keys and retire the old key (docs/key-rotation.md)"
            : "key rotation not finished; `npm run keys:rotate` carries it on",
        ),
      (err: unknown) => log.error({ err }, "key rotation failed; `npm run keys:rotate` resumes it"),
    );
  }
  // Reports stored before text search existed get their tokens in the background, a batch at a time.
  reindexSearchTokens(systemCtx(app.services, "search-reindex")).then(
    (r) => r.reports + r.unreadable > 0 && log.info(r, "reports indexed for text search"),
    (err: unknown) => log.error({ err }, "indexing reports for text search failed"),
  );
}

main().catch((err) => {
  // Bad configuration, key or lock: the operator needs the message, not a stack trace.
  if (err instanceof StartupError) fail(err.message);
  process.stderr.write(`OpenCLM failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
