import type { FastifyInstance } from "fastify";
import type { DestinationStream } from "pino";
import { buildApp } from "../app.js";
import { type Config, loadConfig } from "../config/config.js";
import { FieldCipher } from "../crypto/field-cipher.js";
import type { Database } from "../db/database.js";
import type { DemoAccount } from "../demo/demo-accounts.js";
import type { HttpTimeouts } from "../platform/http-limits.js";
import { createLogger } from "../platform/logger.js";
import { putSetting } from "../platform/platform.repo.js";
import { LIMITS_SETTING } from "../platform/rate-limit-settings.js";
import { createSeededDatabase } from "./test-templates.js";

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  cipher: FieldCipher;
  /** The master key the database was seeded with (key rotation tests start from it). */
  key: Buffer;
  /** One staff account per role (demo mode), with password and TOTP secret, for signing in from tests. */
  demoAccounts: DemoAccount[];
  close(): Promise<void>;
}

/**
 * Tests submit many reports from one address (inject's 127.0.0.1): unless a test asks for the production limits,
 * intake is not limited. The attack tests (*.attack.test.ts) use the real defaults and settings.
 */
const UNLIMITED = { burst: 1_000_000, perHour: 1_000_000 };
const TEST_LIMITS = { routes: { intakePerAddress: UNLIMITED, intakePerDevice: UNLIMITED } };

/**
 * A fully wired app on its own database, for `app.inject` tests. Demo geography is loaded unless `demo: false`. The
 * database is a copy of the run's seeded template when there is one, with the key and accounts it was seeded with.
 */
export async function createTestApp(
  opts: {
    demo?: boolean;
    env?: Record<string, string>;
    timeouts?: Partial<HttpTimeouts>;
    productionLimits?: boolean;
    logTo?: DestinationStream;
    /** A built web app of the test's own making, served instead of packages/web/dist. */
    webDistDir?: string;
  } = {},
): Promise<TestApp> {
  const config = loadConfig({
    NODE_ENV: "test",
    CLM_DEMO: opts.demo === false ? "0" : "1",
    LOG_LEVEL: "silent",
    ...opts.env,
  });
  const { database, key, demoAccounts } = await createSeededDatabase(config.demo ? "demo" : "defaults");
  const cipher = new FieldCipher(key);
  if (!opts.productionLimits) await putSetting(database.db, LIMITS_SETTING, TEST_LIMITS);
  // `logTo`: the production logger at info level, its lines written there (tests of what logs hold).
  const logger = opts.logTo
    ? createLogger({ logLevel: "info", nodeEnv: "test" }, opts.logTo)
    : process.env.TEST_LOG === "1";
  const app = await buildApp({
    config,
    database,
    cipher,
    logger,
    timeouts: opts.timeouts,
    webDistDir: opts.webDistDir,
  });
  await app.ready();
  return {
    app,
    database,
    config,
    cipher,
    key,
    demoAccounts,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
