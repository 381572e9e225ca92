import assert from "node:assert/strict";
import crypto from "node:crypto";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { buildApp } from "../app.js";
import { putSetting } from "../platform/platform.repo.js";
import { DEFAULT_LIMITS, LIMITS_SETTING } from "../platform/rate-limit-settings.js";
import { reportPayload } from "../testing/inbox-fixtures.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";

/**
 * Issue 22 item 2: anonymous intake had no rate limit (300 reports from one address in 2.9 s, all accepted) and the
 * tracking-code limits lived in one process's memory. Limits are per address and per device, in PostgreSQL.
 */
describe("attack: flooding anonymous intake and tracking", () => {
  let t: TestApp;
  let districtId: string;

  before(async () => {
    t = await createTestApp({ demo: false, productionLimits: true });
    const [district] = await t.database.rows<{ id: string }>(
      sql`INSERT INTO areas (level, code, names) VALUES (0, 'flood-district', '{"en":"Flood"}'::jsonb) RETURNING id`,
    );
    districtId = district!.id;
  });
  after(async () => t.close());

  const report = (app: FastifyInstance, remoteAddress: string, extra: Record<string, unknown> = {}) => {
    const payload = reportPayload(districtId, extra);
    const res = app.inject({ method: "POST", url: "/api/reports", remoteAddress, payload });
    return res.then((r) => ({ clientId: payload.clientId, res: r }));
  };

  const storedTimes = async (clientIds: string[]) => {
    if (clientIds.length === 0) return new Map<string, number>();
    const rows = await t.database.rows<{ client_id: string; n: number }>(
      sql`SELECT client_id::text, count(*)::int AS n FROM reports
          WHERE client_id::text IN (SELECT jsonb_array_elements_text(${JSON.stringify(clientIds)}::jsonb))
          GROUP BY client_id`,
    );
    return new Map(rows.map((r) => [r.client_id, r.n]));
  };

  const setLimits = async (routes: Record<string, { burst: number; perHour: number }>) => {
    await putSetting(t.database.db, LIMITS_SETTING, { routes });
  };

  function assertRateLimited(res: LightMyRequestResponse) {
    assert.equal(res.statusCode, 429, res.body);
    assert.equal(res.json().error.code, "RATE_LIMITED");
    const retryAfter = Number(res.headers["retry-after"]);
    assert.ok(Number.isInteger(retryAfter) && retryAfter > 0, `Retry-After: ${res.headers["retry-after"]}`);
  }

  test("300 rapid reports from one address: the burst is accepted once each, the rest refused with Retry-After and not stored, other addresses unaffected", async () => {
    const flood = Array.from({ length: 300 }, () => report(t.app, "203.0.113.7"));
    // Reporters elsewhere submit during the flood: the refused requests never reach (or slow, or fail) their batch.
    const others = Array.from({ length: 20 }, (_, i) => report(t.app, `198.51.100.${i + 1}`));
    const results = await Promise.all(flood);
    const accepted = results.filter((r) => r.res.statusCode === 201);
    const refused = results.filter((r) => r.res.statusCode !== 201);
    assert.ok(accepted.length >= 1, "some reports from the address are taken");
    assert.ok(accepted.length <= DEFAULT_LIMITS.routes.intakePerAddress.burst + 1, `accepted ${accepted.length}`);
    assert.ok(refused.length >= 300 - DEFAULT_LIMITS.routes.intakePerAddress.burst - 1);
    for (const r of refused) assertRateLimited(r.res);

    const stored = await storedTimes(results.map((r) => r.clientId));
    for (const r of accepted) assert.equal(stored.get(r.clientId), 1, "an accepted report is stored exactly once");
    for (const r of refused) assert.equal(stored.get(r.clientId), undefined, "a refused report leaves no trace");

    for (const o of await Promise.all(others)) assert.equal(o.res.statusCode, 201, o.res.body);
    const fresh = await report(t.app, "192.0.2.50");
    assert.equal(fresh.res.statusCode, 201, "a different address still gets through");
  });

  test("one device cannot use up its clinic's address: the device is limited, another phone there still reports", async () => {
    const clinic = "192.0.2.10";
    const phone = crypto.randomUUID();
    const burst = DEFAULT_LIMITS.routes.intakePerDevice.burst;
    for (let i = 0; i < burst; i++)
      assert.equal((await report(t.app, clinic, { deviceId: phone })).res.statusCode, 201);
    const limited = await report(t.app, clinic, { deviceId: phone });
    assertRateLimited(limited.res);
    assert.equal((await storedTimes([limited.clientId])).size, 0);
    const otherPhone = await report(t.app, clinic, { deviceId: crypto.randomUUID() });
    assert.equal(otherPhone.res.statusCode, 201, "another device behind the same address gets through");
  });

  test("the per-address limit is a setting: a clinic behind one NAT address raises it", async () => {
    const nat = "192.0.2.20";
    await setLimits({ intakePerAddress: { burst: 3, perHour: 1 } });
    for (let i = 0; i < 3; i++) assert.equal((await report(t.app, nat)).res.statusCode, 201);
    assertRateLimited((await report(t.app, nat)).res);
    await setLimits({ intakePerAddress: { burst: 100, perHour: 1000 } });
    assert.equal((await report(t.app, nat)).res.statusCode, 201, "raised at once, without a restart");
    await setLimits({});
  });

  test("limits live in PostgreSQL: two app instances on one database share them, and a new instance keeps them", async () => {
    const second = await buildApp({ config: t.config, database: t.database, cipher: t.cipher, logger: false });
    await second.ready();
    try {
      await setLimits({ intakePerAddress: { burst: 4, perHour: 1 }, trackPerAddress: { burst: 6, perHour: 1 } });
      const address = "192.0.2.30";
      for (const app of [t.app, second, t.app, second]) assert.equal((await report(app, address)).res.statusCode, 201);
      assertRateLimited((await report(t.app, address)).res);
      assertRateLimited((await report(second, address)).res);

      // Guessing tracking codes across instances: the limit is one, not one per process.
      const track = (app: FastifyInstance) =>
        app.inject({ method: "GET", url: "/api/reports/track/ZZZZ-ZZZ2", remoteAddress: address });
      for (const app of [t.app, second, t.app, second, t.app, second]) assert.equal((await track(app)).statusCode, 404);
      assertRateLimited(await track(t.app));
      assertRateLimited(await track(second));
    } finally {
      await second.close();
    }
    // A restarted process (a new app on the same database) still refuses.
    const restarted = await buildApp({ config: t.config, database: t.database, cipher: t.cipher, logger: false });
    await restarted.ready();
    try {
      assertRateLimited((await report(restarted, "192.0.2.30")).res);
    } finally {
      await restarted.close();
      await setLimits({});
    }
    const rows = await t.database.rows<{ key: string }>(sql`SELECT key FROM rate_limits`);
    assert.ok(rows.length > 0);
    assert.ok(
      rows.every((r) => !r.key.includes("192.0.2") && !r.key.includes("203.0.113")),
      "addresses are hashed",
    );
  });
});
