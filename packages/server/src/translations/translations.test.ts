import assert from "node:assert/strict";
import crypto from "node:crypto";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import { reviewPackStrings } from "../advocacy/review-pack.strings.js";
import { loadChannelTexts } from "../channels/conversation-texts.js";
import { factsheetStrings } from "../factsheet/factsheet.strings.js";
import { trackingCodeHash } from "../reports/tracking-code.js";
import { UssdPhone } from "../testing/channel-driver.js";
import { staffCalls } from "../testing/inbox-fixtures.js";
import { account, signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";

// Issue 16: languages are data, translated in Set-up's editor, exported and imported as PO and XLIFF 2.

let t: TestApp;
let admin: string;
let api: ReturnType<typeof staffCalls>;

before(async () => {
  t = await createTestApp();
  api = staffCalls(t);
  admin = await signInAs(t.app, account(t.demoAccounts, "country_admin"));
});
after(async () => t.close());

const put = (payload: unknown) =>
  t.app.inject({
    method: "PUT",
    url: "/api/setup/translations",
    headers: { cookie: admin },
    payload: payload as object,
  });
type Entry = { key: string; value: string | null; origin: string; from: string | null; needsReview: boolean };
const surface = async (language: string, namespace: string) =>
  (await api.get(admin, `/api/setup/translations?language=${language}&namespace=${namespace}`)).json() as {
    pluralForms: string[];
    items: Entry[];
  };
const exported = async (language: string, format: "po" | "xliff") =>
  (await api.get(admin, `/api/setup/translations/export?language=${language}&format=${format}`)).body;

test("an administrator adds a language; it is offered at once, with its direction and fallback chain", async () => {
  const made = await api.post(admin, "/api/setup/languages", { code: "ur", name: "اردو", dir: "rtl" });
  assert.equal(made.statusCode, 201, made.body);
  assert.deepEqual(made.json().chain, ["ur", "en"]);
  assert.deepEqual(made.json().pluralForms, ["one", "other"]);
  const tg = await api.post(admin, "/api/setup/languages", {
    code: "ky",
    name: "Кыргызча",
    dir: "ltr",
    fallback: "ru",
  });
  assert.deepEqual(tg.json().chain, ["ky", "ru", "en"]);
  const config = (await t.app.inject({ method: "GET", url: "/api/config?lang=ur" })).json();
  assert.equal(config.language, "ur");
  const ur = config.languages.find((l: { code: string }) => l.code === "ur");
  assert.deepEqual(ur, { code: "ur", name: "اردو", dir: "rtl", isDefault: false, fallbacks: ["en"] });
  const audit = await t.database.rows(sql`SELECT 1 FROM audit_events WHERE action = 'language.create'`);
  assert.equal(audit.length, 2);
});

test("bad tags, duplicates and fallback cycles are refused and change nothing", async () => {
  for (const code of ["english", "EN", "ur_PK", "x"]) {
    const res = await api.post(admin, "/api/setup/languages", { code, name: "x", dir: "ltr" });
    assert.equal(res.statusCode, 400, code);
  }
  assert.equal((await api.post(admin, "/api/setup/languages", { code: "ur", name: "x", dir: "rtl" })).statusCode, 409);
  const unknownFallback = await api.post(admin, "/api/setup/languages", {
    code: "uz",
    name: "Oʻzbekcha",
    dir: "ltr",
    fallback: "zz",
  });
  assert.equal(unknownFallback.statusCode, 400);
  // ru → ky would close the circle ky → ru → ky.
  const cycle = await api.patch(admin, "/api/setup/languages/ru", { fallback: "ky" });
  assert.equal(cycle.statusCode, 400, cycle.body);
  const ru = (await api.get(admin, "/api/setup/languages")).json().items.find((l: { code: string }) => l.code === "ru");
  assert.equal(ru.fallback, null);
});

test("a new language starts missing: strings fall back along the chain and are counted", async () => {
  const tg = await surface("ky", "app");
  const entry = tg.items.find((i) => i.origin === "fallback");
  assert.ok(entry, "strings come from the fallback");
  assert.equal(entry.from, "ru");
  const completeness = (await api.get(admin, "/api/setup/translations/completeness")).json().items as {
    language: string;
    namespace: string;
    total: number;
    missing: number;
  }[];
  const row = completeness.find((c) => c.language === "ky" && c.namespace === "app");
  assert.ok(row && row.total > 0 && row.missing === row.total);
  assert.deepEqual((await surface("ru", "common")).pluralForms, ["one", "few", "many", "other"]);
});

test("a translation that drops a placeholder ({{code}}) is refused with PLACEHOLDER_MISMATCH; a good one is served", async () => {
  const src = (await surface("ur", "inbox")).items.find((i) => i.value === "Merge this report into {{code}}");
  assert.ok(src, "the inbox catalogue has a string with {{code}}");
  const bad = await put({ language: "ur", namespace: "inbox", entries: [{ key: src.key, value: "کوڈ محفوظ کریں" }] });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.code, "PLACEHOLDER_MISMATCH");
  assert.equal(bad.json().error.details[0].missing[0], "code");
  const unknown = await put({ language: "ur", namespace: "inbox", entries: [{ key: "no.such.key", value: "x" }] });
  assert.equal(unknown.json().error.code, "VALIDATION_FAILED");

  const good = await put({
    language: "ur",
    namespace: "inbox",
    entries: [{ key: src.key, value: "اس رپورٹ کو {{code}} میں ضم کریں" }],
  });
  assert.equal(good.statusCode, 200, good.body);
  assert.equal(good.json().changed, 1);
  const config = (await t.app.inject({ method: "GET", url: "/api/config" })).json();
  assert.equal(config.translationsVersion, good.json().version);
  const bundle = await t.app.inject({ method: "GET", url: `/api/i18n/ur?v=${good.json().version}` });
  assert.equal(bundle.json().namespaces.inbox[src.key], "اس رپورٹ کو {{code}} میں ضم کریں");
  assert.match(String(bundle.headers["cache-control"]), /immutable/);
  const after = (await surface("ur", "inbox")).items.find((i) => i.key === src.key);
  assert.equal(after?.origin, "override");
});

