import type { FastifyInstance } from "fastify";
import { buildApp } from "../app.js";
import { type Config, loadConfig } from "../config/config.js";
import type { Database } from "../db/database.js";
import { bootstrap } from "../platform/bootstrap.js";
import { createTestDatabase } from "./test-database.js";

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  close(): Promise<void>;
}

/** A fully wired app on its own database, for `app.inject` tests. Demo geography is loaded unless `demo: false`. */
export async function createTestApp(opts: { demo?: boolean; env?: Record<string, string> } = {}): Promise<TestApp> {
  const config = loadConfig({
    NODE_ENV: "test",
    CLM_DEMO: opts.demo === false ? "0" : "1",
    LOG_LEVEL: "silent",
    ...opts.env,
  });
  const database = await createTestDatabase();
  await bootstrap(database, config);
  const app = await buildApp({ config, database, logger: false });
  await app.ready();
  return {
    app,
    database,
    config,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
