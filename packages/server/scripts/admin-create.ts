// npm run admin:create -- --email <email> — the first run of a production installation: creates a system
// administrator with a generated one-time password and prints it once, as the last line of stdout, as JSON
// { "email", "password" }. At first sign-in the account enrols a second factor and chooses its own password.
// Uses the same DATABASE_URL / DATA_DIR and encryption key as the server and migrates the database if needed. On
// the embedded database, stop the server first (it allows one process): this command says so if it is running.
import crypto from "node:crypto";
import { parseArgs } from "node:util";
import pino from "pino";
import { z } from "zod";
import { ConfigError, loadConfig } from "../src/config/config.js";
import { FieldCipher, loadMasterKey } from "../src/crypto/field-cipher.js";
import { checkKeyFingerprint } from "../src/crypto/key-fingerprint.js";
import { secureDataDir } from "../src/db/data-dir-lock.js";
import { openDatabase } from "../src/db/database.js";
import { createFirstAdmin } from "../src/identity/first-admin.js";
import { AppError } from "../src/platform/app-error.js";
import { systemCtx } from "../src/platform/context.js";
import { createLogger } from "../src/platform/logger.js";
import { StartupError } from "../src/platform/startup-error.js";

const USAGE = "usage: npm run admin:create -- --email <email> [--name <display name>]";

async function run(): Promise<number> {
  const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } }, strict: true });
  const email = z.email().max(254).safeParse(values.email?.trim().toLowerCase());
  if (!email.success) {
    process.stderr.write(
      `${values.email ? `not an email address: ${values.email}` : "--email is missing"}\n${USAGE}\n`,
    );
    return 2;
  }
  const config = loadConfig();
  // Logs go to stderr: stdout carries only the result, its last line the JSON a script reads.
  const log = createLogger(
    { ...config, logLevel: config.logLevel === "info" ? "warn" : config.logLevel },
    pino.destination(2),
  );
  secureDataDir(config.dataDir, (m) => log.warn(m));
  const cipher = new FieldCipher(loadMasterKey(config, (m) => log.warn(m)));
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : config.dataDir,
    poolSize: 2,
    notice: (m) => log.warn(m),
  });
  try {
    await checkKeyFingerprint(database.db, cipher);
    const ctx = systemCtx({ config, database, log, cipher }, crypto.randomUUID(), "admin:create");
    const created = await createFirstAdmin(ctx, { email: email.data, displayName: values.name ?? "" });
    process.stdout.write(
      `Created the system administrator ${created.email}. Sign in at /setup with this one-time password: you will ` +
        "set up an authenticator app and choose your own password. It is shown only now.\n",
    );
    process.stdout.write(`${JSON.stringify({ email: created.email, password: created.password })}\n`);
    return 0;
  } catch (err) {
    if (err instanceof AppError && err.code === "EMAIL_TAKEN") {
      process.stderr.write(
        `An account with the email ${email.data} exists already; nothing was changed. To let its owner in again, a ` +
          "system administrator resets its password or second factor in Set-up.\n",
      );
      return 1;
    }
    throw err;
  } finally {
    await database.close();
  }
}

run().then(
  (code) => process.exit(code),
  (err) => {
    const message =
      err instanceof ConfigError || err instanceof StartupError
        ? err.message
        : err instanceof Error
          ? (err.stack ?? err.message)
          : String(err);
    const advice =
      err instanceof StartupError && /in use by another OpenCLM process/.test(message)
        ? "\nStop the server, run admin:create, then start the server again."
        : "";
    process.stderr.write(`admin:create failed: ${message}${advice}\n`);
    process.exit(1);
  },
);