test("the editor asks for exactly the plural forms of the language", async () => {
  const ru = await surface("ru", "common");
  const keys = ru.items.map((i) => i.key).filter((k) => k.startsWith("staff.securityNotice.failed_"));
  assert.deepEqual(keys.sort(), [
    "staff.securityNotice.failed_few",
    "staff.securityNotice.failed_many",
    "staff.securityNotice.failed_one",
    "staff.securityNotice.failed_other",
  ]);
  // Arabic has all six forms; a form English lacks is still checked against English's `other`.
  await api.post(admin, "/api/setup/languages", { code: "ar", name: "العربية", dir: "rtl" });
  const ar = await surface("ar", "common");
  assert.deepEqual(ar.pluralForms, ["zero", "one", "two", "few", "many", "other"]);
  const refused = await put({
    language: "ar",
    namespace: "common",
    entries: [{ key: "staff.securityNotice.failed_few", value: "محاولات فاشلة" }],
  });
  assert.equal(refused.json().error.code, "PLACEHOLDER_MISMATCH");
});

test("a taxonomy label is translated in the same editor and reaches getPublicConfig", async () => {
  const taxonomy = await surface("ur", "taxonomy");
  const item = taxonomy.items[0];
  assert.ok(item);
  const res = await put({ language: "ur", namespace: "taxonomy", entries: [{ key: item.key, value: "علاج" }] });
  assert.equal(res.statusCode, 200, res.body);
  const config = (await t.app.inject({ method: "GET", url: "/api/config?lang=ur" })).json();
  const labels = JSON.stringify(config.taxonomy);
  assert.ok(labels.includes("علاج"));
});

for (const format of ["po", "xliff"] as const) {
  test(`a ${format} export imported back changes nothing, and a translator's edit comes in`, async () => {
    const first = await exported("ur", format);
    const back = await api.post(admin, "/api/setup/translations/import", { language: "ur", format, data: first });
    assert.equal(back.statusCode, 200, back.body);
    assert.equal(back.json().changed, 0);
    assert.equal(await exported("ur", format), first);

    // A translator fills in one string (the XML and PO escaping must survive quotes and angle brackets).
    const value = `« کلیک » <b>"ہاں"</b>`;
    const filled =
      format === "po"
        ? first.replace(
            /msgctxt "common:retry"\nmsgid "Try again"\nmsgstr ""/,
            `msgctxt "common:retry"\nmsgid "Try again"\nmsgstr ${JSON.stringify(value)}`,
          )
        : first.replace(
            /(<unit id="retry">\s*<segment state=")initial(">\s*<source[^>]*>Try again<\/source>\s*<target xml:space="preserve">)(<\/target>)/,
            `$1final$2${value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")}$3`,
          );
    assert.notEqual(filled, first);
    const imported = await api.post(admin, "/api/setup/translations/import", { language: "ur", format, data: filled });
    assert.equal(imported.json().changed, 1, imported.body);
    assert.equal((await surface("ur", "common")).items.find((i) => i.key === "retry")?.value, value);
    await put({ language: "ur", namespace: "common", entries: [{ key: "retry", value: null }] });
  });
}

