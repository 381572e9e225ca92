import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import type { DemoAccount } from "./demo/demo-accounts.js";
import { openEventStream } from "./testing/event-stream.js";
import { spawnServer, stopServer } from "./testing/spawn-server.js";
import { signInOverHttp } from "./testing/staff-session.js";
import { demoDataDir } from "./testing/test-templates.js";

// test-database: embedded only (the PostgreSQL pass of scripts/test.sh skips this file)
// Issue 22 item 22: SIGTERM with an open live stream ends the stream, exits 0 and releases the data directory.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "openclm-main-attack-"));
after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

test("SIGTERM with an open live stream: the stream ends, the process exits 0 and the lock file is gone", async () => {
  const server = await spawnServer(demoDataDir(dataDir));
  const base = `http://127.0.0.1:${server.port}`;
  const accounts: DemoAccount[] = JSON.parse(fs.readFileSync(path.join(dataDir, "demo-accounts.json"), "utf8"));
  const manager = accounts.find((a) => a.role === "data_manager");
  assert.ok(manager);
  const stream = await openEventStream(`${base}/api/inbox/events`, await signInOverHttp(base, manager));
  assert.equal(stream.status, 200);
  await stream.waitFor(/retry: 3000/);

  const exitCode = await stopServer(server);
  assert.equal(exitCode, 0, server.output());
  await stream.ended;
  assert.equal(fs.existsSync(path.join(dataDir, "openclm.lock")), false, "the lock is released");
  assert.doesNotMatch(server.output(), /shutdown took too long/);
});
