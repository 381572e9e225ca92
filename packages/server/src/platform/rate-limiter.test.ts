import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Database } from "../db/database.js";
import { createTestDatabase } from "../testing/test-database.js";
import { deleteDrainedBuckets, readBuckets } from "./rate-limit.repo.js";
import { clientAddress, hitLimits, limitKey } from "./rate-limiter.js";

describe("rate limiter", () => {
  let database: Database;
  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => database.close());

  test("an IPv6 client is one address per /64; IPv4 mapped into IPv6 is the IPv4 address", () => {
    assert.equal(clientAddress("2001:db8:1:2:aaaa::1"), clientAddress("2001:db8:1:2:bbbb:cccc:dddd:eeee"));
    assert.notEqual(clientAddress("2001:db8:1:2::1"), clientAddress("2001:db8:1:3::1"));
    assert.equal(clientAddress("::ffff:192.0.2.1"), "192.0.2.1");
    assert.equal(clientAddress(undefined), "unknown");
  });

  test("a burst passes, the next waits for as long as the bucket needs to take one more, and drains back", async () => {
    const bucket = { burst: 2, perHour: 3600 }; // one a second
    const key = limitKey("test", "a");
    const t0 = new Date("2030-01-01T00:00:00Z");
    assert.deepEqual(await hitLimits(database, [{ key, bucket }], t0), { allowed: true });
    assert.deepEqual(await hitLimits(database, [{ key, bucket }], t0), { allowed: true });
    assert.deepEqual(await hitLimits(database, [{ key, bucket }], t0), { allowed: false, retryAfterSeconds: 2 });
    const later = new Date(t0.getTime() + 3000);
    assert.deepEqual(await hitLimits(database, [{ key, bucket }], later), { allowed: true });
  });

  test("concurrent hits on one key share one statement and are answered in order", async () => {
    const bucket = { burst: 5, perHour: 1 };
    const key = limitKey("test", "burst");
    const answers = await Promise.all(Array.from({ length: 12 }, () => hitLimits(database, [{ key, bucket }])));
    assert.equal(answers.filter((a) => a.allowed).length, 5);
  });

  test("the clean-up forgets drained buckets only", async () => {
    const bucket = { burst: 10, perHour: 3600 };
    const old = limitKey("test", "old");
    const fresh = limitKey("test", "fresh");
    await hitLimits(database, [{ key: old, bucket }], new Date(Date.now() - 60_000));
    await hitLimits(database, [{ key: fresh, bucket }], new Date());
    await deleteDrainedBuckets(database.db, new Date());
    const left = (await readBuckets(database.db, [old, fresh])).map((r) => r.key);
    assert.deepEqual(left, [fresh]);
  });
});
