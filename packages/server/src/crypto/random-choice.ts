import { randomBytes } from "./random-pool.js";

export type ByteSource = (n: number) => Uint8Array;

/**
 * `count` characters drawn uniformly from `alphabet` (at most 256 characters). A byte maps to `byte % length` only
 * below the largest multiple of the length: the bytes above it are rejected and drawn again, so every character is
 * equally likely (no modulo bias). The byte source is a parameter so a test can feed it fixed bytes.
 */
export function randomChars(alphabet: string, count: number, source: ByteSource = randomBytes): string {
  const size = alphabet.length;
  if (size < 2 || size > 256) throw new Error("alphabet must have 2 to 256 characters");
  const limit = 256 - (256 % size);
  let out = "";
  while (out.length < count) {
    for (const byte of source(count - out.length + 4)) {
      if (byte >= limit) continue;
      out += alphabet[byte % size];
      if (out.length === count) break;
    }
  }
  return out;
}
