import assert from "node:assert/strict";
import { test } from "node:test";
import { GroupCommit } from "./group-commit.js";

test("jobs arriving while a write is in flight share the next write, and a bad job fails alone", async () => {
  const writes: string[][] = [];
  // The first write stays in flight until the other jobs have arrived (no timer: an event the test controls).
  let releaseFirst!: () => void;
  const firstInFlight = new Promise<void>((resolve) => {
    releaseFirst = resolve;
  });
  const commit = new GroupCommit<string, string>(
    async (jobs) => {
      writes.push(jobs);
      if (writes.length === 1) await firstInFlight;
      if (jobs.includes("bad")) throw new Error("refused");
      return jobs.map((j) => j.toUpperCase());
    },
    { maxBatch: 50, maxInFlight: 1 },
  );
  const first = commit.submit("a");
  await new Promise((resolve) => setImmediate(resolve));
  const rest = ["b", "bad", "c"].map((j) => commit.submit(j).catch((err: Error) => err.message));
  releaseFirst();
  assert.deepEqual(await Promise.all([first, ...rest]), ["A", "B", "refused", "C"]);
  assert.deepEqual(writes, [["a"], ["b", "bad", "c"], ["b"], ["bad"], ["c"]]);
});
