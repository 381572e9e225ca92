import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { estimateCosts, groupModule, groupTests } from "./group-tests.js";

const entry = (source: string, cost: number) => ({ source, compiled: `/build/${source}.mjs`, cost });

test("every file lands in exactly one group, and the groups end close together", () => {
  const costs = [90, 70, 65, 40, 33, 30, 21, 20, 12, 9, 8, 5, 4, 2, 1];
  const entries = costs.map((c, i) => entry(`f${i}.test.ts`, c));
  const groups = groupTests(entries, 4);
  assert.equal(groups.length, 4);
  const placed = groups.flat().map((e) => e.source);
  assert.deepEqual([...placed].sort(), entries.map((e) => e.source).sort(), "each file once");
  const totals = groups.map((g) => g.reduce((sum, e) => sum + e.cost, 0));
  assert.deepEqual(
    totals,
    [...totals].sort((a, b) => b - a),
    "costliest group first",
  );
  // Longest-first placement: no group exceeds another by more than the largest single file.
  assert.ok(Math.max(...totals) - Math.min(...totals) <= Math.max(...costs), totals.join(","));
});

test("measured seconds decide a file's cost; a file not measured yet is estimated at the pass's seconds per byte", () => {
  const files = [
    { source: "slow-server.test.ts", size: 2_000 },
    { source: "pure.test.ts", size: 18_000 },
    { source: "new.test.ts", size: 5_000 },
  ];
  const measured = { "slow-server.test.ts": 40, "pure.test.ts": 0.5, "gone.test.ts": 9 };
  // 40.5 s over 20,000 measured bytes: the new file's 5,000 bytes are estimated at about 10 s.
  assert.deepEqual(estimateCosts(files, measured), [40, 0.5, 5_000 * (40.5 / 20_000)]);
  // Nothing measured (a fresh project): sizes are the only measure.
  assert.deepEqual(estimateCosts(files), [2_000, 18_000, 5_000]);
});

test("fewer files than groups makes no empty group", () => {
  assert.equal(groupTests([entry("a.test.ts", 1)], 3).length, 1);
});

test("a group runs each file as a suite named after it, with its own hooks, names the file that failed, and ends what its files share after the last", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "openclm-group-"));
  try {
    const file = (name: string, body: string) => {
      fs.writeFileSync(path.join(dir, name), `import { after, before, test } from "node:test";\n${body}\n`);
      return { source: name, compiled: path.join(dir, name), cost: 1 };
    };
    const running = 'globalThis[Symbol.for("openclm.test-file")]';
    const a = file(
      "a.mjs",
      `let seen;\nbefore(() => { seen = ${running}; console.log("before a"); });\nafter(() => console.log("after a"));\ntest("a runs", () => { if (seen !== "a.mjs") throw new Error(seen); });\n` +
        // What a file shares with the files after it (the browser files' Chromium) ends once, after the last.
        'globalThis[Symbol.for("openclm.test-process-end")].push(() => console.log("process end"));',
    );
    const b = file(
      "b.mjs",
      `before(() => console.log("before b"));\ntest("b fails", () => { throw new Error("b broke"); });`,
    );
    fs.writeFileSync(path.join(dir, "x.group.mjs"), groupModule([a, b]));
    const run = spawnSync(process.execPath, ["--test", "--test-reporter=tap", path.join(dir, "x.group.mjs")], {
      encoding: "utf8",
      // A test runner of its own, not a subtest of this one.
      env: { ...process.env, NODE_TEST_CONTEXT: undefined },
    });
    assert.equal(run.status, 1, "a failed file fails the run");
    const out = run.stdout;
    assert.match(out, /ok 1 - a runs/);
    assert.match(out, /not ok 2 - b\.mjs/, "the failure is reported under the file's name");
    // a's `after` runs before b's `before`: each file's hooks wrap its own tests only.
    assert.ok(out.indexOf("after a") < out.indexOf("before b"), out);
    assert.equal(out.split("process end").length - 1, 1, out);
    assert.ok(out.indexOf("before b") < out.indexOf("process end"), out);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
