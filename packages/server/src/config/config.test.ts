import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
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
  const key = `${"a".repeat(43)}=`;
  assert.throws(
    () => loadConfig({ NODE_ENV: "production", CLM_DEMO: "1", CLM_ENCRYPTION_KEY: key }),
    /demo mode refuses/,
  );
  assert.equal(loadConfig({ NODE_ENV: "production", CLM_ENCRYPTION_KEY: key }).demo, false);
  assert.equal(loadConfig({ CLM_DEMO: "0" }).demo, false);
});

test("production takes the key from outside DATA_DIR only, even through a symbolic link", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "openclm-config-"));
  try {
    const dataDir = path.join(dir, "data");
    fs.mkdirSync(path.join(dataDir, "keys"), { recursive: true });
    fs.symlinkSync(path.join(dataDir, "keys"), path.join(dir, "looks-outside"));
    const production = { NODE_ENV: "production", DATA_DIR: dataDir };
    assert.throws(
      () => loadConfig({ ...production, CLM_ENCRYPTION_KEY_FILE: path.join(dir, "looks-outside", "openclm.key") }),
      /CLM_ENCRYPTION_KEY_FILE: .* is inside DATA_DIR/,
    );
    const outside = path.join(dir, "openclm.key");
    assert.equal(loadConfig({ ...production, CLM_ENCRYPTION_KEY_FILE: outside }).encryptionKeyFile, outside);
    assert.throws(
      () => loadConfig({ ...production, CLM_ENCRYPTION_KEY_FILE: outside, CLM_ENCRYPTION_KEY: `${"a".repeat(43)}=` }),
      /not both/,
    );
    assert.throws(() => loadConfig({ CLM_ENCRYPTION_KEY: "a".repeat(64) }), /32 bytes encoded as base64/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
