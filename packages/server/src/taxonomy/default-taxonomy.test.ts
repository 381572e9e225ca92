import assert from "node:assert/strict";
import { test } from "node:test";
import { PRODUCT_TAXONOMY } from "../testing/product-taxonomy.js";
import { DEFAULT_LANGUAGE_CODES, DEFAULT_LANGUAGES, DEFAULT_TAXONOMY, type DefaultText } from "./default-taxonomy.js";

const allSubcategories = DEFAULT_TAXONOMY.flatMap((c) => c.subcategories);
const allChallengeTypes = allSubcategories.flatMap((s) => s.challengeTypes);

function assertTranslated(text: DefaultText, where: string): void {
  assert.deepEqual(Object.keys(text).sort(), [...DEFAULT_LANGUAGE_CODES].sort(), `${where}: languages`);
  for (const lang of DEFAULT_LANGUAGE_CODES) {
    const value = text[lang];
    assert.ok(value.trim().length > 0, `${where}: empty ${lang}`);
    assert.equal(value, value.trim(), `${where}: stray spaces in ${lang}`);
  }
  // Russian must really be Russian, not an untranslated copy of the English.
  assert.match(text.ru, /[а-яё]/i, `${where}: ru is not in Cyrillic`);
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

test("every label and description exists in English, French, Russian and Portuguese", () => {
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
    for (const lang of DEFAULT_LANGUAGE_CODES) {
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
    ],
  );
  assert.deepEqual(
    DEFAULT_LANGUAGES.filter((l) => l.isDefault).map((l) => l.code),
    ["en"],
  );
  assert.ok(DEFAULT_LANGUAGES.every((l) => l.dir === "ltr"));
  assert.deepEqual(
    DEFAULT_LANGUAGES.map((l) => l.sort),
    [0, 1, 2, 3],
  );
});
