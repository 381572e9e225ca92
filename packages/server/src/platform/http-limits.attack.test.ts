import assert from "node:assert/strict";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { staffSessionCookie } from "../testing/event-stream.js";
import { account } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";
import { startTestServer } from "../testing/test-server.js";
import { appVersion } from "../version.js";

// Issue 22 items 11, 13, 15 and 23: timeouts, request ids, what is kept for staff, and errors always in the envelope.

/** Sends raw bytes on a new connection and collects everything until the server closes it. */
function rawExchange(port: number, ...chunks: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    let received = "";
    socket.setEncoding("utf8");
    socket.on("data", (d: string) => (received += d));
    socket.on("error", (err: NodeJS.ErrnoException) => (err.code === "ECONNRESET" ? undefined : reject(err)));
    socket.on("close", () => resolve(received));
    socket.on("connect", () => {
      for (const c of chunks) socket.write(c);
    });
  });
}

/** Status and parsed JSON body of a raw HTTP answer. */
function parseRaw(raw: string): { status: number; body: { error: { code: string; message: string } } } {
  const [head = "", body = ""] = raw.split("\r\n\r\n");
  return { status: Number(head.split(" ")[1]), body: JSON.parse(body) };
}

function assertEnvelope(body: unknown, code: string) {
  const b = body as { error?: { code?: unknown; message?: unknown } };
  assert.equal(b.error?.code, code, JSON.stringify(body));
  assert.equal(typeof b.error?.message, "string");
  assert.deepEqual(Object.keys(body as object), ["error"]);
}

let t: TestApp & { url: string };
let port: number;
before(async () => {
  // Short deadlines, so that a slow client is cut off within the test.
  t = await startTestServer({ timeouts: { requestMs: 800, headersMs: 400 } });
  port = Number(new URL(t.url).port);
});
after(async () => t.close());

describe("every error answer is the envelope", () => {
  test("bad percent-encoding in the path: 400 MALFORMED_REQUEST", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/inbox/reports/%E0%A4%A" });
    assert.equal(res.statusCode, 400);
    assertEnvelope(res.json(), "MALFORMED_REQUEST");
  });

  test("an over-long path parameter: 400 VALIDATION_FAILED", async () => {
    const res = await t.app.inject({ method: "GET", url: `/api/inbox/reports/${"a".repeat(500)}` });
    assert.equal(res.statusCode, 400);
    assertEnvelope(res.json(), "VALIDATION_FAILED");
  });

  test("a malformed request line: 400 MALFORMED_REQUEST", async () => {
    const answer = parseRaw(await rawExchange(port, "NOT AN HTTP REQUEST\r\n\r\n"));
    assert.equal(answer.status, 400);
    assertEnvelope(answer.body, "MALFORMED_REQUEST");
  });

  test("oversized headers: 431 HEADERS_TOO_LARGE", async () => {
    const big = `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Padding: ${"a".repeat(40_000)}\r\n\r\n`;
    const answer = parseRaw(await rawExchange(port, big));
    assert.equal(answer.status, 431);
    assertEnvelope(answer.body, "HEADERS_TOO_LARGE");
  });
});

test("a request that arrives during shutdown: 503 SERVICE_UNAVAILABLE in the envelope, with Retry-After", async () => {
  const s = await startTestServer({ demo: false });
  const socket = net.connect(Number(new URL(s.url).port), "127.0.0.1");
  let received = "";
  socket.setEncoding("utf8");
  socket.on("data", (d: string) => (received += d));
  const closed = new Promise((resolve) => socket.on("close", resolve));
  // A request in progress keeps its connection open through shutdown; a second one is pipelined behind it.
  const started = new Promise((resolve) => s.app.server.once("request", resolve));
  socket.write(
    "POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{",
  );
  await started;
  // The server stops listening once the shutdown hooks have run.
  const stopping = new Promise<void>((resolve) => {
    const close = s.app.server.close.bind(s.app.server);
    s.app.server.close = (cb) => {
      resolve();
      return close(cb);
    };
  });
  const closing = s.app.close();
  await stopping;
  socket.write("}GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n");
  await closed;
  await closing;
  await s.database.close();
  const second = received.slice(received.indexOf("HTTP/1.1", 1));
  const answer = parseRaw(second);
  assert.equal(answer.status, 503);
  assertEnvelope(answer.body, "SERVICE_UNAVAILABLE");
  assert.match(second, /\r\nretry-after: \d+\r\n/i);
});

