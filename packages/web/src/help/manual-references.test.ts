import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { flattenCatalogue } from "@openclm/contracts/translation-rules";
import { type CatalogLanguage, catalogLanguages, namespaces, shippedFallbacks } from "../i18n/resources.js";
import { helpTargets } from "../shared/help-links.js";

/**
 * Issue 25: the manuals (docs/manual/<lang>/*.md) must not go stale. They name screen elements as `[[label]]`, in the
 * manual's language; every label must still be a string of that language's catalogue, so renaming or removing a
 * button, heading or field the manuals name fails here until the manual is changed too. The pictures they show must
 * exist, and every section the app's Help links open (shared/help-links.ts) must be in every language's manual.
 */
const manualDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../docs/manual");

const languages = fs
  .readdirSync(manualDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && /^[a-z]{2,3}$/.test(d.name))
  .map((d) => d.name);
const manualsOf = (lang: string) =>
  fs
    .readdirSync(path.join(manualDir, lang))
    .filter((f) => f.endsWith(".md"))
    .sort();
const read = (lang: string, file: string) => fs.readFileSync(path.join(manualDir, lang, file), "utf8");

/** Spaces as a reader sees them: a no-break or narrow space (French "?") is a space. */
const spaces = (s: string) => s.replace(/\s+/gu, " ");

async function flatCatalogue(lang: string, ns: string): Promise<Record<string, string>> {
  const mod = (await import(`../i18n/locales/${lang}/${ns}.ts`)) as { default: unknown };
  return flattenCatalogue(mod.default);
}

/**
 * Every string a screen shows in a language, all namespaces; placeholders left as they are. A machine-assisted
 * catalogue may lack a string: the screen then shows its shipped fallback's (Russian for Kazakh and Tajik) or
 * English's, so the manual names that, and the test fails once the string is translated.
 */
async function catalogueStrings(lang: string): Promise<Set<string>> {
  const strings = new Set<string>();
  const chain = [lang, shippedFallbacks[lang as CatalogLanguage], "en"].filter((l): l is string => Boolean(l));
  for (const ns of namespaces) {
    const catalogues = await Promise.all([...new Set(chain)].map((l) => flatCatalogue(l, ns)));
    for (const key of new Set(catalogues.flatMap((c) => Object.keys(c)))) {
      const value = catalogues.map((c) => c[key]).find((v) => v !== undefined);
      strings.add(spaces(String(value)));
    }
  }
  return strings;
}

test("manuals are written in English and at least one other language, each language with every manual", () => {
  assert.ok(languages.includes("en"));
  assert.ok(languages.length >= 2, `languages: ${languages.join(", ")}`);
  for (const lang of languages) assert.deepEqual(manualsOf(lang), manualsOf("en"), `${lang}: the same manuals`);
});

for (const lang of languages) {
  test(`${lang}: every screen element a manual names is on a screen of that language`, async () => {
    assert.ok((catalogLanguages as readonly string[]).includes(lang), `${lang} has no interface catalogue`);
    const strings = await catalogueStrings(lang);
    const missing: string[] = [];
    let count = 0;
    for (const file of manualsOf(lang)) {
      for (const m of read(lang, file).matchAll(/\[\[([^\]\n]+)\]\]/g)) {
        count++;
        if (!strings.has(spaces(m[1] ?? ""))) missing.push(`${file}: [[${m[1]}]]`);
      }
    }
    assert.ok(count > 50, `${lang}: the manuals mark their screen elements (${count} found)`);
    assert.deepEqual(missing, [], `${lang}: labels no longer in the ${lang} catalogue (renamed or removed?)`);
  });

  test(`${lang}: every picture a manual shows exists`, () => {
    const missing: string[] = [];
    for (const file of manualsOf(lang)) {
      for (const m of read(lang, file).matchAll(/!\[[^\]]*\]\(screens\/([a-z0-9-]+\.png)\)/g)) {
        const own = path.join(manualDir, "screens", lang, m[1] ?? "");
        const english = path.join(manualDir, "screens", "en", m[1] ?? "");
        if (!fs.existsSync(own) && !fs.existsSync(english)) missing.push(`${file}: ${m[1]}`);
      }
    }
    assert.deepEqual(missing, [], `${lang}: run npm run docs:screens`);
  });

  test(`${lang}: every section the app's Help links open is in the manual`, () => {
    const anchors = new Map(
      manualsOf(lang).map((f) => [
        f.replace(/\.md$/, ""),
        new Set([...read(lang, f).matchAll(/^#{2,3} .*\{#([a-z0-9-]+)\}\s*$/gm)].map((m) => m[1])),
      ]),
    );
    const broken = helpTargets.filter((t) => !anchors.get(t.manual)?.has(t.section));
    assert.deepEqual(broken, [], `${lang}: Help links to sections that do not exist`);
  });
}
