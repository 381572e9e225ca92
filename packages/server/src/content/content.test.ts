import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { ContentDetail, PublicContent } from "@openclm/contracts";
import { sql } from "drizzle-orm";
import { staffCalls } from "../testing/inbox-fixtures.js";
import { account, signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";

/**
 * Content (issue 15): editors write Markdown per language, a country administrator publishes; readers get only the
 * published copy, rendered and sanitised on the server; every change is a version and an audit row.
 */
describe("content: drafts, review, publication, sanitising, versions", () => {
  let t: TestApp;
  let editor: string;
  let admin: string;
  let analyst: string;
  const api = () => staffCalls(t);
  let n = 0;
  const slug = () => `test-article-${++n}-${Date.now().toString(36)}`;
  const publicGet = (url: string) => t.app.inject({ method: "GET", url });
  const create = async (cookie: string, body: Record<string, unknown>) => {
    const res = await api().post(cookie, "/api/setup/content", body);
    assert.equal(res.statusCode, 201, res.body);
    return res.json().id as string;
  };
  const article = (s: string, body = "Text") => ({
    kind: "rights",
    slug: s,
    translations: { en: { title: `Title ${s}`, body } },
    tags: ["rights"],
  });

  before(async () => {
    t = await createTestApp();
    editor = await signInAs(t.app, account(t.demoAccounts, "content_editor"));
    admin = await signInAs(t.app, account(t.demoAccounts, "country_admin"));
    analyst = await signInAs(t.app, account(t.demoAccounts, "analyst"));
  });
  after(async () => t.close());

  test("a draft and an item in review are never visible publicly; published, it is, in each language", async () => {
    const s = slug();
    const id = await create(editor, article(s, "Plain **words**."));
    const hidden = async () => {
      assert.equal((await publicGet(`/api/content/${s}?language=en`)).statusCode, 404);
      const list = (await publicGet("/api/content?kind=rights&language=en")).json();
      assert.ok(!list.items.some((i: { slug: string }) => i.slug === s), "not listed");
    };
    await hidden();
    assert.equal((await api().post(editor, `/api/setup/content/${id}/submission`, {})).statusCode, 200);
    await hidden();
    // The editor may not publish; the country administrator may.
    assert.equal((await api().post(editor, `/api/setup/content/${id}/publication`, {})).statusCode, 403);
    await hidden();
    const fr = { title: "Titre", summary: "En bref", body: "Des mots *simples*." };
    assert.equal((await api().patch(admin, `/api/setup/content/${id}`, { translations: { fr } })).statusCode, 200);
    const pub = await api().post(admin, `/api/setup/content/${id}/publication`, {});
    assert.equal(pub.statusCode, 200, pub.body);
    const en: PublicContent = (await publicGet(`/api/content/${s}?language=en`)).json();
    assert.equal(en.title, `Title ${s}`);
    assert.match(en.bodyHtml, /<strong>words<\/strong>/);
    const frGot: PublicContent = (await publicGet(`/api/content/${s}?language=fr`)).json();
    assert.equal(frGot.title, "Titre");
    assert.equal(frGot.language, "fr");
    assert.match(frGot.bodyHtml, /<em>simples<\/em>/);
    const list = (await publicGet("/api/content?kind=rights&language=fr&q=simples")).json();
    assert.deepEqual(
      list.items.map((i: { slug: string }) => i.slug),
      [s],
    );
    const tagged = (await publicGet("/api/content?language=en&tag=rights.privacy")).json();
    assert.ok(
      tagged.items.some((i: { slug: string }) => i.slug === s),
      "a category tag matches its subcategories",
    );
  });

  test("editing a published item keeps readers on the published copy until it is published again", async () => {
    const s = slug();
    const id = await create(admin, article(s, "First version."));
    await api().post(admin, `/api/setup/content/${id}/publication`, {});
    await api().patch(editor, `/api/setup/content/${id}`, { translations: { en: { title: "New", body: "Second." } } });
    const still: PublicContent = (await publicGet(`/api/content/${s}`)).json();
    assert.match(still.bodyHtml, /First version/);
    const detail: ContentDetail = (await api().get(editor, `/api/setup/content/${id}`)).json();
    assert.equal(detail.status, "draft");
    assert.equal(detail.live, true);
    assert.equal(detail.unpublishedChanges, true);
    await api().post(admin, `/api/setup/content/${id}/publication`, {});
    assert.match((await publicGet(`/api/content/${s}`)).json().bodyHtml, /Second/);
    // Unpublished: gone for readers.
    assert.equal((await api().del(admin, `/api/setup/content/${id}/publication`)).statusCode, 200);
    assert.equal((await publicGet(`/api/content/${s}`)).statusCode, 404);
  });

  test("a scheduled item stays hidden until its time", async () => {
    const s = slug();
    const id = await create(admin, article(s));
    const later = new Date(Date.now() + 86_400_000).toISOString();
    const res = await api().post(admin, `/api/setup/content/${id}/publication`, { publishAt: later });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal((await publicGet(`/api/content/${s}`)).statusCode, 404);
    await t.database.db.execute(
      sql`UPDATE content_items SET publish_at = now() - interval '1 minute' WHERE id = ${id}`,
    );
    assert.equal((await publicGet(`/api/content/${s}`)).statusCode, 200);
  });

  test("script, event handlers, remote images and embeds never reach the HTML; other sites are marked", async () => {
    const s = slug();
    const body = [
      "Hello <script>alert(1)</script> <img src=x onerror=alert(1)>",
      '<iframe src="https://evil.example/embed"></iframe>',
      "[click](javascript:alert(1))",
      "[WHO](https://www.who.int/health-topics/tuberculosis) and [home](/app)",
      '<a href="https://x.example" onclick="steal()">x</a>',
    ].join("\n\n");
    const preview = await api().post(editor, "/api/setup/content/preview", { body });
    assert.equal(preview.statusCode, 200, preview.body);
    const id = await create(admin, article(s, body));
    await api().post(admin, `/api/setup/content/${id}/publication`, {});
    const html: string = (await publicGet(`/api/content/${s}`)).json().bodyHtml;
    assert.equal(html, preview.json().html, "the preview is what readers get");
    // As elements or attributes (the words may show as text, escaped, which is harmless).
    assert.doesNotMatch(html, /<script|<img|<iframe/i);
    assert.doesNotMatch(html, /<[^>]*\son[a-z]+=/i, "no event handler attribute");
    assert.doesNotMatch(html, /href="(javascript|data):/i);
    assert.doesNotMatch(html, /<[^>]*\ssrc=|evil\.example\/pixel/i, "no remote image");
    assert.match(html, /&lt;script&gt;/, "raw HTML shows as text");
    const who = html.match(/<a href="https:\/\/www\.who\.int[^>]*>/)?.[0] ?? "";
    assert.match(who, /rel="noopener noreferrer"/);
    assert.match(html, /class="leaves-app"/);
    assert.match(html, /opens another website/);
    assert.match(html, /<a href="\/app">home<\/a>/, "links within the platform are not marked");

    // A remote image is refused when saved (content-media.test.ts), and would render as its alt text only.
    const remote = "![tracker](https://evil.example/pixel.png)";
    const shown = (await api().post(editor, "/api/setup/content/preview", { body: remote })).json().html as string;
    assert.doesNotMatch(shown, /<img|evil\.example/i);
    assert.equal((await api().post(editor, "/api/setup/content", article(slug(), remote))).statusCode, 400);
  });

  test("every change is a version with who changed what, and an audit row in the same transaction", async () => {
    const s = slug();
    const id = await create(editor, article(s));
    await api().patch(editor, `/api/setup/content/${id}`, { tags: ["stigma"] });
    await api().post(editor, `/api/setup/content/${id}/submission`, {});
    await api().post(admin, `/api/setup/content/${id}/publication`, {});
    const detail: ContentDetail = (await api().get(admin, `/api/setup/content/${id}`)).json();
    assert.deepEqual(
      detail.versions.map((v) => v.action),
      ["publish", "submit", "update", "create"],
    );
    assert.deepEqual(detail.versions[2]?.fields, ["tags"]);
    const me = (await api().get(editor, "/api/me")).json();
    assert.equal(detail.versions[3]?.changedBy, me.id);
    const audits = await t.database.rows<{ action: string; actor_role: string }>(
      sql`SELECT action, actor_role FROM audit_events WHERE entity = 'content' AND entity_id = ${id} ORDER BY seq`,
    );
    assert.deepEqual(
      audits.map((a) => `${a.action}:${a.actor_role}`),
      [
        "content.create:content_editor",
        "content.update:content_editor",
        "content.submit:content_editor",
        "content.publish:country_admin",
      ],
    );
  });

  test("roles: an analyst may not write; unknown languages, tags and duplicate slugs are refused", async () => {
    assert.equal((await api().post(analyst, "/api/setup/content", article(slug()))).statusCode, 403);
    assert.equal((await api().get(analyst, "/api/setup/content")).statusCode, 403);
    const bad = await api().post(editor, "/api/setup/content", {
      ...article(slug()),
      translations: { xx: { title: "x", body: "y" } },
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(
      (await api().post(editor, "/api/setup/content", { ...article(slug()), tags: ["nope"] })).statusCode,
      400,
    );
    const s = slug();
    await create(editor, article(s));
    assert.equal((await api().post(editor, "/api/setup/content", article(s))).statusCode, 409);
  });

  test("the list says which configured languages need a translation", async () => {
    const s = slug();
    const id = await create(editor, article(s));
    const item = (await api().get(editor, "/api/setup/content")).json().items.find((i: { id: string }) => i.id === id);
    const langs = (await publicGet("/api/config")).json().languages.map((l: { code: string }) => l.code);
    assert.deepEqual(
      item.needsTranslation,
      langs.filter((l: string) => l !== "en"),
    );
  });

  test("an announcement's live figure goes through disclosure control: a small count shows no number", async () => {
    const s = slug();
    const year = new Date().getUTCFullYear() - 5;
    const id = await create(admin, {
      kind: "announcement",
      slug: s,
      translations: { en: { title: "What changed", body: "Thanks to your reports." } },
      figure: {
        metric: "reports_resolved",
        from: `${year}-01-01`,
        to: `${year}-12-31`,
        label: { en: "Reports resolved" },
      },
    });
    await api().post(admin, `/api/setup/content/${id}/publication`, {});
    const got: PublicContent = (await publicGet(`/api/content/${s}`)).json();
    assert.equal(got.figure?.label, "Reports resolved");
    assert.equal(got.figure?.value, null, "no reports that year: below the threshold, hidden");
  });

  test("the demo's sample content is published in every demo language, each with its last-reviewed date", async () => {
    const langs: string[] = (await publicGet("/api/config")).json().languages.map((l: { code: string }) => l.code);
    for (const kind of ["rights", "information", "faq", "announcement"]) {
      for (const lang of langs) {
        const items = (await publicGet(`/api/content?kind=${kind}&language=${lang}`)).json().items;
        const demo = items.filter((i: { slug: string }) => !i.slug.startsWith("test-"));
        assert.ok(demo.length >= 1, `${kind} in ${lang}`);
        for (const i of demo) {
          assert.equal(i.language, lang, `${i.slug} is written in ${lang}`);
          assert.ok(i.reviewedAt, `${i.slug} has a review date`);
        }
      }
    }
  });
});
