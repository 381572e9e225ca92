import assert from "node:assert/strict";
import crypto from "node:crypto";
import { after, before, describe, test } from "node:test";
import type { ContentSuggestion, PublicContent, PublicContentItem } from "@openclm/contracts";
import sharp from "sharp";
import { staffCalls, submitReport } from "../testing/inbox-fixtures.js";
import { account, signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";

/**
 * Issue 15, the rest of items 2 and 4: images uploaded to the platform (checked, re-encoded without metadata, served
 * with safe headers, alt text required), announcements meant for districts, and announcements suggested from
 * resolved reports' published figures.
 */
describe("content: images, announcements for districts, suggested announcements", () => {
  let t: TestApp;
  let editor: string;
  let admin: string;
  let dm: string;
  let responder: string;
  let district: string;
  const api = () => staffCalls(t);
  const upload = (payload: Record<string, unknown>, cookie = editor) =>
    api().post(cookie, "/api/setup/content/images", payload);
  const slug = (s: string) => `${s}-${crypto.randomUUID().slice(0, 8)}`;
  const publish = async (id: string) => {
    const res = await api().post(admin, `/api/setup/content/${id}/publication`, {});
    assert.equal(res.statusCode, 200, res.body);
  };

  /** A photo as phones make them: a JPEG wider than the platform keeps, with EXIF naming the camera and a position. */
  const photo = () =>
    sharp({ create: { width: 2400, height: 1200, channels: 3, background: { r: 200, g: 120, b: 40 } } })
      .jpeg()
      .withExif({
        IFD0: { Make: "PhoneMaker", Model: "Model X", Artist: "Jane Doe" },
        IFD3: { GPSLatitudeRef: "N", GPSLatitude: "12/1 30/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "45/1 0/1 0/1" },
      })
      .toBuffer();

  before(async () => {
    t = await createTestApp();
    editor = await signInAs(t.app, account(t.demoAccounts, "content_editor"));
    admin = await signInAs(t.app, account(t.demoAccounts, "country_admin"));
    dm = await signInAs(t.app, account(t.demoAccounts, "data_manager"));
    const fr = account(t.demoAccounts, "first_responder", 0);
    responder = await signInAs(t.app, fr);
    district = fr.scope.districtIds[0]!;
  });
  after(async () => t.close());

  test("an uploaded photo is re-encoded without its EXIF position and served by the platform with safe headers", async () => {
    const original = await photo();
    assert.ok((await sharp(original).metadata()).exif, "the upload carries EXIF");
    const res = await upload({ data: original.toString("base64"), alt: "A clinic's waiting room" });
    assert.equal(res.statusCode, 201, res.body);
    const image = res.json();
    assert.match(image.url, /^\/api\/content\/images\/[0-9a-f-]{36}$/);
    assert.equal(image.width, 1600, "narrowed to 1600 px");
    assert.equal(image.markdown, `![A clinic's waiting room](${image.url})`);

    // Not yet in published content: its editors see it.
    const served = await api().get(editor, image.url);
    assert.equal(served.statusCode, 200);
    assert.equal(served.headers["content-type"], "image/webp");
    assert.equal(served.headers["x-content-type-options"], "nosniff");
    assert.match(String(served.headers["content-security-policy"]), /default-src 'none'/);
    const meta = await sharp(served.rawPayload).metadata();
    assert.equal(meta.format, "webp");
    assert.equal(meta.exif, undefined, "no EXIF (no GPS, no camera, no name)");
    assert.equal(meta.xmp, undefined);
    assert.ok(
      !served.rawPayload.includes(Buffer.from("Jane Doe")) && !served.rawPayload.includes(Buffer.from("PhoneMaker")),
    );
    const again = await t.app.inject({
      method: "GET",
      url: image.url,
      headers: { cookie: editor, "if-none-match": served.headers.etag },
    });
    assert.equal(again.statusCode, 304);
    assert.equal(
      (await t.app.inject({ method: "GET", url: `/api/content/images/${crypto.randomUUID()}` })).statusCode,
      404,
    );

    // The same photo twice is stored once.
    const second = await upload({ data: original.toString("base64"), alt: "Again" });
    assert.equal(second.json().id, image.id);
  });

  test("a draft's image answers 404 to the public and to staff without content rights until the draft is published", async () => {
    const png = await sharp({ create: { width: 30, height: 20, channels: 3, background: "#c40" } })
      .png()
      .toBuffer();
    const image = (await upload({ data: png.toString("base64"), alt: "An orange box" })).json();
    const s = slug("draft-image");
    const created = await api().post(editor, "/api/setup/content", {
      kind: "rights",
      slug: s,
      translations: { en: { title: "Draft with an image", body: `Soon.\n\n${image.markdown}` } },
    });
    assert.equal(created.statusCode, 201, created.body);
    const id: string = created.json().id;
    const analyst = await signInAs(t.app, account(t.demoAccounts, "analyst"));
    const status = async (cookie?: string) =>
      (await t.app.inject({ method: "GET", url: image.url, headers: cookie ? { cookie } : {} })).statusCode;
    const expectHidden = async (when: string) => {
      assert.equal(await status(), 404, `anonymous, ${when}`);
      assert.equal(await status(analyst), 404, `staff without content rights, ${when}`);
      assert.equal(await status(dm), 404, `data manager, ${when}`);
      const editorSees = await api().get(editor, image.url);
      assert.equal(editorSees.statusCode, 200, `the editor, ${when}`);
      assert.equal(editorSees.headers["cache-control"], "private, no-store", "no cache keeps a draft's image");
    };
    await expectHidden("in a draft");
    assert.equal((await api().post(editor, `/api/setup/content/${id}/submission`, {})).statusCode, 200);
    await expectHidden("in review");
    const later = new Date(Date.now() + 3_600_000).toISOString();
    assert.equal(
      (await api().post(admin, `/api/setup/content/${id}/publication`, { publishAt: later })).statusCode,
      200,
    );
    await expectHidden("scheduled for later");

    await publish(id);
    const open = await t.app.inject({ method: "GET", url: image.url });
    assert.equal(open.statusCode, 200, "public once published");
    assert.equal(open.headers["cache-control"], "public, max-age=31536000, immutable");
    assert.equal(open.headers["content-type"], "image/webp");
    assert.equal(await status(analyst), 200);

    // An edit that drops the image keeps it public while the published copy shows it; unpublishing hides it again.
    const edited = await api().patch(editor, `/api/setup/content/${id}`, {
      translations: { en: { title: "Draft with an image", body: "No image now." } },
    });
    assert.equal(edited.statusCode, 200, edited.body);
    assert.equal(await status(), 200, "readers still see the published copy and its image");
    assert.equal((await api().del(admin, `/api/setup/content/${id}/publication`)).statusCode, 200);
    assert.equal(await status(), 404, "unpublished: hidden again");
    assert.equal((await api().get(editor, image.url)).statusCode, 200);
  });

  test("only JPEG, PNG and WebP by their first bytes, at most 5 MB, with alt text; a refused upload stores nothing", async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>');
    const html = Buffer.from("<html><script>alert(1)</script></html>");
    for (const bytes of [svg, html, Buffer.from("GIF89a......")]) {
      const res = await upload({ data: bytes.toString("base64"), alt: "x" });
      assert.equal(res.statusCode, 415, res.body);
      assert.equal(res.json().error.code, "UNSUPPORTED_MEDIA_TYPE");
    }
    // A JPEG's first bytes followed by nothing an image decoder can read.
    const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from("<script>alert(1)</script>")]);
    assert.equal((await upload({ data: fake.toString("base64"), alt: "x" })).statusCode, 415);
    const png = await sharp({ create: { width: 20, height: 20, channels: 4, background: "#fff" } })
      .png()
      .toBuffer();
    const noAlt = await upload({ data: png.toString("base64"), alt: "  " });
    assert.equal(noAlt.statusCode, 400);
    const big = Buffer.alloc(5 * 1024 * 1024 + 10, 1);
    big.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const tooBig = await upload({ data: big.toString("base64"), alt: "x" });
    assert.equal(tooBig.statusCode, 413);
    const analyst = await signInAs(t.app, account(t.demoAccounts, "analyst"));
    assert.equal((await upload({ data: png.toString("base64"), alt: "x" }, analyst)).statusCode, 403);
  });

  test("an article shows the platform's own images with their alt text; images without alt text or from elsewhere are refused", async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#08f" } })
      .png()
      .toBuffer();
    const image = (await upload({ data: png.toString("base64"), alt: "A blue square" })).json();
    const s = slug("with-image");
    const created = await api().post(editor, "/api/setup/content", {
      kind: "information",
      slug: s,
      translations: { en: { title: "With an image", body: `Before.\n\n${image.markdown}\n\nAfter.` } },
    });
    assert.equal(created.statusCode, 201, created.body);
    await publish(created.json().id);
    const got: PublicContent = (await t.app.inject({ method: "GET", url: `/api/content/${s}` })).json();
    assert.match(got.bodyHtml, new RegExp(`<img src="${image.url}" alt="A blue square" loading="lazy"`));

    for (const body of [`![](${image.url})`, "![A photo](https://tracker.example/pixel.png)", "![x](/api/reports)"]) {
      const res = await api().post(editor, "/api/setup/content", {
        kind: "information",
        slug: slug("bad-image"),
        translations: { en: { title: "Bad image", body } },
      });
      assert.equal(res.statusCode, 400, body);
      assert.equal(res.json().error.details[0].path, "translations.en.body");
    }
  });

  test("an announcement meant for a district carries it to readers, who can put their district's first", async () => {
    const s = slug("for-district");
    const res = await api().post(editor, "/api/setup/content", {
      kind: "announcement",
      slug: s,
      translations: { en: { title: "New clinic hours here", body: "Open on Saturdays." } },
      areaIds: [district],
    });
    assert.equal(res.statusCode, 201, res.body);
    const detail = (await api().get(editor, `/api/setup/content/${res.json().id}`)).json();
    assert.deepEqual(detail.areaIds, [district]);
    await publish(res.json().id);
    const items: PublicContentItem[] = (
      await t.app.inject({ method: "GET", url: "/api/content?kind=announcement&language=en" })
    ).json().items;
    assert.deepEqual(items.find((i) => i.slug === s)?.areaIds, [district]);

    const unknown = await api().post(editor, "/api/setup/content", {
      kind: "announcement",
      slug: slug("nowhere"),
      translations: { en: { title: "Nowhere", body: "x" } },
      areaIds: [crypto.randomUUID()],
    });
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.json().error.code, "UNKNOWN_AREA");
  });

  test("resolved reports suggest an announcement with a published figure and no personal data; drafting it takes it off the list", async () => {
    const description = `Private words ${crypto.randomUUID()}`;
    const consent = { contactMe: false, shareDeidentified: true, useInAdvocacyStories: false };
    for (let i = 0; i < 30; i++) {
      const { id } = await submitReport(t, district, { consent, description, contact: { phone: "+15550001234" } });
      assert.equal(
        (await api().post(dm, `/api/inbox/reports/${id}/decision`, { decision: "validate" })).statusCode,
        200,
      );
      await api().post(responder, `/api/inbox/reports/${id}/take`, {});
      const done = await api().post(responder, `/api/inbox/reports/${id}/status`, {
        status: "resolved",
        outcome: "service_provided",
      });
      assert.equal(done.statusCode, 200, done.body);
    }
    const key = (s: ContentSuggestion) =>
      s.districtId === district && s.subcategoryCode === "health_services.availability";
    // Demoland's own resolved reports may come first: drafting them (as an editor would) makes room.
    let ours: ContentSuggestion | undefined;
    for (let round = 0; round < 12 && !ours; round++) {
      const res = await api().get(editor, "/api/setup/content/suggestions");
      assert.equal(res.statusCode, 200, res.body);
      assert.ok(!res.body.includes(description) && !res.body.includes("5550001234"), "nothing a person wrote or gave");
      const items: ContentSuggestion[] = res.json().items;
      ours = items.find(key);
      if (!ours)
        for (const s of items) assert.equal((await api().post(editor, "/api/setup/content", s.draft)).statusCode, 201);
    }
    assert.ok(ours, "the district's resolved reports are suggested");
    assert.ok(ours.resolved >= 25, `published figure ${ours.resolved} for 30 or more resolved reports`);
    assert.deepEqual(ours.draft.areaIds, [district]);
    assert.equal(ours.draft.figure?.districtId, district);
    assert.ok(ours.draft.translations.en && ours.draft.translations.fr, "drafted in the country's languages");

    const created = await api().post(editor, "/api/setup/content", ours.draft);
    assert.equal(created.statusCode, 201, created.body);
    await publish(created.json().id);
    const got: PublicContent = (
      await t.app.inject({ method: "GET", url: `/api/content/${ours.draft.slug}?language=en` })
    ).json();
    assert.equal(got.figure?.value, ours.resolved, "readers see the same published figure");
    const after: ContentSuggestion[] = (await api().get(editor, "/api/setup/content/suggestions")).json().items;
    assert.ok(!after.some(key), "a suggestion already drafted is not offered again");
  });
});
