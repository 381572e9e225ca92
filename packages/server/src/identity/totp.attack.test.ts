import assert from "node:assert/strict";
import { test } from "node:test";
import { randomChars } from "../crypto/random-choice.js";
import { newRecoveryCodes, RECOVERY_ALPHABET } from "./totp.js";

/** A byte source that hands out 0, 1, 2 … 255, 0, 1 … : every byte value exactly equally often. */
function countingBytes() {
  let next = 0;
  return (n: number) => Uint8Array.from({ length: n }, () => next++ % 256);
}

test("recovery codes: every character equally likely (issue 22 item 16: no modulo bias)", () => {
  // 31 characters do not divide 256: `byte % 31` would give the first 8 characters 9 bytes each and the rest 8.
  // Over whole cycles of all 256 byte values, an unbiased sampler gives every character the same count.
  const draws = 31 * 8 * 20;
  const text = randomChars(RECOVERY_ALPHABET, draws, countingBytes());
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  assert.equal(counts.size, RECOVERY_ALPHABET.length);
  assert.deepEqual(new Set(counts.values()), new Set([draws / RECOVERY_ALPHABET.length]));
});

test("bytes at or above the largest multiple of the alphabet size are skipped, not folded onto early characters", () => {
  const bytes = [248, 255, 250, 0, 30, 31];
  const source = (n: number) => Uint8Array.from(bytes.splice(0, n));
  assert.equal(
    randomChars(RECOVERY_ALPHABET, 3, source),
    `${RECOVERY_ALPHABET[0]}${RECOVERY_ALPHABET[30]}${RECOVERY_ALPHABET[0]}`,
  );
});

test("recovery codes keep their shape and draw from the byte source given", () => {
  const codes = newRecoveryCodes(10, countingBytes());
  assert.equal(codes.length, 10);
  for (const c of codes) assert.match(c, /^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
  assert.equal(new Set(newRecoveryCodes(50)).size, 50);
});
