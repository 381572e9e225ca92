import assert from "node:assert/strict";
import { test } from "node:test";
import { randomBytes } from "./random-pool.js";

test("pooled random bytes are never handed out twice and stay as they were when the pool refills", () => {
  const first = randomBytes(12);
  const kept = Buffer.from(first);
  const seen = new Set<string>();
  // Well past several refills of the 4 KiB pool.
  for (let i = 0; i < 2_000; i++) {
    const bytes = randomBytes(12);
    assert.equal(bytes.length, 12);
    const hex = bytes.toString("hex");
    assert.ok(!seen.has(hex), "a value came out twice");
    seen.add(hex);
  }
  assert.deepEqual(first, kept, "a refill changed bytes already handed out");
  assert.equal(randomBytes(10_000).length, 10_000, "larger requests bypass the pool");
});
