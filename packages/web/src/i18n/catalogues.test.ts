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
 * English key set, exactly the plural forms CLDR gives it, and every placeholder of the English text. A
 * machine-assisted catalogue (machineAssistedLanguages) may lack strings English gained after it was written (they
 * are read along the language's fallback chain): for it the test asks for no key English lacks, complete plural
 * groups where a group is there, intact placeholders, and prints how many strings are missing.
 */
async function load(lng: string, ns: string): Promise<Record<string, string>> {
  const mod = (await import(`./locales/${lng}/${ns}.ts`)) as { default: unknown };
  return flattenCatalogue(mod.default);
}

const others = catalogLanguages.filter((l) => l !== "en");
const isMachineAssisted = (lng: string) => (machineAssistedLanguages as readonly string[]).includes(lng);

test("the namespaces are the ones the server and the editor know", () => {
  assert.deepEqual([...namespaces], [...catalogueNamespaces]);
  for (const l of machineAssistedLanguages) assert.ok(catalogLanguages.includes(l), `${l} is shipped`);
});

for (const lng of others) {
  if (isMachineAssisted(lng)) {
    test(`${lng} (machine-assisted): no key English lacks, plural groups complete where present`, async () => {
      let missingCount = 0;
      for (const ns of namespaces) {
        const en = await load("en", ns);
        const mine = await load(lng, ns);
        const expected = expectedKeys(en, lng);
        const known = new Set(expected);
        const extra = Object.keys(mine).filter((k) => !known.has(k));
        assert.deepEqual(extra, [], `${lng}/${ns}: keys English does not have (or plural forms CLDR does not give)`);
        const present = new Set(Object.keys(mine).map((k) => pluralPart(k).base));
        const partialPlurals = expected.filter((k) => {
          const p = pluralPart(k);
          return p.form && present.has(p.base) && mine[k] === undefined && en[`${p.base}_other`] !== undefined;
        });
        assert.deepEqual(partialPlurals, [], `${lng}/${ns}: a plural group lacks CLDR forms`);
        missingCount += expected.filter((k) => mine[k] === undefined).length;
      }
      console.log(`${lng}: ${missingCount} strings missing, read along the fallback chain`);
    });
  } else {
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
  }

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