test("an import that breaks a placeholder anywhere is refused whole", async () => {
  const po = await exported("ur", "po");
  const broken = po.replace('msgstr "اس رپورٹ کو {{code}} میں ضم کریں"', 'msgstr "ضم کریں"');
  assert.notEqual(broken, po);
  const res = await api.post(admin, "/api/setup/translations/import", { language: "ur", format: "po", data: broken });
  assert.equal(res.json().error.code, "PLACEHOLDER_MISMATCH");
  const wrongLanguage = await api.post(admin, "/api/setup/translations/import", {
    language: "ky",
    format: "po",
    data: po,
  });
  assert.equal(wrongLanguage.statusCode, 400);
});

test("the server's own notices read the same catalogue: Set-up's words, else the fallback chain", async () => {
  const { reporterNotice } = await import("../notifications/reporter-notifications.js");
  const event = { kind: "update" as const, toStatus: "resolved" };
  const opts = { code: "K7QM-P2XA", channel: "push" as const, includeContent: false };
  // ky (added above) falls back to Russian, the shipped catalogue.
  const ky = await reporterNotice(t.database.db, event, { ...opts, language: "ky" });
  assert.equal(ky.title, "Новое сообщение");
  const saved = await put({
    language: "ky",
    namespace: "common",
    entries: [{ key: "notices.update", value: "Сиздин {{ref}} кайрылууңуз боюнча жаңылык бар." }],
  });
  assert.equal(saved.statusCode, 200, saved.body);
  const after = await reporterNotice(t.database.db, event, { ...opts, language: "ky" });
  assert.ok(after.body.startsWith("Сиздин K7QM-···· кайрылууңуз боюнча жаңылык бар. "), after.body);

  // The messages written in the reporter's conversation (accepted, resolved, declined per reason) too.
  const thread = await import("../inbox/reporter-notices.js");
  assert.match(await thread.reporterNotice(t.database.db, "declined", "ky", "duplicate"), /У нас уже есть обращение/);
  const declined = await put({
    language: "ky",
    namespace: "channels",
    entries: [{ key: "thread.declined.duplicate", value: "Бул маселе боюнча кайрылуу бизде бар." }],
  });
  assert.equal(declined.statusCode, 200, declined.body);
  assert.equal(
    await thread.reporterNotice(t.database.db, "declined", "ky", "duplicate"),
    "Бул маселе боюнча кайрылуу бизде бар.",
  );
  assert.match(await thread.reporterNotice(t.database.db, "declined", "ky", "made-up"), /Спасибо за ваше обращение/);
});

