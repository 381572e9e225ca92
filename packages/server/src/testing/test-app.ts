import crypto from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { DestinationStream } from "pino";
import { buildApp } from "../app.js";
import { type Config, loadConfig } from "../config/config.js";
import { FieldCipher } from "../crypto/field-cipher.js";
import type { Database } from "../db/database.js";
import type { DemoAccount } from "../demo/demo-accounts.js";
import { bootstrap } from "../platform/bootstrap.js";
import { createLogger } from "../platform/logger.js";
import { createTestDatabase } from "./test-database.js";

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  cipher: FieldCipher;
  /** One staff account per role (demo mode), with password and TOTP secret, for signing in from tests. */
  demoAccounts: DemoAccount[];
  close(): Promise<void>;
}

/** A fully wired app on its own database, for `app.inject` tests. Demo geography is loaded unless `demo: false`. */
export async function createTestApp(
  opts: { demo?: boolean; env?: Record<string, string>; logTo?: DestinationStream } = {},
): Promise<TestApp> {
  const config = loadConfig({
    NODE_ENV: "test",
    CLM_DEMO: opts.demo === false ? "0" : "1",
    LOG_LEVEL: "silent",
    ...opts.env,
  });
  const database = await createTestDatabase();
  const cipher = new FieldCipher(crypto.randomBytes(32));
  const { demoAccounts = [] } = await bootstrap(database, config, { cipher });
  // `logTo`: the production logger at info level, its lines written there (tests of what logs hold).
  const logger = opts.logTo
    ? createLogger({ logLevel: "info", nodeEnv: "test" }, opts.logTo)
    : process.env.TEST_LOG === "1";
  const app = await buildApp({ config, database, cipher, logger });
  await app.ready();
  return {
    app,
    database,
    config,
    cipher,
    demoAccounts,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