describe("timeouts", () => {
  // A server without deadlines never closes these sockets: the test fails by its own timeout instead of hanging.
  const limit = { timeout: 15_000 };
  test(
    "a body that never finishes arriving: the server answers 408 REQUEST_TIMEOUT and closes the socket",
    limit,
    async () => {
      const head =
        "POST /api/reports HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n";
      const answer = parseRaw(await rawExchange(port, head, '{"description":"'));
      assert.equal(answer.status, 408);
      assertEnvelope(answer.body, "REQUEST_TIMEOUT");
    },
  );

  test("headers that never finish arriving: 408 and closed", limit, async () => {
    const answer = parseRaw(await rawExchange(port, "GET /api/health HTTP/1.1\r\nHost: x\r\n"));
    assert.equal(answer.status, 408);
    assertEnvelope(answer.body, "REQUEST_TIMEOUT");
  });
});

describe("request ids", () => {
  const forged = "forged-request-id-0001";
  const failedLogin = (app: TestApp["app"], requestId: string) =>
    app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "x-request-id": requestId },
      payload: { email: "nobody@example.org", password: "not-the-password-1" },
    });
  const auditedWith = async (app: TestApp, id: string) =>
    (await app.database.rows(sql`SELECT 1 FROM audit_events WHERE request_id = ${id}`)).length;

  test("a client's X-Request-Id is not trusted: a generated id is answered and audited", async () => {
    const res = await failedLogin(t.app, forged);
    assert.equal(res.statusCode, 401);
    assert.notEqual(res.headers["x-request-id"], forged);
    assert.match(String(res.headers["x-request-id"]), /^[0-9a-f-]{36}$/);
    assert.equal(await auditedWith(t, forged), 0);
    assert.equal(await auditedWith(t, String(res.headers["x-request-id"])), 1, "the audit row has the generated id");
  });

  test("behind a trusted proxy only a well-formed id is taken", async () => {
    const proxied = await createTestApp({ demo: false, env: { TRUST_PROXY: "1" } });
    try {
      const good = await failedLogin(proxied.app, forged);
      assert.equal(good.headers["x-request-id"], forged);
      for (const bad of ["short", "x".repeat(65), "id with spaces", "id;DROP", "ünïcode-id-123"]) {
        const res = await failedLogin(proxied.app, bad);
        assert.notEqual(res.headers["x-request-id"], bad);
        assert.equal(await auditedWith(proxied, bad), 0, bad);
      }
    } finally {
      await proxied.close();
    }
  });
});

describe("kept for staff", () => {
  test("/api/health shows the version to signed-in staff only", async () => {
    const anonymous = await t.app.inject({ method: "GET", url: "/api/health" });
    assert.equal(anonymous.statusCode, 200);
    assert.equal(anonymous.json().status, "ok");
    assert.equal("version" in anonymous.json(), false);
    const cookie = await staffSessionCookie(t, account(t.demoAccounts, "auditor").email);
    const staff = await t.app.inject({ method: "GET", url: "/api/health", headers: { cookie } });
    assert.equal(staff.json().version, appVersion);
    const openapi = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    assert.notEqual(openapi.info.version, appVersion, "nor does the public API document");
  });

  test("source maps are not served to anyone but signed-in staff", async () => {
    const assets = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../web/dist/assets");
    const map = fs.existsSync(assets) ? fs.readdirSync(assets).find((f) => f.endsWith(".js.map")) : undefined;
    const url = `/assets/${map ?? "index-0000.js.map"}`;
    const anonymous = await t.app.inject({ method: "GET", url });
    assert.equal(anonymous.statusCode, 404);
    assertEnvelope(anonymous.json(), "ROUTE_NOT_FOUND");
    const pending = await t.app.inject({ method: "GET", url, headers: { cookie: "clm_session=not-a-session" } });
    assert.equal(pending.statusCode, 404);
    if (!map) return; // the web app is not built: there is no map to hand to staff
    const cookie = await staffSessionCookie(t, account(t.demoAccounts, "auditor").email);
    const staff = await t.app.inject({ method: "GET", url, headers: { cookie } });
    assert.equal(staff.statusCode, 200);
    const js = fs.readFileSync(path.join(assets, map.replace(/\.map$/, "")), "utf8");
    assert.doesNotMatch(js, /sourceMappingURL/, "built without the comment that makes browsers fetch the map");
  });
});
