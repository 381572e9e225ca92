// npm run audit:verify — recomputes the audit log's hash chain, checks every signed checkpoint (audit.checkpoint.ts)
// and exits non-zero if any row was edited, inserted, reordered or deleted, even with the chain recomputed after the
// edit. Uses the same DATABASE_URL / DATA_DIR and encryption key as the server (stop the server first on the
// embedded database, which allows one process at a time).
import fs from "node:fs";
import path from "node:path";
import { verifyAuditWithCheckpoints } from "../src/audit/audit.checkpoint.js";
import { ConfigError, loadConfig } from "../src/config/config.js";
import { loadFieldCipher } from "../src/crypto/field-cipher.js";
import { loadIndexKeys } from "../src/crypto/key-fingerprint.js";
import { openDatabase } from "../src/db/database.js";

async function run(): Promise<number> {
  const config = loadConfig();
  // Never make a key here: a new key would only make every checkpoint look forged.
  if (
    !config.encryptionKey &&
    !config.encryptionKeyFile &&
    !fs.existsSync(path.join(config.dataDir, "encryption.key"))
  ) {
    process.stderr.write(
      "No encryption key (CLM_ENCRYPTION_KEY or DATA_DIR/encryption.key): checkpoints cannot be checked\n",
    );
    return 2;
  }
  const cipher = loadFieldCipher(config);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : config.dataDir,
    poolSize: 2,
  });
  try {
    // Checkpoints are signed with the database's audit subkey, which a key rotation keeps.
    await loadIndexKeys(database.db, cipher);
    const result = await verifyAuditWithCheckpoints(database.db, cipher);
    const out = (line: string) => process.stdout.write(`${line}\n`);
    if (result.ok) {
      out(`audit log intact: ${result.checked} events, head #${result.headSeq} ${result.headHash}`);
      out(
        result.latest
          ? `${result.checkpoints} signed checkpoint(s) match; latest #${result.latest.seq} ${result.latest.hash} at ${result.latest.at.toISOString()}`
          : "no signed checkpoint yet (the server signs one at start-up and every 15 minutes)",
      );
      out("Record the head hash outside this server: a later run then also proves no checkpoint was deleted.");
      return 0;
    }
    out(`AUDIT LOG TAMPERED: ${result.problems.length} problem(s) in ${result.checked} events`);
    for (const p of result.problems.slice(0, 50)) out(`  #${p.seq}: ${p.problem}`);
    out(`head #${result.headSeq} ${result.headHash}`);
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
