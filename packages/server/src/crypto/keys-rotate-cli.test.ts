// test-database: embedded only (runs the real server and `npm run keys:rotate` on a DATA_DIR of their own)
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";
import {
  programArgs,
  type SpawnedServer,
  spawnRefusedServer,
  spawnServer,
  stopServer,
} from "../testing/spawn-server.js";
import { demoDataDir } from "../testing/test-templates.js";

// The operator's path (docs/key-rotation.md) through the real entry points, on the embedded database.
const script = path.join(path.dirname(fileURLToPath(import.meta.url)), "../../scripts/keys-rotate.ts");
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "openclm-rotate-"));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** Resolves once the server has printed a line matching `pattern` (now or later). */
function outputMatches(server: SpawnedServer, pattern: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!pattern.test(server.output())) return false;
      resolve();
      return true;
    };
    if (check()) return;
    const onData = () => check() && server.child.stdout?.off("data", onData);
    server.child.stdout?.on("data", onData);
    server.child.once("exit", () => check() || reject(new Error(`exited before ${pattern}: ${server.output()}`)));
  });
}

function keysRotate(env: Record<string, string>, ...args: string[]) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "test", LOG_LEVEL: "warn", ...env };
  delete childEnv.DATABASE_URL;
  const r = spawnSync(process.execPath, [...programArgs(script), ...args], { env: childEnv, encoding: "utf8" });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

test("keys:rotate stopped half way resumes; a server given both keys finishes it while serving; the new key then runs alone", async () => {
  const dataDir = path.join(scratch, "data");
  // Demoland's data under the old key: a copy of the run's template (or seeded by the first start below).
  const oldKey = demoDataDir(dataDir).CLM_ENCRYPTION_KEY;
  const newKey = crypto.randomBytes(32).toString("base64");
  const first = await spawnServer({ DATA_DIR: dataDir, CLM_ENCRYPTION_KEY: oldKey });
  assert.equal(await stopServer(first), 0);

  const rotating = { DATA_DIR: dataDir, CLM_ENCRYPTION_KEY: newKey, CLM_ENCRYPTION_PREVIOUS_KEYS: oldKey };
  const stopped = keysRotate(rotating, "--batch-size", "100", "--max-batches", "3");
  assert.equal(stopped.code, 3, stopped.out);
  assert.match(stopped.out, /re-encrypted \d+ field\(s\) in 3 batch\(es\)/);
  assert.match(stopped.out, /run `npm run keys:rotate` again/);

  // Half way, the server refuses the new key alone (the rest still needs the old one) and names what is missing.
  const refused = await spawnRefusedServer({ DATA_DIR: dataDir, CLM_ENCRYPTION_KEY: newKey });
  assert.match(refused.out, /CLM_ENCRYPTION_PREVIOUS_KEYS/);

  // Killed again: the next run carries on from the progress kept in the database.
  const more = keysRotate(rotating, "--batch-size", "100", "--max-batches", "2");
  assert.equal(more.code, 3, more.out);
  assert.match(more.out, /re-encrypted [1-9]\d* field\(s\) in 2 batch\(es\)/);

  // The server started with both keys serves at once and finishes the rotation in the background.
  const serving = await spawnServer(rotating);
  try {
    assert.equal((await fetch(`http://127.0.0.1:${serving.port}/api/health`)).status, 200);
    await outputMatches(serving, /key rotation finished/);
  } finally {
    assert.equal(await stopServer(serving), 0);
  }
  const done = keysRotate(rotating);
  assert.equal(done.code, 0, done.out);
  assert.match(done.out, /nothing to rotate/);
  assert.match(done.out, /previous keys are no longer needed/);

  const retired = await spawnServer({ DATA_DIR: dataDir, CLM_ENCRYPTION_KEY: newKey });
  try {
    const res = await fetch(`http://127.0.0.1:${retired.port}/api/health`);
    assert.equal(res.status, 200);
  } finally {
    assert.equal(await stopServer(retired), 0);
  }
  const again = keysRotate({ DATA_DIR: dataDir, CLM_ENCRYPTION_KEY: newKey });
  assert.equal(again.code, 0);
  assert.match(again.out, /nothing to rotate/);
  const old = await spawnRefusedServer({ DATA_DIR: dataDir, CLM_ENCRYPTION_KEY: oldKey });
  assert.match(old.out, /encryption key does not match this database/);
});
