// npm run search:reindex [-- --all] — gives reports their text-search tokens (ADR 0011), decrypting descriptions
// with the server's key in batches. Without --all only reports that have none yet (the server also does this at
// start-up); --all recomputes every report, after the normalisation in search-words.ts changed. Uses the same
// DATABASE_URL / DATA_DIR / CLM_ENCRYPTION_KEY as the server (stop the server first on the embedded database, which
// allows one process at a time).
import { ConfigError, loadConfig } from "../src/config/config.js";
import { loadFieldCipher } from "../src/crypto/field-cipher.js";
import { checkKeyFingerprint } from "../src/crypto/key-fingerprint.js";
import { secureDataDir } from "../src/db/data-dir-lock.js";
import { openDatabase } from "../src/db/database.js";
import { systemCtx } from "../src/platform/context.js";
import { createLogger } from "../src/platform/logger.js";
import { reindexSearchTokens } from "../src/reports/reindex-search.js";

async function run(): Promise<number> {
  const config = loadConfig();
  const log = createLogger(config);
  secureDataDir(config.dataDir, (m) => log.warn(m));
  const cipher = loadFieldCipher(config, (m) => log.warn(m));
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : config.dataDir,
    poolSize: 2,
  });
  try {
    await checkKeyFingerprint(database.db, cipher);
    const ctx = systemCtx({ config, database, log, cipher }, "search-reindex");
    const result = await reindexSearchTokens(ctx, { all: process.argv.includes("--all") });
    process.stdout.write(`indexed ${result.reports} report(s) for text search\n`);
    if (result.unreadable === 0) return 0;
    process.stdout.write(`${result.unreadable} description(s) did not decrypt with this key (ids in the log)\n`);
    return 1;
  } finally {
    await database.close();
  }
}

run().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(
      `${err instanceof ConfigError ? err.message : err instanceof Error ? err.message : String(err)}\n`,
    );
    process.exit(2);
  },
);