test("channel texts are in the editor and the files: a translator's words reach a USSD screen; a missing one falls back", async () => {
  let sessions = 0;
  /** Dials, chooses Kyrgyz, and answers the first question's screen. */
  const inKyrgyz = async () => {
    const phone = new UssdPhone(t.app, `lang16-${++sessions}`);
    await phone.dial();
    return phone.choose((l) => l === "Кыргызча", "Kyrgyz");
  };
  // ky (added above) has no channel texts of its own: Russian, its fallback, speaks.
  assert.match(await inKyrgyz(), /^CON Что случилось\?/);
  const category = (await surface("ky", "channels")).items.find((i) => i.key === "category");
  assert.deepEqual([category?.origin, category?.from], ["fallback", "ru"]);

  // A translator fills in two channel texts in the PO file; the import brings them to the next session.
  const po = await exported("ky", "po");
  const filled = po
    .replace(/(msgctxt "channels:category"\nmsgid "What happened\?"\nmsgstr )""/, '$1"Эмне болду?"')
    .replace(/(msgctxt "channels:done"\nmsgid "[^"]+"\nmsgstr )""/, '$1"Рахмат. Кодуңуз: {{code}}."');
  assert.notEqual(filled, po);
  const imported = await api.post(admin, "/api/setup/translations/import", {
    language: "ky",
    format: "po",
    data: filled,
  });
  assert.equal(imported.json().changed, 2, imported.body);
  assert.match(await inKyrgyz(), /^CON Эмне болду\?/);
  const text = await loadChannelTexts(t.database.db);
  assert.equal(text("done", "ky", { code: "K7QM-3XPA" }), "Рахмат. Кодуңуз: K7QM-3XPA.");
  // Strings still missing keep falling back; and a channel text without its {{code}} is refused like any other.
  assert.equal(text("yesterday", "ky"), "Вчера");
  const dropped = await put({ language: "ky", namespace: "channels", entries: [{ key: "done", value: "Рахмат." }] });
  assert.equal(dropped.json().error.code, "PLACEHOLDER_MISMATCH");
  assert.equal(text("done", "ky", { code: "K7QM-3XPA" }), "Рахмат. Кодуңуз: K7QM-3XPA.");
});

test("the factsheet's words are in the editor too: Set-up's translation, else the fallback chain", async () => {
  assert.equal((await factsheetStrings(t.database.db, "ky")).title, "Информационный бюллетень");
  const saved = await put({
    language: "ky",
    namespace: "factsheet",
    entries: [{ key: "generated", value: "Түзүлгөн күнү {{when}}" }],
  });
  assert.equal(saved.statusCode, 200, saved.body);
  const ky = await factsheetStrings(t.database.db, "ky");
  assert.equal(ky.generated("2026-12-04"), "Түзүлгөн күнү 2026-12-04");
  assert.equal(ky.metrics.reports_total, (await factsheetStrings(t.database.db, "ru")).metrics.reports_total);
  // A metric has one name: the dashboard's, so renaming it in Set-up renames it in the factsheet too.
  const renamed = await put({
    language: "ky",
    namespace: "dashboard",
    entries: [{ key: "metrics.reports_total", value: "Келген кайрылуулар" }],
  });
  assert.equal(renamed.statusCode, 200, renamed.body);
  assert.equal((await factsheetStrings(t.database.db, "ky")).metrics.reports_total, "Келген кайрылуулар");
});

test("the review pack's own words are in the catalogue too: shipped in every language, translated in Set-up", async () => {
  assert.equal((await reviewPackStrings(t.database.db, "km")).statuses.in_dialogue, "កំពុងសន្ទនា");
  assert.equal(
    (await reviewPackStrings(t.database.db, "uk")).hidden(5),
    "– : менше ніж 5 звернень, приховано для захисту людей, які повідомили.",
  );
  // Kyrgyz has no review pack of its own: it reads Russian (ky → ru → en) until Set-up translates it.
  assert.equal((await reviewPackStrings(t.database.db, "ky")).title, "Квартальный обзор");
  const dropped = await put({
    language: "ky",
    namespace: "factsheet",
    entries: [{ key: "review.hidden", value: "– : жашырылган." }],
  });
  assert.equal(dropped.json().error.code, "PLACEHOLDER_MISMATCH");
  const saved = await put({
    language: "ky",
    namespace: "factsheet",
    entries: [{ key: "review.title", value: "Чейректик сереп" }],
  });
  assert.equal(saved.statusCode, 200, saved.body);
  const ky = await reviewPackStrings(t.database.db, "ky");
  assert.equal(ky.title, "Чейректик сереп");
  assert.equal(ky.trendText("3", "1"), "3 → 1");
});

describe("response protocols are a data part of the editor, written through the protocol", () => {
  const stepKey = "rights.health.steps.contact_reporter";
  const bodyKey = "rights.health.templates.introduce.body";
  let dmCookie: string | undefined;
  /** A data manager of the report's region reads its protocol (a country administrator has no inbox). */
  const dm = async () => {
    dmCookie ??= await signInAs(t.app, account(t.demoAccounts, "data_manager"));
    return dmCookie;
  };
  const labelKey = "rights.health.templates.introduce.label";
  /** A report in Kyrgyz (ky, added above, falls back to Russian) and its protocol as a Kyrgyz-speaking responder reads it. */
  const kyProtocol = async () => {
    const districtId = account(t.demoAccounts, "first_responder", 0).scope.districtIds[0];
    const made = await t.app.inject({
      method: "POST",
      url: "/api/reports",
      payload: {
        clientId: crypto.randomUUID(),
        channel: "app",
        reporterMode: "self",
        categoryCode: "rights",
        subcategoryCode: "rights.health",
        districtId,
        language: "ky",
      },
    });
    assert.equal(made.statusCode, 201, made.body);
    const code = made.json().trackingCode as string;
    const [row] = await t.database.rows<{ id: string }>(
      sql`SELECT id FROM reports WHERE tracking_code_hash = ${trackingCodeHash(t.cipher, code)}`,
    );
    const res = await t.app.inject({
      method: "GET",
      url: `/api/inbox/reports/${row?.id}/protocol`,
      headers: { cookie: await dm(), "accept-language": "ky" },
    });
    assert.equal(res.statusCode, 200, res.body);
    const protocol = res.json() as {
      steps: { code: string; label: string }[];
      templates: { code: string; label: string; language: string; body: string }[];
    };
    return { code, protocol, introduce: protocol.templates.find((x) => x.code === "introduce") };
  };

  test("the editor lists a protocol's step, template title and body, the default language's text as the source", async () => {
    const ur = await surface("ur", "protocols");
    const items = ur.items as (Entry & { source: string; placeholders: string[] })[];
    const step = items.find((i) => i.key === stepKey);
    assert.equal(step?.source, "Contact the reporter and confirm what happened");
    assert.deepEqual([step?.origin, step?.from], ["fallback", "en"]);
    assert.equal(items.find((i) => i.key === labelKey)?.source, "Introduce yourself");
    const body = items.find((i) => i.key === bodyKey);
    assert.ok(body?.source.includes("{trackingCode}"));
    assert.deepEqual(body?.placeholders, ["trackingCode"]);
    const fr = (await surface("fr", "protocols")).items.find((i) => i.key === stepKey);
    assert.deepEqual([fr?.origin, fr?.value], ["shipped", "Contacter la personne et confirmer ce qui s'est passé"]);
  });

  test("a missing translation falls back along the chain; the editor's words reach the responder's protocol", async () => {
    const before = await kyProtocol();
    // Kyrgyz has no protocol texts: Russian, its fallback, is shown to the responder and offered for the reporter.
    assert.equal(before.protocol.steps[0]?.label, "Связаться с заявителем и уточнить, что произошло");
    assert.equal(before.introduce?.language, "ru");
    assert.ok(before.introduce?.body.startsWith("Здравствуйте") && before.introduce.body.includes(before.code));

    // A body that drops {trackingCode} is refused; nothing changes.
    const dropped = await put({ language: "ky", namespace: "protocols", entries: [{ key: bodyKey, value: "Салам." }] });
    assert.equal(dropped.json().error.code, "PLACEHOLDER_MISMATCH");
    assert.match(dropped.json().error.message, /\{trackingCode\} is missing/);
    const unknown = await put({
      language: "ky",
      namespace: "protocols",
      entries: [{ key: "rights.health.steps.x", value: "x" }],
    });
    assert.equal(unknown.json().error.code, "VALIDATION_FAILED");

    const saved = await put({
      language: "ky",
      namespace: "protocols",
      entries: [
        { key: stepKey, value: "Арыз ээси менен байланышып, эмне болгонун тактоо" },
        { key: labelKey, value: "Өзүңүздү тааныштырыңыз" },
      ],
    });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.equal(saved.json().changed, 2);
    const after = await kyProtocol();
    assert.equal(after.protocol.steps[0]?.label, "Арыз ээси менен байланышып, эмне болгонун тактоо");
    assert.equal(after.introduce?.label, "Өзүңүздү тааныштырыңыз");
    assert.equal(after.introduce?.language, "ru", "the body is still Russian");
    // Written on the protocol itself, through its update path: Set-up's protocol editor shows it; audited once.
    const setup = (await api.get(admin, "/api/setup/protocols"))
      .json()
      .items.find((p: { subcategoryCode: string }) => p.subcategoryCode === "rights.health");
    assert.equal(setup.steps[0].labels.ky, "Арыз ээси менен байланышып, эмне болгонун тактоо");
    const audits = await t.database.rows(
      sql`SELECT details FROM audit_events WHERE action = 'protocol.update' AND entity_id = 'rights.health'`,
    );
    assert.equal(audits.length, 1);
    assert.equal((audits[0] as { details: { language: string } }).details.language, "ky");
    const overrides = await t.database.rows(sql`SELECT 1 FROM translation_overrides WHERE namespace = 'protocols'`);
    assert.equal(overrides.length, 0, "no second storage");
  });

  test("a PO export, a translator's edit to a template and the import change the template", async () => {
    const po = await exported("ky", "po");
    const ctx = /(msgctxt "protocols:rights\.health\.templates\.introduce\.body"\nmsgid "[^\n]*"\nmsgstr )""/;
    assert.match(po, ctx);
    const filled = po.replace(ctx, '$1"Саламатсызбы, мен сиздин {trackingCode} кайрылууңуз менен иштейм."');
    const imported = await api.post(admin, "/api/setup/translations/import", {
      language: "ky",
      format: "po",
      data: filled,
    });
    assert.equal(imported.statusCode, 200, imported.body);
    assert.equal(imported.json().changed, 1);
    const { code, introduce } = await kyProtocol();
    assert.equal(introduce?.language, "ky");
    assert.equal(introduce?.body, `Саламатсызбы, мен сиздин ${code} кайрылууңуз менен иштейм.`);
    // The file now carries the translation and imports back without changes.
    const again = await exported("ky", "po");
    const back = await api.post(admin, "/api/setup/translations/import", { language: "ky", format: "po", data: again });
    assert.equal(back.json().changed, 0);
  });
});

test("published content is a data part of the editor: a save edits the working copy as the content editor does", async () => {
  const items = (await api.get(admin, "/api/setup/content")).json().items as {
    id: string;
    slug: string;
    live: boolean;
    status: string;
  }[];
  const item = items.find((i) => i.live && i.status === "published");
  assert.ok(item, "the demo has published content");
  const before = (await api.get(admin, `/api/setup/content/${item.id}`)).json();
  const ky = await surface("ky", "content");
  const title = ky.items.find((i) => i.key === `${item.slug}.title`);
  assert.ok(title, "the item's title is listed");
  assert.equal(title.origin, "fallback", "Kyrgyz has no text of its own: the chain's (Russian) is shown");
  assert.equal(title.value, before.translations.ru.title);
  const counted = (await api.get(admin, "/api/setup/translations/completeness")).json().items as {
    language: string;
    namespace: string;
    total: number;
    missing: number;
  }[];
  const row = counted.find((c) => c.language === "ky" && c.namespace === "content");
  assert.ok(row && row.total > 0 && row.missing === row.total, "completeness counts content, all missing in Kyrgyz");

  // A new language needs the title and the body together; a title alone is refused and changes nothing.
  const half = await put({
    language: "ky",
    namespace: "content",
    entries: [{ key: `${item.slug}.title`, value: "Укуктар" }],
  });
  assert.equal(half.statusCode, 400, half.body);
  assert.equal((await api.get(admin, `/api/setup/content/${item.id}`)).json().version, before.version);

  const saved = await put({
    language: "ky",
    namespace: "content",
    entries: [
      { key: `${item.slug}.title`, value: "Укуктарыңыз" },
      { key: `${item.slug}.body`, value: "Сиз дарыланууга укуктуусуз." },
    ],
  });
  assert.equal(saved.statusCode, 200, saved.body);
  assert.equal(saved.json().changed, 2);
  const after = (await api.get(admin, `/api/setup/content/${item.id}`)).json();
  assert.equal(after.translations.ky.title, "Укуктарыңыз", "the working copy has the translation");
  assert.equal(after.status, "draft", "as in the content editor, an edit goes back to draft for review");
  assert.equal(after.live, true);
  // Readers keep the published copy until the next publication.
  const reader = (await t.app.inject({ method: "GET", url: `/api/content/${item.slug}?language=ky` })).json();
  assert.notEqual(reader.title, "Укуктарыңыз");
  const audited = await t.database.rows(
    sql`SELECT 1 FROM audit_events WHERE action = 'content.update' AND entity_id = ${item.id}`,
  );
  assert.equal(audited.length, 1, "audited as a content change");
  const mine = (await surface("ky", "content")).items.find((i) => i.key === `${item.slug}.title`);
  assert.equal(mine?.value, "Укуктарыңыз", "the editor shows Kyrgyz's own text now");
  assert.equal(mine?.from, "ky");
  const published = await t.app.inject({
    method: "POST",
    url: `/api/setup/content/${item.id}/publication`,
    headers: { cookie: admin },
    payload: {},
  });
  assert.equal(published.statusCode, 200, published.body);
  const live = (await t.app.inject({ method: "GET", url: `/api/content/${item.slug}?language=ky` })).json();
  assert.equal(live.title, "Укуктарыңыз", "published, readers get it");
});
