import { pluralFormsOf } from "@openclm/contracts";
import { eq } from "drizzle-orm";
import type { Db } from "../db/database.js";
import { translationOverrides } from "../platform/platform.schema.js";
import { allLanguages, fallbackChain } from "./languages.service.js";
import { type ShippedNamespace, shippedCatalogues } from "./shipped-catalogues.js";

/**
 * The server's own texts (reporter notices, channel messages and any message it sends itself) from the same
 * catalogues as the web app (ADR 0022): Set-up's overrides, then the shipped strings, along the language's fallback
 * chain, English last. The interpolation and plural rules are i18next's: `{{name}}`, and `key_<CLDR form>` chosen
 * by `count`.
 */
export type CatalogueT = (key: string, vars?: Record<string, string | number>) => string;

/** One namespace in every language at once, answered synchronously (a conversation chooses its language mid-way). */
export type CatalogueTexts = (language: string) => CatalogueT;

export async function catalogueTexts(db: Db, ns: ShippedNamespace): Promise<CatalogueTexts> {
  const [rows, overrides, shipped] = await Promise.all([
    allLanguages(db),
    db.select().from(translationOverrides).where(eq(translationOverrides.namespace, ns)),
    shippedCatalogues(),
  ]);
  const strings = new Map<string, Record<string, string>>();
  const stringsOf = (lng: string) => {
    let own = strings.get(lng);
    if (!own) {
      own = { ...(shipped.get(lng)?.get(ns) ?? {}) };
      for (const o of overrides) if (o.language === lng && o.value !== null) own[o.key] = o.value;
      strings.set(lng, own);
    }
    return own;
  };
  const byLanguage = new Map<string, CatalogueT>();
  return (language) => {
    let t = byLanguage.get(language);
    if (!t) {
      const layers = fallbackChain(language, rows).map((lng) => ({ lng, strings: stringsOf(lng) }));
      t = (key, vars = {}) => lookUp(layers, key, vars);
      byLanguage.set(language, t);
    }
    return t;
  };
}

function lookUp(
  layers: { lng: string; strings: Record<string, string> }[],
  key: string,
  vars: Record<string, string | number>,
): string {
  for (const { lng, strings } of layers) {
    const count = vars.count;
    const form = typeof count === "number" ? new Intl.PluralRules(lng).select(count) : null;
    const text =
      (form && pluralFormsOf(lng).includes(form as never) ? strings[`${key}_${form}`] : undefined) ??
      (typeof count === "number" ? strings[`${key}_other`] : undefined) ??
      strings[key];
    // One pass, so a value that itself holds "{{code}}" (a responder's words) is never filled in.
    if (text !== undefined) return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, name: string) => String(vars[name] ?? m));
  }
  return key;
}

/** One namespace in one language. */
export async function catalogueText(db: Db, language: string, ns: ShippedNamespace): Promise<CatalogueT> {
  return (await catalogueTexts(db, ns))(language);
}
