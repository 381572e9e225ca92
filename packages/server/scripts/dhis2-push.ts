// npm run dhis2:push -- --period 2026-10 [--dry-run] [--again] — sends a closed month (2026-10) or quarter (2026Q4)
// to DHIS2 as Set-up mapped it (issue 19), prints DHIS2's import summary with each conflict in plain words, and
// records the push like the web page does. Uses the server's DATABASE_URL / DATA_DIR, key, and DHIS2_BASE_URL /
// DHIS2_TOKEN when set. Exit 0: imported (1: DHIS2 refused some or all values or could not be reached; 2: usage).
import { ConfigError, loadConfig } from "../src/config/config.js";
import { loadFieldCipher } from "../src/crypto/field-cipher.js";
import { openDatabase } from "../src/db/database.js";
import { pushToDhis2 } from "../src/dhis2/dhis2-push.js";
import { AppError } from "../src/platform/app-error.js";
import { systemCtx } from "../src/platform/context.js";
import { createLogger } from "../src/platform/logger.js";

function args(argv: string[]): { period: string; dryRun: boolean; again: boolean } {
  const i = argv.indexOf("--period");
  const period = i >= 0 ? argv[i + 1] : undefined;
  if (!period)
    throw new AppError("VALIDATION_FAILED", "usage: npm run dhis2:push -- --period 2026-10 [--dry-run] [--again]");
  return { period, dryRun: argv.includes("--dry-run"), again: argv.includes("--again") };
}

async function run(): Promise<number> {
  const input = args(process.argv.slice(2));
  const config = loadConfig();
  const log = createLogger(config);
  const cipher = loadFieldCipher(config, (m) => log.warn(m));
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : config.dataDir,
    poolSize: 2,
  });
  const out = (line: string) => process.stdout.write(`${line}\n`);
  try {
    const ctx = systemCtx({ config, database, log, cipher }, "dhis2-push", "cli:dhis2-push");
    const r = await pushToDhis2(ctx, input);
    const c = r.importCount;
    out(
      `${r.dryRun ? "dry run" : "push"} of ${r.period} (DHIS2 ${r.dhis2Period}): ${r.status}, ${r.sent} value(s) sent`,
    );
    out(`imported ${c.imported}, updated ${c.updated}, ignored ${c.ignored}, deleted ${c.deleted}`);
    if (r.status !== "SUCCESS") out(r.message);
    for (const k of r.conflicts) out(`  rows ${k.indexes.join(", ") || "?"}: ${k.explanation} (DHIS2: ${k.value})`);
    out(`payload sha256 ${r.payloadHash}`);
    return r.status === "SUCCESS" ? 0 : 1;
  } finally {
    await database.close();
  }
}

run().then(
  (code) => process.exit(code),
  (err) => {
    const known = err instanceof ConfigError || err instanceof AppError;
    process.stderr.write(
      `${known || !(err instanceof Error) ? String(err.message ?? err) : (err.stack ?? err.message)}\n`,
    );
    process.exit(2);
  },
);
