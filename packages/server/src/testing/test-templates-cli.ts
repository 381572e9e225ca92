import { buildTestTemplates, dropTestTemplates } from "./test-templates.js";

/**
 * `build <dir>`: the run's template databases (PGlite, and PostgreSQL when DATABASE_URL is set) into `dir`;
 * `drop <dir>`: removes them again. Called by scripts/test.sh around the suites.
 */
const [verb, dir] = process.argv.slice(2);
if (!dir || (verb !== "build" && verb !== "drop")) {
  console.error("usage: test-templates-cli.ts build|drop <dir>");
  process.exit(2);
}
await (verb === "build" ? buildTestTemplates(dir) : dropTestTemplates(dir));
