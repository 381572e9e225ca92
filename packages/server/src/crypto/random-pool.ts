import crypto from "node:crypto";

const POOL_SIZE = 4096;
let pool = Buffer.alloc(0);
let offset = 0;

/**
 * Random bytes from the system CSPRNG, drawn from a pool filled 4 KiB at a time and never handed out twice. One call
 * into OpenSSL per request per IV or code was a visible share of report intake; Node's own randomUUID pools the
 * same way. The answer is a copy, so later refills cannot change it.
 */
export function randomBytes(n: number): Buffer {
  if (n > POOL_SIZE) return crypto.randomBytes(n);
  if (offset + n > pool.length) {
    pool = crypto.randomFillSync(Buffer.allocUnsafe(POOL_SIZE));
    offset = 0;
  }
  const out = Buffer.from(pool.subarray(offset, offset + n));
  // Wipe what was handed out, so the pool never holds a copy of a live IV or code.
  pool.fill(0, offset, offset + n);
  offset += n;
  return out;
}
