/**
 * The rules of translations (issue 16), without zod: the server checks with them and the web app (the editor, the
 * i18n loader) imports them through "@openclm/contracts/translation-rules" so no schema library reaches a bundle.
 */

/**
 * The catalogue namespaces: one per surface plus `common`, and what the server writes itself: `channels` (USSD, SMS
 * and chat texts) and `factsheet` (packages/web/src/i18n/resources.ts lists the same).
 */
export const catalogueNamespaces = [
  "common",
  "app",
  "inbox",
  "dashboard",
  "setup",
  "audit",
  "channels",
  "factsheet",
] as const;
export type CatalogueNamespace = (typeof catalogueNamespaces)[number];
/**
 * Texts that live in the database rather than a catalogue, edited in the same place: the taxonomy's labels, the
 * response protocols' step labels, template titles and template bodies, and published content's titles, summaries
 * and bodies.
 */
export const dataNamespaces = ["taxonomy", "protocols", "content"] as const;
export const editorNamespaces = [...catalogueNamespaces, ...dataNamespaces] as const;
export type EditorNamespace = (typeof editorNamespaces)[number];

export const pluralCategories = ["zero", "one", "two", "few", "many", "other"] as const;
export type PluralCategory = (typeof pluralCategories)[number];

/** The CLDR plural forms of a language (Intl.PluralRules carries CLDR's rules): en → one, other; ru → one, few, many, other. */
export function pluralFormsOf(language: string): PluralCategory[] {
  let cats: string[];
  try {
    cats = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  } catch {
    cats = ["one", "other"];
  }
  return pluralCategories.filter((c) => cats.includes(c));
}

const pluralSuffix = /_(zero|one|two|few|many|other)$/;

/** "items_few" → { base: "items", form: "few" }; a key without a plural suffix → form null. */
export function pluralPart(key: string): { base: string; form: PluralCategory | null } {
  const m = pluralSuffix.exec(key);
  return m ? { base: key.slice(0, m.index), form: m[1] as PluralCategory } : { base: key, form: null };
}

/**
 * How a namespace writes placeholders: the catalogues as i18next does (`{{trackingCode}}`), response protocol
 * templates with single braces (`{trackingCode}`, filled by renderTemplate on the server).
 */
export type PlaceholderSyntax = "catalogue" | "template";

/** The placeholder syntax of an editor namespace. */
export function placeholderSyntaxOf(namespace: string): PlaceholderSyntax {
  return namespace === "protocols" ? "template" : "catalogue";
}

/** Writes a placeholder name back in its syntax: "trackingCode" → `{{trackingCode}}` or `{trackingCode}`. */
export function placeholderText(name: string, syntax: PlaceholderSyntax = "catalogue"): string {
  return syntax === "template" ? `{${name}}` : `{{${name}}}`;
}

/** The interpolation placeholders of a string: `{{trackingCode}}` (or `{trackingCode}` in a template) → ["trackingCode"]. */
export function placeholdersOf(text: string, syntax: PlaceholderSyntax = "catalogue"): string[] {
  const names = new Set<string>();
  const pattern = syntax === "template" ? /\{(\w+)\}/g : /\{\{\s*([^}\s,]+)[^}]*\}\}/g;
  for (const m of text.matchAll(pattern)) if (m[1]) names.add(m[1]);
  return [...names].sort();
}

/**
 * What a translation of `source` may not do: drop one of its placeholders or add one it does not have. In a plural
 * form that names an exact number (zero, one, two) the count may be written out ("Une tentative"), so `count` may be
 * left out there. Returns the problems; empty when the translation is fine.
 */
export function placeholderProblems(
  source: string,
  translation: string,
  form: PluralCategory | null = null,
  syntax: PlaceholderSyntax = "catalogue",
): { missing: string[]; unexpected: string[] } {
  const want = placeholdersOf(source, syntax);
  const have = placeholdersOf(translation, syntax);
  const countOptional = form === "zero" || form === "one" || form === "two";
  const missing = want.filter((p) => !have.includes(p) && !(countOptional && p === "count"));
  const allowed = new Set(form ? [...want, "count"] : want);
  return { missing, unexpected: have.filter((p) => !allowed.has(p)) };
}

/** A nested catalogue as dotted keys: { a: { b: "x" } } → { "a.b": "x" }. */
export function flattenCatalogue(catalogue: unknown, prefix = "", out: Record<string, string> = {}) {
  if (typeof catalogue === "string") out[prefix] = catalogue;
  else if (catalogue && typeof catalogue === "object") {
    for (const [k, v] of Object.entries(catalogue)) flattenCatalogue(v, prefix ? `${prefix}.${k}` : k, out);
  }
  return out;
}

/** Dotted keys back into the nested shape i18next reads. */
export function unflattenCatalogue(flat: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(flat)) {
    const parts = key.split(".");
    let node = out;
    for (const part of parts.slice(0, -1)) {
      const next = node[part];
      if (!next || typeof next !== "object") node[part] = {};
      node = node[part] as Record<string, unknown>;
    }
    node[parts.at(-1) as string] = value;
  }
  return out;
}

/**
 * The keys a language needs: every key of the source (English) catalogue, with each plural group (`x_one`, `x_other`)
 * replaced by exactly the forms the language has (`x_one`, `x_few`, `x_many`, `x_other` in Russian).
 */
export function expectedKeys(source: Record<string, string>, language: string): string[] {
  const forms = pluralFormsOf(language);
  const keys = new Set<string>();
  for (const key of Object.keys(source)) {
    const { base, form } = pluralPart(key);
    if (form && source[`${base}_other`] !== undefined) for (const f of forms) keys.add(`${base}_${f}`);
    else keys.add(key);
  }
  return [...keys];
}

/** The source text a key is translated from: the same key, or for a plural form English's `_one`/`_other`. */
export function sourceTextFor(source: Record<string, string>, key: string): string | undefined {
  if (source[key] !== undefined) return source[key];
  const { base, form } = pluralPart(key);
  return form ? source[`${base}_other`] : undefined;
}
