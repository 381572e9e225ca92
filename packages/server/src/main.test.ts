import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";
import { programArgs, spawnServer, stopServer } from "./testing/spawn-server.js";

// test-database: embedded only (the PostgreSQL pass of scripts/test.sh skips this file)
// These tests run the real entry point as an operator would; they exercise the embedded database on disk.
const mainTs = path.join(path.dirname(fileURLToPath(import.meta.url)), "main.ts");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "openclm-main-"));
after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const start = (extraEnv: Record<string, string> = {}) => spawnServer({ DATA_DIR: dataDir, ...extraEnv });
const stop = stopServer;

// biome-ignore lint/suspicious/noExplicitAny: test reads loosely typed JSON
async function getJson(port: number, url: string): Promise<any> {
  const res = await fetch(`http://127.0.0.1:${port}${url}`);
  return res.json();
}

test("start, refuse a second process on the same DATA_DIR, stop cleanly, restart without seeding twice", async () => {
  const first = await start();
  assert.deepEqual((await getJson(first.port, "/api/health")).status, "ok");
  assert.equal((await getJson(first.port, "/api/health")).database, "pglite");
  const before = await getJson(first.port, "/api/config");
  const facilitiesBefore = (await getJson(first.port, "/api/facilities")).items.length;
  assert.match(first.output(), /demo country loaded/);
  const accounts = JSON.parse(fs.readFileSync(path.join(dataDir, "demo-accounts.json"), "utf8"));
  assert.equal(fs.statSync(path.join(dataDir, "demo-accounts.json")).mode & 0o777, 0o600);
  assert.ok(accounts.length >= 7);
  const failed = await fetch(`http://127.0.0.1:${first.port}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: accounts[0].email, password: "not-the-password-1" }),
  });
  assert.equal(failed.status, 401, "a failed sign-in, which the audit log records");

  await assert.rejects(start(), (err: { code: number; out: string }) => {
    assert.equal(err.code, 1);
    assert.match(err.out, /in use by another OpenCLM process/);
    return true;
  });

  assert.equal(await stop(first), 0);
  assert.equal(fs.existsSync(path.join(dataDir, "openclm.lock")), false, "the lock is released on SIGTERM");

  const second = await start();
  try {
    assert.doesNotMatch(second.output(), /demo country loaded/);
    const afterRestart = await getJson(second.port, "/api/config");
    assert.deepEqual(afterRestart.areas, before.areas);
    assert.equal((await getJson(second.port, "/api/facilities")).items.length, facilitiesBefore);
  } finally {
    await stop(second);
  }
});

test("a bad environment stops start-up listing every problem", async () => {
  await assert.rejects(start({ PORT: "seventy", CLM_DEMO: "perhaps" }), (err: { code: number; out: string }) => {
    assert.equal(err.code, 1);
    assert.match(err.out, /PORT/);
    assert.match(err.out, /CLM_DEMO/);
    return true;
  });
});

function runAuditVerify(): Promise<{ code: number | null; out: string }> {
  const script = path.join(path.dirname(mainTs), "../scripts/audit-verify.ts");
  const env = { ...process.env, DATA_DIR: dataDir, NODE_ENV: "test" };
  delete (env as Record<string, string | undefined>).DATABASE_URL;
  const child = spawn(process.execPath, programArgs(script), { env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr.on("data", (c: Buffer) => (out += c.toString()));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, out })));
}

test("audit:verify passes on the untouched log and fails once a row is edited", async () => {
  const clean = await runAuditVerify();
  assert.equal(clean.code, 0, clean.out);
  assert.match(clean.out, /audit log intact: \d+ events/);

  const { openDatabase } = await import("./db/database.js");
  const { sql } = await import("drizzle-orm");
  const database = await openDatabase({ dataDir });
  let edited: number | undefined;
  try {
    // The failed sign-in of the first test: a background job (escalation, checkpoints) may have written rows before
    // it, so it is found by what it is, not assumed to be row 1.
    const [failedSignIn] = await database.rows<{ seq: number }>(
      sql`SELECT seq::int AS seq FROM audit_events WHERE action = 'auth.sign_in' AND outcome = 'failure' LIMIT 1`,
    );
    edited = failedSignIn?.seq;
    assert.ok(edited, "the failed sign-in is in the audit log");
    await database.db.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete`);
    await database.db.execute(sql`UPDATE audit_events SET outcome = 'success' WHERE seq = ${edited}`);
  } finally {
    await database.close();
  }
  const tampered = await runAuditVerify();
  assert.equal(tampered.code, 1);
  assert.match(tampered.out, /AUDIT LOG TAMPERED/);
  assert.match(tampered.out, new RegExp(`#${edited}: content does not match its hash`));
});
