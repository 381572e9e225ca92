import assert from "node:assert/strict";
import crypto from "node:crypto";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import { account, signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";

/**
 * Issue 22 items 19 and 20: an upper-case clientId was stored but answered 409 on every try; `?lang=` and
 * Accept-Language were stored unchecked, and a null byte failed the whole shared write batch with a 500.
 */
describe("attack: ids and languages a client sends at intake", () => {
  let t: TestApp;
  let districtId: string;
  before(async () => {
    t = await createTestApp();
    districtId = account(t.demoAccounts, "first_responder", 0).scope.districtIds[0]!;
  });
  after(async () => t.close());

  const body = (clientId: string, extra: Record<string, unknown> = {}) => ({
    clientId,
    channel: "app",
    reporterMode: "self",
    categoryCode: "health_services",
    subcategoryCode: "health_services.availability",
    districtId,
    ...extra,
  });
  const submit = (payload: object, url = "/api/reports", headers: Record<string, string> = {}) =>
    t.app.inject({ method: "POST", url, payload, headers });

  async function stored(clientId: string) {
    return t.database.rows<{ language: string | null; id: string }>(
      sql`SELECT language, id FROM reports WHERE client_id = ${clientId.toLowerCase()}::uuid`,
    );
  }

  test("an upper-case clientId (Swift's uuidString) gets 201, then 200 with the same code, in either case", async () => {
    const id = crypto.randomUUID().toUpperCase();
    const first = await submit(body(id));
    assert.equal(first.statusCode, 201, first.body);
    const again = await submit(body(id));
    assert.equal(again.statusCode, 200, again.body);
    assert.equal(again.json().trackingCode, first.json().trackingCode);
    const lower = await submit(body(id.toLowerCase()));
    assert.equal(lower.statusCode, 200, lower.body);
    assert.equal(lower.json().trackingCode, first.json().trackingCode);
    assert.equal((await stored(id)).length, 1, "stored once");
  });

  test("upper-case ids elsewhere are the same ids (compared in code, not only by the database)", async () => {
    const dm = await signInAs(t.app, account(t.demoAccounts, "data_manager"));
    const ask = (ids: string) =>
      t.app.inject({ method: "GET", url: `/api/inbox/assignees?districtIds=${ids}`, headers: { cookie: dm } });
    const lower = await ask(districtId);
    assert.equal(lower.statusCode, 200, lower.body);
    assert.ok(lower.json().items.length > 0);
    const upper = await ask(districtId.toUpperCase());
    assert.deepEqual(upper.json(), lower.json());
  });

  const badLanguages: { name: string; url?: string; headers?: Record<string, string> }[] = [
    { name: "?lang= with a null byte", url: "/api/reports?lang=%00" },
    { name: "?lang= of 8,000 characters", url: `/api/reports?lang=${"x".repeat(8000)}` },
    { name: "?lang= of an unknown language", url: "/api/reports?lang=zz" },
    { name: "Accept-Language with a null byte", headers: { "accept-language": "fr\u0000" } },
    { name: "Accept-Language of 8,000 characters", headers: { "accept-language": "a".repeat(8000) } },
    { name: "Accept-Language of an unknown language", headers: { "accept-language": "zz-ZZ" } },
    { name: "a body language not configured", url: "/api/reports" },
  ];

  test("bad languages never answer 500, are stored as a configured language, and fail none of their batch", async () => {
    const codes = (await t.database.rows<{ code: string }>(sql`SELECT code FROM languages WHERE enabled`)).map(
      (l) => l.code,
    );
    const valid = Array.from({ length: 24 }, () => crypto.randomUUID());
    const bad = badLanguages.flatMap((b) => [0, 1, 2].map(() => ({ ...b, clientId: crypto.randomUUID() })));
    // Fired together, so valid and bad submissions share the group commit's batches.
    const [validRes, badRes] = await Promise.all([
      Promise.all(valid.map((id) => submit(body(id), "/api/reports?lang=fr"))),
      Promise.all(
        bad.map((b) =>
          submit(
            body(b.clientId, b.name.startsWith("a body") ? { language: "de" } : {}),
            b.url ?? "/api/reports",
            b.headers ?? {},
          ),
        ),
      ),
    ]);
    for (const [i, res] of validRes.entries()) {
      assert.equal(res.statusCode, 201, `valid ${i}: ${res.body}`);
      const rows = await stored(valid[i]!);
      assert.equal(rows.length, 1, "stored once");
      assert.equal(rows[0]!.language, "fr");
    }
    for (const [i, res] of badRes.entries()) {
      const b = bad[i]!;
      assert.equal(res.statusCode, 201, `${b.name}: ${res.statusCode} ${res.body}`);
      const rows = await stored(b.clientId);
      assert.equal(rows.length, 1);
      assert.ok(codes.includes(rows[0]!.language ?? ""), `${b.name} stored ${JSON.stringify(rows[0]!.language)}`);
    }
  });

  test("a well-formed Accept-Language still chooses the report's language", async () => {
    const id = crypto.randomUUID();
    const res = await submit(body(id), "/api/reports", { "accept-language": "*, x\u0000y, fr-CA;q=0.9, en;q=0.5" });
    assert.equal(res.statusCode, 201);
    assert.equal((await stored(id))[0]!.language, "fr");
  });
});
