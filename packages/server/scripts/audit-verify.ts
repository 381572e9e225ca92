// npm run audit:verify — recomputes the audit log's hash chain and exits non-zero if any row was edited, inserted,
// reordered or deleted. Uses the same DATABASE_URL / DATA_DIR as the server (stop the server first on the embedded
// database, which allows one process at a time).
import { verifyAuditChain } from "../src/audit/audit.repo.js";
import { ConfigError, loadConfig } from "../src/config/config.js";
import { openDatabase } from "../src/db/database.js";

async function run(): Promise<number> {
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : config.dataDir,
    poolSize: 2,
  });
  try {
    const result = await verifyAuditChain(database.db);
    if (result.ok) {
      process.stdout.write(`audit log intact: ${result.checked} events, head #${result.headSeq} ${result.headHash}\n`);
      process.stdout.write("Record the head hash outside this server: a later run proves nothing before it changed.\n");
      return 0;
    }
    process.stdout.write(`AUDIT LOG TAMPERED: ${result.problems.length} problem(s) in ${result.checked} events\n`);
    for (const p of result.problems.slice(0, 50)) process.stdout.write(`  #${p.seq}: ${p.problem}\n`);
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
