import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { sql } from "drizzle-orm";
import { staffCalls } from "../testing/inbox-fixtures.js";
import { account, signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";

// Issue 17 item 2: Near Me's map draws the country's own boundaries; a system administrator may add a tile server.
let t: TestApp;
let admin: string;
before(async () => {
  t = await createTestApp();
  admin = await signInAs(t.app, account(t.demoAccounts, "system_admin"));
});
after(async () => t.close());

const TILES = "https://tiles.example.org/osm/{z}/{x}/{y}.png";

/** The img-src sources of the page the community app is served with. */
async function imageSources(): Promise<string[]> {
  const page = await t.app.inject({ method: "GET", url: "/app/near-me" });
  const csp = String(page.headers["content-security-policy"]);
  return (
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .find(([name]) => name === "img-src")
      ?.slice(1) ?? []
  );
}
const publicMap = async () => (await t.app.inject({ method: "GET", url: "/api/config" })).json().map;

test("by default there is no tile server: the map is the country's boundaries, images only from the platform", async () => {
  assert.deepEqual((await staffCalls(t).get(admin, "/api/settings")).json().mapTiles, {
    tileUrl: null,
    attribution: "",
  });
  assert.deepEqual(await publicMap(), { tileUrl: null, attribution: "" });
  assert.deepEqual(await imageSources(), ["'self'", "data:", "blob:"]);
});

test("a tile server that is not a plain https address with {z}/{x}/{y} is refused and nothing changes", async () => {
  const api = staffCalls(t);
  const bad = [
    "http://tiles.example.org/{z}/{x}/{y}.png",
    "https://tiles.example.org/{z}/{x}.png",
    "https://{s}.tiles.example.org/{z}/{x}/{y}.png",
    "https://{z}.example.org/{x}/{y}.png",
    "https://user:secret@tiles.example.org/{z}/{x}/{y}.png",
    "https://tiles.example.org/{z}/{x}/{y}.png#x",
    "javascript:alert(1)//{z}/{x}/{y}",
    "https://tiles.example.org/{z}/{x}/{y}.png;img-src *",
    "//tiles.example.org/{z}/{x}/{y}.png",
  ];
  for (const tileUrl of bad) {
    const res = await api.patch(admin, "/api/settings", { mapTiles: { tileUrl, attribution: "" } });
    assert.equal(res.statusCode, 400, tileUrl);
    assert.equal(res.json().error.code, "VALIDATION_FAILED", tileUrl);
  }
  assert.equal((await api.patch(admin, "/api/settings", { mapTiles: { tileUrl: TILES } })).statusCode, 400);
  assert.deepEqual(await publicMap(), { tileUrl: null, attribution: "" });
  assert.deepEqual(await imageSources(), ["'self'", "data:", "blob:"]);
});

test("a configured tile server is audited, offered to the app, and allowed for images only, at once; removing it closes it again", async () => {
  const api = staffCalls(t);
  const value = { tileUrl: TILES, attribution: "© OpenStreetMap contributors" };
  const res = await api.patch(admin, "/api/settings", { mapTiles: value });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json().mapTiles, value);
  assert.deepEqual(await publicMap(), value);
  assert.deepEqual(await imageSources(), ["'self'", "data:", "blob:", "https://tiles.example.org"]);
  const page = await t.app.inject({ method: "GET", url: "/app/near-me" });
  const csp = String(page.headers["content-security-policy"]);
  assert.equal(csp.split("tiles.example.org").length, 2, `exactly one directive names the tile server: ${csp}`);
  assert.match(csp, /connect-src 'self'(;|$)/);
  assert.match(csp, /script-src 'self'(;|$)/);

  const [row] = await t.database.rows<{ details: { before: unknown; after: unknown } }>(
    sql`SELECT details FROM audit_events WHERE action = 'settings.update' AND entity_id = 'map.tiles' ORDER BY seq DESC LIMIT 1`,
  );
  assert.deepEqual(row?.details, { before: { tileUrl: null, attribution: "" }, after: value });

  // A staff member without security:manage cannot set it.
  const manager = await signInAs(t.app, account(t.demoAccounts, "data_manager"));
  const refused = await api.patch(manager, "/api/settings", {
    mapTiles: { tileUrl: "https://evil.example.com/{z}/{x}/{y}.png", attribution: "" },
  });
  assert.equal(refused.statusCode, 403);

  const off = await api.patch(admin, "/api/settings", { mapTiles: { tileUrl: null, attribution: "" } });
  assert.equal(off.statusCode, 200, off.body);
  assert.deepEqual(await publicMap(), { tileUrl: null, attribution: "" });
  assert.deepEqual(await imageSources(), ["'self'", "data:", "blob:"]);
});
