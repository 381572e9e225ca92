import assert from "node:assert/strict";
import { test } from "node:test";
import {
  catalogueNamespaces,
  expectedKeys,
  flattenCatalogue,
  placeholderProblems,
  pluralFormsOf,
  pluralPart,
  sourceTextFor,
} from "@openclm/contracts/translation-rules";
import { catalogLanguages, machineAssistedLanguages, namespaces } from "./resources.js";

/**
 * Issue 16 item 5: every shipped language (catalogLanguages, so a language added there is covered at once) has the
 * English key set, exactly the plural forms CLDR gives it, and every placeholder of the English text.
 */
async function load(lng: string, ns: string): Promise<Record<string, string>> {
  const mod = (await import(`./locales/${lng}/${ns}.ts`)) as { default: unknown };
  return flattenCatalogue(mod.default);
}

const others = catalogLanguages.filter((l) => l !== "en");

test("the namespaces are the ones the server and the editor know", () => {
  assert.deepEqual([...namespaces], [...catalogueNamespaces]);
  for (const l of machineAssistedLanguages) assert.ok(catalogLanguages.includes(l), `${l} is shipped`);
});

for (const lng of others) {
  test(`${lng}: the same keys as English, plural groups aside`, async () => {
    for (const ns of namespaces) {
      const en = await load("en", ns);
      const mine = await load(lng, ns);
      const pluralBases = new Set(
        Object.keys(en)
          .map(pluralPart)
          .filter((p) => p.form && en[`${p.base}_other`] !== undefined)
          .map((p) => p.base),
      );
      const plain = (keys: string[]) => keys.filter((k) => !pluralBases.has(pluralPart(k).base)).sort();
      assert.deepEqual(plain(Object.keys(mine)), plain(Object.keys(en)), `${lng}/${ns}`);
    }
  });

  test(`${lng}: every plural group has the CLDR forms ${pluralFormsOf(lng).join(", ")}`, async () => {
    for (const ns of namespaces) {
      const en = await load("en", ns);
      const mine = await load(lng, ns);
      const missing = expectedKeys(en, lng).filter((k) => mine[k] === undefined);
      assert.deepEqual(missing, [], `${lng}/${ns}: plural forms or strings missing`);
    }
  });

  test(`${lng}: every placeholder of the English text is kept, none added`, async () => {
    for (const ns of namespaces) {
      const en = await load("en", ns);
      const mine = await load(lng, ns);
      const broken = Object.entries(mine).flatMap(([key, value]) => {
        const source = sourceTextFor(en, key);
        if (source === undefined) return [];
        const p = placeholderProblems(source, value, pluralPart(key).form);
        return p.missing.length || p.unexpected.length ? [`${ns}:${key} ${JSON.stringify(p)}`] : [];
      });
      assert.deepEqual(broken, [], `${lng}/${ns}`);
    }
  });
}

test("English has every plural group complete (one and other)", async () => {
  for (const ns of namespaces) {
    const en = await load("en", ns);
    assert.deepEqual(
      expectedKeys(en, "en").filter((k) => en[k] === undefined),
      [],
      ns,
    );
  }
});
