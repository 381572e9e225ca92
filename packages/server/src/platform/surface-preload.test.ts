import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import zlib from "node:zlib";
import { createTestApp, type TestApp } from "../testing/test-app.js";
import { type PreloadManifest, preloadLinks } from "./surface-preload.js";

/** What scripts/build.mjs writes for a build: each surface's chunks beyond the shell, each catalog's chunk. */
const manifest: PreloadManifest = {
  surfaces: {
    community: { js: ["assets/community.surface-A1.js", "assets/sub-page-B2.js"], css: [] },
    dashboard: { js: ["assets/dashboard.surface-C3.js", "assets/staff-shell-D4.js"], css: ["assets/dashboard-E5.css"] },
  },
  catalogs: {
    "en/app": ["assets/locale-en-app-F6.js"],
    "en/dashboard": ["assets/locale-en-dashboard-G7.js"],
    "fr/common": ["assets/locale-fr-common-H8.js"],
    "fr/dashboard": ["assets/locale-fr-dashboard-I9.js"],
  },
};

const hrefs = (html: string, rel: string) =>
  [...html.matchAll(new RegExp(`<link rel="${rel}"[^>]* href="([^"]+)"`, "g"))].map((m) => m[1]);

describe("a surface's page announces the files it will need", () => {
  test("the dashboard: its chunks, its style sheet and the caller's catalogs", () => {
    const links = preloadLinks(manifest, "/dashboard/public", "fr-BE");
    assert.deepEqual(hrefs(links, "modulepreload"), [
      "/assets/dashboard.surface-C3.js",
      "/assets/staff-shell-D4.js",
      "/assets/locale-fr-common-H8.js",
      "/assets/locale-fr-dashboard-I9.js",
    ]);
    assert.deepEqual(hrefs(links, "preload"), ["/assets/dashboard-E5.css"]);
  });

  test("English common is in the shell; a language without catalogs gets the surface's chunks only", () => {
    assert.deepEqual(hrefs(preloadLinks(manifest, "/app/near-me", "en"), "modulepreload"), [
      "/assets/community.surface-A1.js",
      "/assets/sub-page-B2.js",
      "/assets/locale-en-app-F6.js",
    ]);
    assert.deepEqual(hrefs(preloadLinks(manifest, "/app", "sw"), "modulepreload"), [
      "/assets/community.surface-A1.js",
      "/assets/sub-page-B2.js",
    ]);
  });

  test("paths that are not a known surface, or look like one, announce nothing", () => {
    assert.equal(preloadLinks(manifest, "/", "en"), "");
    assert.equal(preloadLinks(manifest, "/application", "en"), "");
    assert.equal(preloadLinks(manifest, "/inbox", "en"), "", "a surface the build did not list");
  });
});

describe("the served page", () => {
  let t: TestApp;
  let dir: string;
  const shell = "<!doctype html><html><head><title>OpenCLM</title></head><body></body></html>";

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "openclm-web-preload-"));
    fs.writeFileSync(path.join(dir, "index.html"), shell);
    fs.writeFileSync(path.join(dir, "preload.json"), JSON.stringify(manifest));
    t = await createTestApp({ webDistDir: dir });
  });
  after(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("names the dashboard's files for a French reader, compressed, and says it varies by language", async () => {
    const res = await t.app.inject({
      method: "GET",
      url: "/dashboard/public",
      headers: { "accept-language": "fr-FR,fr;q=0.9", "accept-encoding": "br" },
    });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers["content-encoding"], "br");
    assert.match(String(res.headers.vary), /accept-language/i);
    const html = zlib.brotliDecompressSync(res.rawPayload).toString();
    assert.ok(html.includes('href="/assets/locale-fr-dashboard-I9.js"'), html);
    assert.ok(html.includes('href="/assets/dashboard.surface-C3.js"'), html);
    assert.ok(html.endsWith("</head><body></body></html>"), "the links go in the head");

    const english = await t.app.inject({ method: "GET", url: "/dashboard/public?lang=en" });
    assert.ok(english.body.includes('href="/assets/locale-en-dashboard-G7.js"'));
    assert.ok(!english.body.includes("locale-fr"));
    assert.equal((await t.app.inject({ method: "GET", url: "/" })).body, shell, "the landing page as built");
  });
});
