import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import type { Db } from "../db/database.js";
import { submitReport } from "../testing/inbox-fixtures.js";
import { account } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";
import { applyDirtyBatch, catchUp } from "./aggregator.js";

/**
 * Two processes can aggregate at once (every server runs the aggregator, and a dashboard read catches up first). The
 * one that loses the race within its first statement meets the other's committed cells and fails with a
 * serialization error (40001): seen as a 500 on a dashboard read in `npm run soak`. Such a batch is run again on a
 * fresh snapshot; any other error is not.
 */
describe("dashboard aggregator", () => {
  let t: TestApp;
  let districtId: string;
  before(async () => {
    t = await createTestApp();
    districtId = account(t.demoAccounts, "first_responder", 0).scope.districtIds[0]!;
    await catchUp(t.database.db);
  });
  after(async () => t.close());

  const pending = async () =>
    (await t.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM indicator_dirty`))[0]?.n ?? 0;

  /** The app's database, whose next `failures` transactions fail with `code` (as Drizzle wraps a driver error). */
  function failingFirst(code: string, failures: number) {
    const db = t.database.db;
    const calls = { n: 0 };
    const proxy = new Proxy(db, {
      get(target, prop, receiver) {
        if (prop !== "transaction") return Reflect.get(target, prop, receiver);
        return (...args: Parameters<Db["transaction"]>) => {
          calls.n += 1;
          if (calls.n <= failures) {
            const driver = Object.assign(new Error("could not serialize access due to concurrent update"), { code });
            return Promise.reject(new Error("Failed query: insert into indicator_cells", { cause: driver }));
          }
          return target.transaction(...args);
        };
      },
    });
    return { db: proxy, calls };
  }

  test("a batch that lost the race to another process is run again, and the change is counted", async () => {
    await submitReport(t, districtId);
    assert.ok((await pending()) > 0, "the new report waits for the aggregator");
    const { db, calls } = failingFirst("40001", 1);
    assert.ok((await applyDirtyBatch(db)) > 0);
    assert.equal(calls.n, 2, "run twice: the failure, then the batch");
    assert.equal(await pending(), 0);
  });

  test("any other error is not retried, and the changes wait for the next run", async () => {
    await submitReport(t, districtId);
    const { db, calls } = failingFirst("23505", 1);
    await assert.rejects(applyDirtyBatch(db), /insert into indicator_cells/);
    assert.equal(calls.n, 1);
    assert.ok((await pending()) > 0, "nothing was consumed");
    const stubborn = failingFirst("40001", 5);
    await assert.rejects(applyDirtyBatch(stubborn.db), /insert into indicator_cells/);
    assert.equal(stubborn.calls.n, 3, "a serialization failure is tried three times, not for ever");
    await catchUp(t.database.db);
    assert.equal(await pending(), 0);
  });
});
