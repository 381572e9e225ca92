import assert from "node:assert/strict";
import crypto from "node:crypto";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import { PRODUCT_TAXONOMY } from "../testing/product-taxonomy.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";

describe("platform API", () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  test("health names the database in use", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/health" });
    assert.equal(res.statusCode, 200);
    const body = res.json() as { status: string; database: string };
    assert.equal(body.status, "ok");
    assert.equal(body.database, process.env.DATABASE_URL ? "postgres" : "pglite");
    // The version is for signed-in staff only (platform/http-limits.attack.test.ts).
  });

  test("public config holds the taxonomy exactly, ≥ 9 districts and ≥ 4 languages", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/config" });
    assert.equal(res.statusCode, 200);
    const body = res.json();
    const taxonomy = Object.fromEntries(
      body.taxonomy.map((c: { code: string; subcategories: { code: string }[] }) => [
        c.code,
        c.subcategories.map((s) => s.code),
      ]),
    );
    assert.deepEqual(taxonomy, PRODUCT_TAXONOMY);
    for (const c of body.taxonomy)
      for (const s of c.subcategories) assert.ok(s.challengeTypes.length > 0, `${s.code} has challenge types`);
    const districts = body.areas.filter((a: { isLeaf: boolean }) => a.isLeaf);
    assert.ok(districts.length >= 9, `${districts.length} districts`);
    const country = body.areas.filter((a: { level: number }) => a.level === 0);
    assert.equal(country.length, 1);
    assert.equal(country[0].parentId, null);
    assert.ok(body.languages.length >= 4);
    for (const code of ["en", "fr", "ru", "pt"])
      assert.ok(body.languages.some((l: { code: string }) => l.code === code));
  });

  test("public config answers in the requested language, falling back from regional tags", async () => {
    const en = (await t.app.inject({ method: "GET", url: "/api/config?lang=en" })).json();
    const ru = (
      await t.app.inject({ method: "GET", url: "/api/config", headers: { "accept-language": "ru-RU,ru;q=0.9" } })
    ).json();
    const ptMz = (await t.app.inject({ method: "GET", url: "/api/config?lang=pt-MZ" })).json();
    assert.equal(ru.language, "ru");
    assert.equal(ptMz.language, "pt");
    assert.notEqual(ru.taxonomy[0].label, en.taxonomy[0].label);
    assert.match(ru.taxonomy[0].label, /[а-яА-Я]/);
    const unknown = (await t.app.inject({ method: "GET", url: "/api/config?lang=xx" })).json();
    assert.equal(unknown.language, "en");
  });

  test("facilities of a district lie in that district; an unknown area is 404", async () => {
    const config = (await t.app.inject({ method: "GET", url: "/api/config" })).json();
    const district = config.areas.find((a: { isLeaf: boolean }) => a.isLeaf);
    const res = await t.app.inject({ method: "GET", url: `/api/facilities?areaId=${district.id}` });
    assert.equal(res.statusCode, 200);
    for (const f of res.json().items) assert.equal(f.districtId, district.id);
    const all = (await t.app.inject({ method: "GET", url: "/api/facilities" })).json().items;
    assert.ok(all.length >= 30);
    const missing = await t.app.inject({
      method: "GET",
      url: "/api/facilities?areaId=00000000-0000-4000-8000-000000000000",
    });
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json().error.code, "NOT_FOUND");
  });

  test("boundaries come back as GeoJSON for every district", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/areas/boundaries?level=2" });
    assert.equal(res.statusCode, 200);
    const fc = res.json();
    assert.equal(fc.type, "FeatureCollection");
    assert.ok(fc.features.length >= 9);
    assert.ok(fc.features.every((f: { geometry: { type: string } }) => /Polygon/.test(f.geometry.type)));
  });

  test("errors use the envelope with stable codes", async () => {
    const unknown = await t.app.inject({ method: "GET", url: "/api/nope" });
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.json().error.code, "ROUTE_NOT_FOUND");

    const badQuery = await t.app.inject({ method: "GET", url: "/api/facilities?type=castle" });
    assert.equal(badQuery.statusCode, 400);
    assert.equal(badQuery.json().error.code, "VALIDATION_FAILED");
    assert.ok(Array.isArray(badQuery.json().error.details));
  });

  test("baseline security headers are set and the framework is not announced", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/health" });
    const csp = String(res.headers["content-security-policy"]);
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.equal(res.headers["x-content-type-options"], "nosniff");
    assert.equal(res.headers["referrer-policy"], "no-referrer");
    assert.ok(res.headers["permissions-policy"]);
    assert.equal(res.headers["x-powered-by"], undefined);
    assert.ok(res.headers["x-request-id"]);
  });

  test("surfaces answer HTML", async () => {
    for (const url of ["/", "/app", "/app/report", "/inbox", "/dashboard", "/setup"]) {
      const res = await t.app.inject({ method: "GET", url });
      assert.equal(res.statusCode, 200, url);
      assert.match(String(res.headers["content-type"]), /text\/html/, url);
    }
  });

  test("the OpenAPI document lists the platform operations", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/openapi.json" });
    assert.equal(res.statusCode, 200);
    const doc = res.json();
    assert.match(doc.openapi, /^3\./);
    const ids = Object.values(doc.paths as Record<string, Record<string, { operationId?: string }>>).flatMap((ops) =>
      Object.values(ops).map((o) => o.operationId),
    );
    for (const id of ["getHealth", "getPublicConfig", "listFacilities"]) assert.ok(ids.includes(id), id);
  });
});

