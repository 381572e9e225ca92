// npm run keys:rotate — re-encrypts every personal field under a new key (docs/key-rotation.md). Run with the new key
// in CLM_ENCRYPTION_KEY (or _FILE) and the old one in CLM_ENCRYPTION_PREVIOUS_KEYS (or _FILE), the same as the
// servers, which keep serving meanwhile (on PostgreSQL; the embedded database allows one process at a time, and a
// server started with those keys does the same work in the background). Resumable: progress is kept in the
// database, so a killed run continues where it stopped. Options: --batch-size N (default 500), --max-batches N.
import { ConfigError, loadConfig } from "../src/config/config.js";
import { loadFieldCipher } from "../src/crypto/field-cipher.js";
import { checkKeyFingerprint } from "../src/crypto/key-fingerprint.js";
import { rotateEncryptionKey } from "../src/crypto/key-rotation.js";
import { secureDataDir } from "../src/db/data-dir-lock.js";
import { openDatabase } from "../src/db/database.js";
import { systemCtx } from "../src/platform/context.js";
import { createLogger } from "../src/platform/logger.js";
import { StartupError } from "../src/platform/startup-error.js";

function option(name: string): number | undefined {
  const i = process.argv.indexOf(name);
  if (i < 0) return undefined;
  const n = Number(process.argv[i + 1]);
  if (!Number.isInteger(n) || n < 1) throw new StartupError(`${name} needs a whole number above 0`);
  return n;
}

async function run(): Promise<number> {
  const config = loadConfig();
  const log = createLogger(config);
  const out = (line: string) => process.stdout.write(`${line}\n`);
  secureDataDir(config.dataDir, (m) => log.warn(m));
  const cipher = loadFieldCipher(config, (m) => log.warn(m));
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : config.dataDir,
    poolSize: 2,
  });
  try {
    const check = await checkKeyFingerprint(database.db, cipher);
    if (check !== "rotating") {
      out(`nothing to rotate: the database's key is this process's current key (fingerprint ${cipher.fingerprint})`);
      if (check === "retire-previous")
        out("the previous keys are no longer needed: remove them and retire the old key");
      else out("to rotate, start with the new key as CLM_ENCRYPTION_KEY and the old in CLM_ENCRYPTION_PREVIOUS_KEYS");
      return 0;
    }
    const ctx = systemCtx({ config, database, log, cipher }, "key-rotation");
    const r = await rotateEncryptionKey(ctx, {
      batchSize: option("--batch-size"),
      maxBatches: option("--max-batches"),
    });
    out(`re-encrypted ${r.reencrypted} field(s) in ${r.batches} batch(es) with the key ${cipher.fingerprint}`);
    if (r.finished || r.idle) {
      out("rotation finished: the new key is recorded. Remove CLM_ENCRYPTION_PREVIOUS_KEYS (or _FILE) from every");
      out("process, restart them, then destroy the old key (and the backups it protects, per your retention rules).");
      return 0;
    }
    if (r.unreadable > 0) {
      out(`${r.unreadable} field(s) decrypt with no key given (ids in the log): the rotation cannot finish; give the`);
      out("key they were written with in CLM_ENCRYPTION_PREVIOUS_KEYS, or restore those rows, and run again");
      return 1;
    }
    out("stopped before the end; run `npm run keys:rotate` again to carry on");
    return 3;
  } finally {
    await database.close();
  }
}

run().then(
  (code) => process.exit(code),
  (err) => {
    const known = err instanceof ConfigError || err instanceof StartupError;
    process.stderr.write(
      `${known || !(err instanceof Error) ? String(err.message ?? err) : (err.stack ?? err.message)}\n`,
    );
    process.exit(2);
  },
);
