import assert from "node:assert/strict";
import { test } from "node:test";
import { PRODUCT_TAXONOMY } from "../testing/product-taxonomy.js";
import {
  DEFAULT_KEY_POPULATIONS,
  DEFAULT_LANGUAGES,
  DEFAULT_TAXONOMY,
  TAXONOMY_LANGUAGE_CODES,
  type TaxonomyText,
} from "./default-taxonomy.js";

const allSubcategories = DEFAULT_TAXONOMY.flatMap((c) => c.subcategories);
const allChallengeTypes = allSubcategories.flatMap((s) => s.challengeTypes);

function assertTranslated(text: TaxonomyText, where: string): void {
  assert.deepEqual(Object.keys(text).sort(), [...TAXONOMY_LANGUAGE_CODES].sort(), `${where}: languages`);
  for (const lang of TAXONOMY_LANGUAGE_CODES) {
    const value = text[lang];
    assert.ok(value.trim().length > 0, `${where}: empty ${lang}`);
    assert.equal(value, value.trim(), `${where}: stray spaces in ${lang}`);
  }
  // Russian must really be Russian, not an untranslated copy of the English.
  assert.match(text.ru, /[а-яё]/i, `${where}: ru is not in Cyrillic`);
  assert.match(text.km, /[\u1780-\u17ff]/, `${where}: km is not in Khmer script`);
  for (const lang of ["tg", "uk", "kk"] as const) {
    assert.match(text[lang], /\p{Script=Cyrillic}/u, `${where}: ${lang} is not in Cyrillic`);
    assert.doesNotMatch(text[lang], /suspect|подозр|гумонбар|күдікті/i, `${where}: ${lang} says "TB suspect"`);
  }
}

test("categories and subcategories match PRODUCT.md 3.1 exactly, in order", () => {
  const actual = Object.fromEntries(DEFAULT_TAXONOMY.map((c) => [c.code, c.subcategories.map((s) => s.code)]));
  assert.deepEqual(actual, PRODUCT_TAXONOMY);
  assert.deepEqual(
    DEFAULT_TAXONOMY.map((c) => c.code),
    Object.keys(PRODUCT_TAXONOMY),
  );
});

test("every category has an icon", () => {
  for (const c of DEFAULT_TAXONOMY) assert.match(c.icon, /^[a-z][a-z0-9_-]*$/, c.code);
});

test("each subcategory offers 3 to 6 challenge types", () => {
  for (const s of allSubcategories) {
    assert.ok(s.challengeTypes.length >= 3 && s.challengeTypes.length <= 6, `${s.code}: ${s.challengeTypes.length}`);
  }
});

test("challenge-type codes are snake_case and unique across the whole taxonomy", () => {
  const codes = allChallengeTypes.map((t) => t.code);
  for (const code of codes) assert.match(code, /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/, code);
  assert.equal(new Set(codes).size, codes.length, "duplicate challenge-type code");
  const subCodes = new Set(allSubcategories.map((s) => s.code));
  for (const code of codes) assert.ok(!subCodes.has(code), `${code} collides with a subcategory`);
});

test("the examples named in PRODUCT.md are offered", () => {
  const labels = allChallengeTypes.map((t) => t.labels.en.toLowerCase());
  for (const phrase of [
    "pay for tb medicines",
    "no tb medicines in stock",
    "transport too expensive",
    "side effects not managed",
    "family members not screened",
    "lost my job because of tb",
    "disclosed without consent",
  ]) {
    assert.ok(
      labels.some((l) => l.includes(phrase)),
      `missing "${phrase}"`,
    );
  }
});

test("every label and description exists in every shipped language, key populations too", () => {
  for (const k of DEFAULT_KEY_POPULATIONS) assertTranslated(k.labels, `key population ${k.code}`);
  for (const c of DEFAULT_TAXONOMY) {
    assertTranslated(c.labels, `${c.code} label`);
    assertTranslated(c.descriptions, `${c.code} description`);
    for (const s of c.subcategories) {
      assertTranslated(s.labels, `${s.code} label`);
      assertTranslated(s.descriptions, `${s.code} description`);
      for (const t of s.challengeTypes) assertTranslated(t.labels, t.code);
    }
  }
});

test("no two challenge types of a subcategory read the same in any language", () => {
  for (const s of allSubcategories) {
    for (const lang of TAXONOMY_LANGUAGE_CODES) {
      const labels = s.challengeTypes.map((t) => t.labels[lang]);
      assert.equal(new Set(labels).size, labels.length, `${s.code} (${lang})`);
    }
  }
});

test("default languages: English is the one default, all left-to-right, in a stable order", () => {
  assert.deepEqual(
    DEFAULT_LANGUAGES.map((l) => [l.code, l.name]),
    [
      ["en", "English"],
      ["fr", "Français"],
      ["ru", "Русский"],
      ["pt", "Português"],
      ["id", "Bahasa Indonesia"],
      ["sw", "Kiswahili"],
      ["km", "ខ្មែរ"],
      ["tg", "Тоҷикӣ"],
      ["uk", "Українська"],
      ["kk", "Қазақша"],
    ],
  );
  // The machine-assisted languages are there to be offered, not offered until an administrator chooses them.
  assert.deepEqual(
    DEFAULT_LANGUAGES.filter((l) => l.enabled).map((l) => l.code),
    ["en", "fr", "ru", "pt"],
  );
  assert.deepEqual(
    DEFAULT_LANGUAGES.filter((l) => l.isDefault).map((l) => l.code),
    ["en"],
  );
  assert.ok(DEFAULT_LANGUAGES.every((l) => l.dir === "ltr"));
  assert.deepEqual(
    DEFAULT_LANGUAGES.map((l) => l.sort),
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  );
});

test("the per-language taxonomy files hold no code the taxonomy does not have", async () => {
  const { taxonomyId } = await import("./default-taxonomy-id.js");
  const { taxonomySw } = await import("./default-taxonomy-sw.js");
  const { taxonomyKm } = await import("./default-taxonomy-km.js");
  const { taxonomyTg } = await import("./default-taxonomy-tg.js");
  const { taxonomyUk } = await import("./default-taxonomy-uk.js");
  const { taxonomyKk } = await import("./default-taxonomy-kk.js");
  const labelled = new Set([
    ...DEFAULT_TAXONOMY.map((c) => c.code),
    ...allSubcategories.map((s) => s.code),
    ...allChallengeTypes.map((t) => t.code),
  ]);
  const described = new Set([...DEFAULT_TAXONOMY.map((c) => c.code), ...allSubcategories.map((s) => s.code)]);
  const populations = new Set(DEFAULT_KEY_POPULATIONS.map((k) => k.code));
  for (const [lang, tr] of Object.entries({
    id: taxonomyId,
    sw: taxonomySw,
    km: taxonomyKm,
    tg: taxonomyTg,
    uk: taxonomyUk,
    kk: taxonomyKk,
  })) {
    for (const code of Object.keys(tr.labels)) assert.ok(labelled.has(code), `${lang} label ${code}`);
    for (const code of Object.keys(tr.descriptions)) assert.ok(described.has(code), `${lang} description ${code}`);
    for (const code of Object.keys(tr.keyPopulations))
      assert.ok(populations.has(code), `${lang} key population ${code}`);
  }
});
