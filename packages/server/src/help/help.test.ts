import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createTestApp, type TestApp } from "../testing/test-app.js";
import { manualLanguages, manualSlugs, readManual, renderManualBody, screenReferences } from "./help-manuals.js";

describe("help pages (/help)", () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ demo: false });
  });
  after(async () => t.close());

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: "GET", url, headers });

  test("the manuals are written in English and at least one other language", () => {
    const langs = manualLanguages();
    assert.equal(langs[0], "en");
    assert.ok(langs.length >= 2, `languages with manuals: ${langs.join(", ")}`);
  });

  test("/help sends each reader to the manuals in their language", async () => {
    const fr = await get("/help", { "accept-language": "fr-FR,fr;q=0.9" });
    assert.equal(fr.statusCode, 302);
    assert.equal(fr.headers.location, "/help/fr");
    const none = await get("/help", { "accept-language": "xx" });
    assert.equal(none.headers.location, "/help/en");
  });

  for (const lang of manualLanguages()) {
    test(`${lang}: the index lists every manual, and each manual is a page with its pictures`, async () => {
      const index = await get(`/help/${lang}`);
      assert.equal(index.statusCode, 200);
      for (const slug of manualSlugs) assert.match(index.body, new RegExp(`href="/help/${lang}/${slug}"`));
      for (const slug of manualSlugs) {
        const manual = readManual(lang, slug);
        assert.ok(manual, `${lang}/${slug}.md exists`);
        const res = await get(`/help/${lang}/${slug}`);
        assert.equal(res.statusCode, 200, `${lang}/${slug}`);
        assert.match(String(res.headers["content-type"]), /^text\/html/);
        // The same strict policy as every other page: no inline script or style, nothing from elsewhere.
        assert.match(String(res.headers["content-security-policy"]), /script-src 'self'/);
        assert.match(res.body, new RegExp(`<html lang="${lang}">`));
        assert.ok(res.body.includes(`<h1>${manual.title}</h1>`), `${lang}/${slug}: title`);
        assert.doesNotMatch(res.body, /<script|style=|\[\[/);
        const images = [...res.body.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1] ?? "");
        assert.equal(images.length, screenReferences(manual.body).length, `${lang}/${slug}: every screenshot shows`);
        for (const src of images) {
          const img = await get(src);
          assert.equal(img.statusCode, 200, src);
          assert.equal(img.headers["content-type"], "image/png");
        }
      }
    });
  }

  test("the other languages are named as the platform's language menu names them", async () => {
    const page = await get("/help/en/community");
    assert.match(page.body, /lang="id">Bahasa Indonesia</);
    assert.match(page.body, /lang="km">ខ្មែរ</);
  });

  test("a Khmer page gets Khmer letters, not boxes: the stylesheet names the Khmer font, and /help serves it", async () => {
    const css = await get("/help/help.css");
    const fonts = [...css.body.matchAll(/url\("fonts\/([^"]+)"\)/g)].map((m) => m[1] ?? "");
    assert.ok(fonts.length >= 2, "regular and bold");
    assert.match(css.body, /unicode-range: U\+1780-17FF/);
    assert.match(css.body, /font-family: "OpenCLM Khmer", system-ui/);
    for (const font of fonts) {
      const res = await get(`/help/fonts/${font}`);
      assert.equal(res.statusCode, 200, font);
      assert.equal(res.headers["content-type"], "font/woff2");
      assert.equal(res.rawPayload.subarray(0, 4).toString("latin1"), "wOF2", `${font} is a WOFF2 font`);
    }
    for (const other of ["../package.json", "noto-sans-khmer-khmer-100-normal.woff2", "x.woff2"]) {
      assert.equal((await get(`/help/fonts/${encodeURIComponent(other)}`)).statusCode, 404, other);
    }
  });

  test("a manual's sections keep their anchors in every language (the app's Help links point at them)", () => {
    for (const slug of manualSlugs) {
      const ids = (lang: string) => {
        const manual = readManual(lang, slug);
        return manual ? renderManualBody(manual).sections.map((s) => s.id) : [];
      };
      for (const lang of manualLanguages()) assert.deepEqual(ids(lang), ids("en"), `${lang}/${slug}`);
    }
  });

  test("a language without manuals gets English, with a notice in its own words where the frame has them", async () => {
    // Every shipped language has its manuals now: a language a country added (Kyrgyz) has none, nor frame words.
    const res = await get("/help/ky/inbox");
    assert.equal(res.statusCode, 302);
    assert.equal(res.headers.location, "/help/en/inbox");
    // A reader sent to English from a language with frame words is told why, in their words.
    const page = await get("/help/en/inbox?from=sw");
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<p class="help-notice" lang="sw">Mwongozo huu bado haujaandikwa kwa lugha yako/);
  });

  test("each manual downloads as a PDF", async () => {
    const res = await get("/help/fr/community.pdf");
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers["content-type"], "application/pdf");
    assert.equal(res.rawPayload.subarray(0, 5).toString("latin1"), "%PDF-");
    assert.ok(res.rawPayload.length > 20_000, "the PDF holds the screenshots");
  });

  test("nothing but the manuals and their pictures is served", async () => {
    for (const url of [
      "/help/en/nope",
      "/help/en/..%2F..%2Fpackage.json",
      "/help/screens/en/..%2F..%2FREADME.md",
      "/help/screens/en/missing.png",
      "/help/screens/xx/app-home.png",
      "/help/english",
    ]) {
      assert.equal((await get(url)).statusCode, 404, url);
    }
  });

  test("raw HTML in a manual is shown as text, and images other than its screenshots are not shown", () => {
    const { html } = renderManualBody({
      lang: "en",
      slug: "inbox",
      title: "x",
      audience: "y",
      body: '<script>alert(1)</script>\n\n![x](https://evil.example/x.png) [[Validate]] <img src=x onerror="a()">',
    });
    // No tag of their own: the script and the image stay text, and the remote image is only its alt text.
    assert.doesNotMatch(html, /<script|<img/);
    assert.match(html, /&lt;script&gt;/);
    assert.match(html, /&lt;img src=x/);
    assert.doesNotMatch(html, /evil\.example/);
    assert.match(html, /<strong class="ui">Validate<\/strong>/);
  });
});
