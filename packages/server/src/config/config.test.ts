import assert from "node:assert/strict";
import { test } from "node:test";
import { ConfigError, loadConfig } from "./config.js";

test("defaults follow the run-time contract", () => {
  const c = loadConfig({});
  assert.equal(c.port, 3000);
  assert.equal(c.host, "127.0.0.1");
  assert.equal(c.demo, true);
  assert.equal(c.databaseUrl, undefined);
  assert.ok(c.dataDir.endsWith("data"));
});

test("every bad value is listed at once", () => {
  assert.throws(
    () => loadConfig({ PORT: "abc", DATABASE_URL: "mysql://x", CLM_DEMO: "maybe" }),
    (err: unknown) => {
      assert.ok(err instanceof ConfigError);
      assert.equal(err.problems.length, 3);
      assert.match(err.message, /PORT/);
      assert.match(err.message, /DATABASE_URL/);
      assert.match(err.message, /CLM_DEMO/);
      return true;
    },
  );
});

test("demo mode refuses production, and is off by default there", () => {
  const key = "a".repeat(43) + "=";
  assert.throws(
    () => loadConfig({ NODE_ENV: "production", CLM_DEMO: "1", CLM_ENCRYPTION_KEY: key }),
    /demo mode refuses/,
  );
  assert.equal(loadConfig({ NODE_ENV: "production", CLM_ENCRYPTION_KEY: key }).demo, false);
  assert.equal(loadConfig({ CLM_DEMO: "0" }).demo, false);
});