describe("request limits", () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ demo: false });
  });
  after(async () => t.close());

  test("an empty database without demo mode still has the default taxonomy and languages, and no areas", async () => {
    const body = (await t.app.inject({ method: "GET", url: "/api/config" })).json();
    assert.equal(body.taxonomy.length, 4);
    assert.ok(body.languages.length >= 4);
    assert.equal(body.areas.length, 0);
    assert.equal(body.demo, false);
  });
});

describe("operator metrics (/metrics)", () => {
  const token = "m".repeat(16) + crypto.randomBytes(16).toString("hex");
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ demo: false, env: { METRICS_TOKEN: token } });
  });
  after(async () => t.close());

  const scrape = (authorization?: string) =>
    t.app.inject({ method: "GET", url: "/metrics", headers: authorization ? { authorization } : {} });

  test("answer only with the operator's token, and never a tracking code or id in a label", async () => {
    for (const wrong of [undefined, `Bearer ${token}x`, `Basic ${token}`]) {
      const res = await scrape(wrong);
      assert.equal(res.statusCode, 401, String(wrong));
      assert.equal(res.json().error.code, "UNAUTHENTICATED");
    }
    const code = "ABCD-EFGH";
    await t.app.inject({ method: "POST", url: "/api/reports/track", payload: { trackingCode: code } });
    await t.app.inject({ method: "GET", url: "/api/health" });
    await t.app.inject({ method: "GET", url: "/api/health" });
    const res = await scrape(`Bearer ${token}`);
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers["content-type"]), /^text\/plain/);
    assert.equal(res.headers["cache-control"], "no-store");
    const count =
      /openclm_http_request_duration_seconds_count\{method="GET",route="\/api\/health",status="2xx"\} (\d+)/.exec(
        res.body,
      );
    assert.equal(Number(count?.[1]), 2, "two health checks counted under their route");
    assert.ok(!res.body.includes(code), "labels hold route patterns, not what was sent");
    assert.match(res.body, /^openclm_aggregator_pending_changes \d+$/m);
    assert.match(res.body, /^openclm_aggregator_lag_seconds \d+/m);
    assert.match(res.body, /^openclm_process_resident_memory_bytes \d+/m);
    if (process.env.DATABASE_URL) assert.match(res.body, /^openclm_db_pool_connections\{state="total"\} \d+$/m);
  });

  test("without a token configured there is no /metrics", async () => {
    const plain = await createTestApp({ demo: false });
    try {
      const res = await plain.app.inject({
        method: "GET",
        url: "/metrics",
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(res.statusCode, 404);
    } finally {
      await plain.close();
    }
  });

  test("a report waiting for the aggregates shows as pending", async () => {
    await t.database.db.execute(sql`INSERT INTO indicator_dirty (report_id) VALUES (${crypto.randomUUID()}::uuid)`);
    const res = await scrape(`Bearer ${token}`);
    assert.match(res.body, /^openclm_aggregator_pending_changes 1$/m);
  });
});
