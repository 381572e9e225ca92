import assert from "node:assert/strict";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import pg from "pg";
import { secureDataDir } from "../db/data-dir-lock.js";
import { spawnRefusedServer, spawnServer, stopServer } from "../testing/spawn-server.js";
import { loadMasterKey } from "./master-key.js";

// Issue 22 items 4, 9 and 21, attacked through the real entry point as an operator starts it.
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "openclm-keys-"));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

const newKey = () => crypto.randomBytes(32).toString("base64");
const production = (dataDir: string) => ({ NODE_ENV: "production", DATA_DIR: dataDir, CLM_DEMO: undefined });

function keyFile(dir: string, mode: number): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "openclm.key");
  fs.writeFileSync(file, `${newKey()}\n`, { mode });
  fs.chmodSync(file, mode);
  return file;
}

// The spawned servers below run on a DATA_DIR of their own whatever the suite's database: the PostgreSQL pass of
// scripts/test.sh runs only the test that needs PostgreSQL.
const embeddedPass = { skip: process.env.DATABASE_URL ? "runs in the embedded pass" : false };

test(
  "production without a key refuses to start, names the variable and says how to make a key",
  embeddedPass,
  async () => {
    const dataDir = path.join(scratch, "no-key");
    const refused = await spawnRefusedServer(production(dataDir));
    assert.notEqual(refused.code, 0);
    assert.match(refused.out, /CLM_ENCRYPTION_KEY/);
    assert.match(refused.out, /CLM_ENCRYPTION_KEY_FILE/);
    assert.match(refused.out, /openssl rand -base64 32/);
    assert.equal(fs.existsSync(path.join(dataDir, "encryption.key")), false, "no key generated beside the data");
  },
);

test("production refuses a key file kept inside DATA_DIR", embeddedPass, async () => {
  const dataDir = path.join(scratch, "key-inside");
  const file = keyFile(path.join(dataDir, "secrets"), 0o600);
  const refused = await spawnRefusedServer({ ...production(dataDir), CLM_ENCRYPTION_KEY_FILE: file });
  assert.notEqual(refused.code, 0);
  assert.match(refused.out, /CLM_ENCRYPTION_KEY_FILE: .*inside DATA_DIR/);
});

test("a key file other users can read is refused", embeddedPass, async () => {
  const file = keyFile(path.join(scratch, "loose-key"), 0o644);
  const refused = await spawnRefusedServer({
    ...production(path.join(scratch, "loose-data")),
    CLM_ENCRYPTION_KEY_FILE: file,
  });
  assert.notEqual(refused.code, 0);
  assert.match(refused.out, /open to other users \(mode 0644\).*chmod 600/);
});

test("a key file in DATA_DIR that other users can read is refused, not quietly closed", embeddedPass, () => {
  const dataDir = path.join(scratch, "loose-generated-key");
  keyFile(dataDir, 0o604);
  fs.renameSync(path.join(dataDir, "openclm.key"), path.join(dataDir, "encryption.key"));
  const umask = process.umask();
  secureDataDir(dataDir);
  process.umask(umask); // secureDataDir tightens this process's umask; the servers spawned later set their own
  assert.throws(() => loadMasterKey({ dataDir }), /encryption\.key is open to other users \(mode 0604\)/);
  assert.equal(fs.statSync(path.join(dataDir, "encryption.key")).mode & 0o777, 0o604, "left for the operator to judge");
});

function modesUnder(dir: string): { path: string; mode: number }[] {
  const found = [{ path: dir, mode: fs.statSync(dir).mode & 0o777 }];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const p = path.join(entry.parentPath, entry.name);
    found.push({ path: p, mode: fs.lstatSync(p).mode & 0o777 });
  }
  return found;
}

test(
  "demo generates its key and says so; an existing 0777 DATA_DIR ends up private; another key is refused",
  embeddedPass,
  async () => {
    const dataDir = path.join(scratch, "demo");
    fs.mkdirSync(dataDir);
    fs.chmodSync(dataDir, 0o777);
    fs.writeFileSync(path.join(dataDir, "left-by-an-older-version.json"), "{}", { mode: 0o666 });
    fs.chmodSync(path.join(dataDir, "left-by-an-older-version.json"), 0o666);

    const server = await spawnServer({ DATA_DIR: dataDir });
    try {
      assert.match(server.output(), /generated a new encryption key in .*encryption\.key/);
      assert.match(server.output(), /in production set CLM_ENCRYPTION_KEY or CLM_ENCRYPTION_KEY_FILE/);
      const modes = modesUnder(dataDir);
      assert.ok(
        modes.some((m) => m.path.includes(`${path.sep}pglite${path.sep}`)),
        "the database's files are there",
      );
      const open = modes.filter((m) => (m.mode & 0o077) !== 0);
      assert.deepEqual(open, [], "nothing in DATA_DIR is open to group or others");
      assert.equal(fs.statSync(dataDir).mode & 0o777, 0o700);
    } finally {
      assert.equal(await stopServer(server), 0);
    }

    // The same database started again with another key: refused before it writes anything, and the lock released.
    const refused = await spawnRefusedServer({ DATA_DIR: dataDir, CLM_ENCRYPTION_KEY: newKey() });
    assert.notEqual(refused.code, 0);
    assert.match(refused.out, /encryption key does not match this database/);
    assert.doesNotMatch(refused.out, /at .*\.ts:\d+/, "a message for the operator, not a stack trace");
    assert.equal(fs.existsSync(path.join(dataDir, "openclm.lock")), false);
  },
);

test("a second process with another key on the same PostgreSQL database is refused", {
  skip: process.env.DATABASE_URL ? false : "needs DATABASE_URL",
}, async () => {
  const adminUrl = process.env.DATABASE_URL as string;
  const name = `openclm_keys_${crypto.randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const env = { DATABASE_URL: url.toString(), CLM_DEMO: "0" };
  try {
    const first = await spawnServer({ ...env, DATA_DIR: path.join(scratch, "pg-a"), CLM_ENCRYPTION_KEY: newKey() });
    try {
      const second = await spawnRefusedServer({ ...env, DATA_DIR: path.join(scratch, "pg-b") });
      assert.notEqual(second.code, 0);
      assert.match(second.out, /encryption key does not match this database/);
    } finally {
      await stopServer(first);
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
});
