import assert from "node:assert/strict";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import zlib from "node:zlib";
import { submitReport } from "../testing/inbox-fixtures.js";
import { account, signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";
import { preferredEncoding } from "./compression.js";

/** A built web app as scripts/build.mjs leaves it: each text file with a .br and a .gz copy beside it. */
function fakeBuild(): { dir: string; script: string; html: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "openclm-web-dist-"));
  // Random text (not compressible to nothing) so sizes behave like a real bundle.
  const script = `export const data = ${JSON.stringify(crypto.randomBytes(3000).toString("base64"))};\n`.repeat(3);
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>OpenCLM</title>${"<!-- shell -->".repeat(100)}</head><body></body></html>`;
  const files: Record<string, string> = {
    "index.html": html,
    "assets/app-Ab12Cd34.js": script,
    "sw.js": script,
  };
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(text));
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(text));
  }
  fs.mkdirSync(path.join(dir, "icons"));
  fs.writeFileSync(path.join(dir, "icons/icon.png"), crypto.randomBytes(2048)); // no compressed copies
  return { dir, script, html };
}

function decode(encoding: string | undefined, body: Buffer): string {
  if (encoding === "br") return zlib.brotliDecompressSync(body).toString();
  if (encoding === "gzip") return zlib.gunzipSync(body).toString();
  assert.equal(encoding, undefined, `unexpected encoding ${encoding}`);
  return body.toString();
}

describe("compression and caching", () => {
  let t: TestApp;
  let build: ReturnType<typeof fakeBuild>;

  before(async () => {
    build = fakeBuild();
    t = await createTestApp({ webDistDir: build.dir });
  });
  after(async () => {
    await t.close();
    fs.rmSync(build.dir, { recursive: true, force: true });
  });

  const get = (url: string, acceptEncoding?: string, cookie?: string) =>
    t.app.inject({
      method: "GET",
      url,
      headers: {
        ...(acceptEncoding === undefined ? {} : { "accept-encoding": acceptEncoding }),
        ...(cookie ? { cookie } : {}),
      },
    });

  test("a hashed asset is sent as the build's brotli copy, else its gzip copy, else as is; cached for a year", async () => {
    for (const [accept, expected] of [
      ["gzip, deflate, br", "br"],
      ["br;q=0, gzip", "gzip"],
      ["gzip", "gzip"],
      [undefined, undefined],
      ["identity", undefined],
    ] as const) {
      const res = await get("/assets/app-Ab12Cd34.js", accept);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers["content-encoding"], expected, `Accept-Encoding: ${accept}`);
      assert.match(String(res.headers.vary), /accept-encoding/i, "caches keep one copy per encoding");
      assert.match(String(res.headers["content-type"]), /javascript/);
      assert.equal(res.headers["cache-control"], "public, max-age=31536000, immutable");
      assert.equal(decode(expected, res.rawPayload), build.script);
      if (expected) assert.ok(res.rawPayload.length < build.script.length / 2, "the compressed copy is what is sent");
    }
  });

  test("the HTML shell and the service worker are compressed but revalidated on every visit", async () => {
    for (const url of ["/app", "/dashboard/public", "/"]) {
      const res = await get(url, "br, gzip");
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers["content-encoding"], "br");
      assert.equal(res.headers["cache-control"], "no-cache");
      assert.match(String(res.headers.vary), /accept-encoding/i);
      assert.equal(decode("br", res.rawPayload), build.html);
    }
    const plain = await get("/app");
    assert.equal(plain.headers["content-encoding"], undefined);
    assert.equal(plain.body, build.html);

    const sw = await get("/sw.js", "gzip");
    assert.equal(sw.headers["content-encoding"], "gzip");
    assert.equal(sw.headers["cache-control"], "no-cache");
    assert.equal(decode("gzip", sw.rawPayload), build.script);
  });

  test("files without compressed copies go out as they are, and the copies have no address of their own", async () => {
    const icon = await get("/icons/icon.png", "br, gzip");
    assert.equal(icon.statusCode, 200);
    assert.equal(icon.headers["content-encoding"], undefined, "a PNG is not compressed again");
    assert.equal(icon.headers["cache-control"], "no-cache");
    assert.equal((await get("/assets/app-Ab12Cd34.js.br")).statusCode, 404);
  });

  test("API answers above 1 KB are compressed when the client accepts it; small ones are not", async () => {
    for (const [accept, expected] of [
      ["br, gzip", "br"],
      ["gzip", "gzip"],
      [undefined, undefined],
    ] as const) {
      const res = await get("/api/openapi.json", accept);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers["content-encoding"], expected, `Accept-Encoding: ${accept}`);
      const doc = JSON.parse(decode(expected, res.rawPayload)) as { openapi: string };
      assert.match(doc.openapi, /^3\./);
      if (expected) assert.match(String(res.headers.vary), /accept-encoding/i);
    }
    const health = await get("/api/health", "br, gzip");
    assert.equal(health.headers["content-encoding"], undefined, "a few bytes are not worth compressing");
    assert.equal(health.json().status, "ok");
  });

  test("a compressed request body is refused, not inflated past the body limit", async () => {
    const body = zlib.gzipSync(JSON.stringify({ email: "a@example.org", password: "x".repeat(100) }));
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": "application/json", "content-encoding": "gzip" },
      payload: body,
    });
    assert.ok(res.statusCode >= 400 && res.statusCode < 500, `got ${res.statusCode}`);
  });

  test("personal data is never stored by a browser or proxy cache; public boundaries may be (revalidated)", async () => {
    const dm = await signInAs(t.app, account(t.demoAccounts, "data_manager"));
    const district = account(t.demoAccounts, "first_responder", 0).scope.districtIds[0]!;
    const { id } = await submitReport(t, district);
    for (const url of [`/api/inbox/reports/${id}`, "/api/inbox/reports", "/api/me"]) {
      const res = await get(url, "br, gzip", dm);
      assert.equal(res.statusCode, 200, url);
      assert.equal(res.headers["cache-control"], "no-store", url);
    }
    const list = await get("/api/inbox/reports", "br", dm);
    assert.equal(list.headers["content-encoding"], "br", "the inbox list is compressed");
    assert.ok(Array.isArray(JSON.parse(decode("br", list.rawPayload)).items));
    // Errors too: a 404 for someone's report id must not be cached either.
    assert.equal(
      (await get(`/api/inbox/reports/${crypto.randomUUID()}`, "br", dm)).headers["cache-control"],
      "no-store",
    );
    const boundaries = await get("/api/areas/boundaries?level=2", "br");
    assert.equal(boundaries.statusCode, 200);
    // Shared caches may keep them, revalidated by ETag: a geography import changes them at once.
    assert.equal(boundaries.headers["cache-control"], "public, no-cache");
    assert.ok(boundaries.headers.etag, "revalidated by its ETag");
  });
});

describe("preferredEncoding", () => {
  const both = { br: 1, gzip: 1 };
  test("brotli first, then gzip, honouring q=0 and *", () => {
    assert.equal(preferredEncoding("gzip, deflate, br, zstd", both), "br");
    assert.equal(preferredEncoding("gzip", both), "gzip");
    assert.equal(preferredEncoding("br;q=0, *", both), "gzip");
    assert.equal(preferredEncoding("*", both), "br");
    assert.equal(preferredEncoding("*;q=0", both), "identity");
    assert.equal(preferredEncoding(undefined, both), "identity");
    assert.equal(preferredEncoding("br", { gzip: 1 }), "identity", "only copies that exist");
  });
});
