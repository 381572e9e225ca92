import assert from "node:assert/strict";
import { test } from "node:test";
import { DEFAULT_KEY_POPULATIONS, DEFAULT_TAXONOMY, OPTIONAL_LANGUAGES } from "./default-taxonomy.js";
import {
  OPTIONAL_KEY_POPULATION_LABELS,
  OPTIONAL_TAXONOMY_DESCRIPTIONS,
  OPTIONAL_TAXONOMY_LABELS,
  type OptionalText,
  withOptional,
} from "./optional-language-labels.js";

const subcategories = DEFAULT_TAXONOMY.flatMap((c) => c.subcategories);
const labelled = [
  ...DEFAULT_TAXONOMY.map((c) => c.code),
  ...subcategories.map((s) => s.code),
  ...subcategories.flatMap((s) => s.challengeTypes.map((t) => t.code)),
];
const described = [...DEFAULT_TAXONOMY.map((c) => c.code), ...subcategories.map((s) => s.code)];
const codes = OPTIONAL_LANGUAGES.map((l) => l.code).sort();

function checkTable(table: Record<string, OptionalText>, expected: string[], what: string) {
  assert.deepEqual(Object.keys(table).sort(), [...expected].sort(), `${what}: one entry per default code, no other`);
  for (const [code, text] of Object.entries(table)) {
    assert.deepEqual(Object.keys(text).sort(), codes, `${what} ${code}: every optional language`);
    for (const [lang, value] of Object.entries(text)) {
      assert.match(value, /\p{Script=Cyrillic}/u, `${what} ${code} ${lang} is written in Cyrillic`);
      assert.doesNotMatch(value, /suspect|подозр|гумонбар|күдікті/i, `${what} ${code} ${lang}: no "TB suspect"`);
    }
  }
}

test("every default category, subcategory and challenge type has a name in each optional language", () => {
  checkTable(OPTIONAL_TAXONOMY_LABELS, labelled, "label");
});

test("every default category and subcategory has a description in each optional language", () => {
  checkTable(OPTIONAL_TAXONOMY_DESCRIPTIONS, described, "description");
});

test("every default key population has a name in each optional language", () => {
  checkTable(
    OPTIONAL_KEY_POPULATION_LABELS,
    DEFAULT_KEY_POPULATIONS.map((k) => k.code),
    "key population",
  );
});

test("the optional texts are added to the default ones, never replacing them", () => {
  const merged = withOptional({ en: "Stigma", ru: "Стигма" }, OPTIONAL_TAXONOMY_LABELS.stigma);
  assert.equal(merged.en, "Stigma");
  assert.equal(merged.ru, "Стигма");
  assert.equal(merged.uk, "Стигма");
  assert.deepEqual(withOptional({ en: "X" }, undefined), { en: "X" });
});
