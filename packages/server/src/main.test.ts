import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, test } from "node:test";

// These tests run the real entry point as an operator would; they exercise the embedded database on disk.
const mainTs = path.join(path.dirname(fileURLToPath(import.meta.url)), "main.ts");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "openclm-main-"));
after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

interface Started {
  child: ChildProcess;
  port: number;
  output: () => string;
}

function start(extraEnv: Record<string, string> = {}): Promise<Started> {
  const env = { ...process.env, DATA_DIR: dataDir, PORT: "0", LOG_LEVEL: "info", NODE_ENV: "test", ...extraEnv };
  delete (env as Record<string, string | undefined>).DATABASE_URL;
  const child = spawn(process.execPath, ["--import", "tsx", mainTs], { env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = out.match(/listening at http:\/\/127\.0\.0\.1:(\d+)/);
      if (m) resolve({ child, port: Number(m[1]), output: () => out });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => reject(Object.assign(new Error(`exited with ${code}: ${out}`), { code, out })));
  });
}

function stop(s: Started): Promise<number | null> {
  return new Promise((resolve) => {
    s.child.once("exit", (code) => resolve(code));
    s.child.kill("SIGTERM");
  });
}

async function getJson(port: number, url: string) {
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
