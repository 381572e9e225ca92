import type { Database } from "../db/database.js";
import { createSeededDatabase } from "./test-templates.js";

/**
 * A migrated, empty database of its own for one test file: in-memory PGlite by default, or a throw-away database on
 * the PostgreSQL server named by DATABASE_URL (dropped on close), so suites never share data. Copied from the run's
 * template when scripts/test.sh built one (see test-templates.ts).
 */
export async function createTestDatabase(): Promise<Database> {
  return (await createSeededDatabase("migrated")).database;
}
