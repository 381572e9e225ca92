import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import pg from "pg";
import { openEventStream, staffSessionCookie } from "../testing/event-stream.js";
import { submitReport } from "../testing/inbox-fixtures.js";
import { account } from "../testing/staff-session.js";
import type { TestApp } from "../testing/test-app.js";
import { startTestServer } from "../testing/test-server.js";

// Issue 22 items 10 and 18: the live event stream stops when the session does, and survives the database going away.
let t: TestApp & { url: string };
before(async () => {
  t = await startTestServer();
});
after(async () => t.close());

const manager = () => account(t.demoAccounts, "data_manager");
const district = () => manager().scope.districtIds[0]!;

async function openStream(cookie: string) {
  const stream = await openEventStream(`${t.url}/api/inbox/events`, cookie);
  assert.equal(stream.status, 200);
  await stream.waitFor(/retry: 3000/);
  return stream;
}

/** A stream that never ends fails by this timeout rather than hanging the run. */
const limit = { timeout: 30_000 };

/** The stream delivers a change before the session ends, then ends (without the next change) once it has. */
async function assertStreamEndsWhen(cookie: string, endSession: () => Promise<void>) {
  const stream = await openStream(cookie);
  const seen = await submitReport(t, district());
  await stream.waitFor(new RegExp(seen.id));
  await endSession();
  const unseen = await submitReport(t, district());
  await stream.ended;
  assert.doesNotMatch(stream.text(), new RegExp(unseen.id));
}

describe("the live stream ends with its session", () => {
  test("after sign-out", limit, async () => {
    const cookie = await staffSessionCookie(t, manager().email);
    await assertStreamEndsWhen(cookie, async () => {
      const res = await t.app.inject({ method: "POST", url: "/api/auth/logout", headers: { cookie } });
      assert.equal(res.statusCode, 200);
    });
  });

  test("after sign-out everywhere, from another session", limit, async () => {
    const streaming = await staffSessionCookie(t, manager().email);
    const other = await staffSessionCookie(t, manager().email);
    await assertStreamEndsWhen(streaming, async () => {
      const res = await t.app.inject({ method: "POST", url: "/api/auth/logout-all", headers: { cookie: other } });
      assert.equal(res.statusCode, 200);
    });
  });

  test("after the account is disabled (even if its session row were left behind)", limit, async () => {
    const email = manager().email;
    const cookie = await staffSessionCookie(t, email);
    try {
      await assertStreamEndsWhen(cookie, async () => {
        await t.database.db.execute(sql`UPDATE staff_users SET disabled_at = now() WHERE email = ${email}`);
      });
    } finally {
      await t.database.db.execute(sql`UPDATE staff_users SET disabled_at = NULL WHERE email = ${email}`);
    }
  });
});

const adminUrl = process.env.DATABASE_URL;

describe("the database connection is lost (PostgreSQL)", {
  skip: !adminUrl && "PostgreSQL only",
  timeout: 60_000,
}, () => {
  let admin: pg.Client;
  let dbName: string;
  before(async () => {
    admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    [{ db: dbName }] = (await t.database.rows<{ db: string }>(sql`SELECT current_database() AS db`)) as [
      { db: string },
    ];
  });
  after(async () => {
    await admin.query(`ALTER DATABASE ${pg.escapeIdentifier(dbName)} ALLOW_CONNECTIONS true`);
    await admin.end();
  });
  const terminateAll = () =>
    admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [dbName]);

  test(
    "every connection terminated: the process keeps answering and changes still reach an open stream",
    limit,
    async () => {
      const cookie = await staffSessionCookie(t, manager().email);
      const stream = await openStream(cookie);
      await terminateAll();
      // The stream says it may have missed changes once LISTEN is back.
      await stream.waitFor(/event: resync/);
      const health = await fetch(`${t.url}/api/health`);
      assert.equal(health.status, 200);
      const change = await submitReport(t, district());
      await stream.waitFor(new RegExp(change.id));
      stream.close();
    },
  );

  test(
    "while the database refuses connections: 503 SERVICE_UNAVAILABLE with Retry-After, then back",
    limit,
    async () => {
      const cookie = await staffSessionCookie(t, manager().email);
      const stream = await openStream(cookie);
      await admin.query(`ALTER DATABASE ${pg.escapeIdentifier(dbName)} ALLOW_CONNECTIONS false`);
      await terminateAll();
      for (const [url, headers] of [
        ["/api/inbox/reports", { cookie }],
        ["/api/health", {}],
        ["/api/config", {}],
      ] as const) {
        const res = await t.app.inject({ method: "GET", url, headers });
        assert.equal(res.statusCode, 503, `${url}: ${res.body}`);
        assert.equal(res.json().error.code, "SERVICE_UNAVAILABLE");
        assert.match(String(res.headers["retry-after"]), /^\d+$/);
      }
      await admin.query(`ALTER DATABASE ${pg.escapeIdentifier(dbName)} ALLOW_CONNECTIONS true`);
      await stream.waitFor(/event: resync/);
      const res = await t.app.inject({ method: "GET", url: "/api/inbox/reports", headers: { cookie } });
      assert.equal(res.statusCode, 200);
      stream.close();
    },
  );
});
