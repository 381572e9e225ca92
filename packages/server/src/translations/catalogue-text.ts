import { pluralFormsOf } from "@openclm/contracts";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/database.js";
import { translationOverrides } from "../platform/platform.schema.js";
import { allLanguages, fallbackChain } from "./languages.service.js";
import { type ShippedNamespace, shippedStrings } from "./shipped-catalogues.js";

/**
 * The server's own texts (reporter notices and any message it sends itself) from the same catalogues as the web app
 * (ADR 0022): Set-up's overrides, then the shipped strings, along the language's fallback chain, English last. The
 * interpolation and plural rules are i18next's: `{{name}}`, and `key_<CLDR form>` chosen by `count`.
 */
export type CatalogueT = (key: string, vars?: Record<string, string | number>) => string;

export async function catalogueText(db: Db, language: string, ns: ShippedNamespace): Promise<CatalogueT> {
  const chain = fallbackChain(language, await allLanguages(db));
  const overrides = await db
    .select()
    .from(translationOverrides)
    .where(and(eq(translationOverrides.namespace, ns), inArray(translationOverrides.language, chain)));
  const layers = await Promise.all(
    chain.map(async (lng) => {
      const strings = { ...(await shippedStrings(lng, ns)) };
      for (const o of overrides) if (o.language === lng && o.value !== null) strings[o.key] = o.value;
      return { lng, strings };
    }),
  );
  return (key, vars = {}) => {
    for (const { lng, strings } of layers) {
      const count = vars.count;
      const form = typeof count === "number" ? new Intl.PluralRules(lng).select(count) : null;
      const text =
        (form && pluralFormsOf(lng).includes(form as never) ? strings[`${key}_${form}`] : undefined) ??
        (typeof count === "number" ? strings[`${key}_other`] : undefined) ??
        strings[key];
      if (text !== undefined) return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, name: string) => String(vars[name] ?? m));
    }
    return key;
  };
}
