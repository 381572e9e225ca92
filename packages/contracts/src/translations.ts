import { z } from "zod";
import { languageCodeSchema } from "./common.js";

/**
 * Languages as data and the translation editor (issue 16). The pure helpers below are used by the server (checks,
 * PO/XLIFF) and by the web app (the editor asks for the same plural forms the server checks).
 */

/** The catalogue namespaces: one per surface plus `common` (packages/web/src/i18n/resources.ts lists the same). */
export const catalogueNamespaces = ["common", "app", "inbox", "dashboard", "setup", "audit"] as const;
export type CatalogueNamespace = (typeof catalogueNamespaces)[number];
/** Texts that live in the database rather than a catalogue, edited in the same place. */
export const dataNamespaces = ["taxonomy"] as const;
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

/** The interpolation placeholders of a string, the catalogues' syntax: `{{trackingCode}}` → ["trackingCode"]. */
export function placeholdersOf(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(/\{\{\s*([^}\s,]+)[^}]*\}\}/g)) if (m[1]) names.add(m[1]);
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
): { missing: string[]; unexpected: string[] } {
  const want = placeholdersOf(source);
  const have = placeholdersOf(translation);
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

const direction = z.enum(["ltr", "rtl"]);

/** A BCP 47 tag as the platform stores it: language, optional script and region ("uz-Cyrl", "pt-MZ"). */
export const bcp47Schema = z
  .string()
  .trim()
  .regex(/^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$/, "a BCP 47 tag such as ur, pt-MZ or uz-Cyrl");

export const setupLanguageSchema = z.object({
  code: languageCodeSchema,
  name: z.string(),
  dir: direction,
  fallback: languageCodeSchema.nullable(),
  /** The chain a missing string follows, this language first and English last: ["tg", "ru", "en"]. */
  chain: z.array(languageCodeSchema),
  enabled: z.boolean(),
  isDefault: z.boolean(),
  /** The platform ships catalogues for it (otherwise every string starts missing). */
  shipped: z.boolean(),
  /** Its shipped strings were machine-assisted: each needs review until a person confirms it. */
  machineAssisted: z.boolean(),
  pluralForms: z.array(z.enum(pluralCategories)),
});
export type SetupLanguage = z.infer<typeof setupLanguageSchema>;
export const setupLanguageListSchema = z.object({ items: z.array(setupLanguageSchema) });

export const createLanguageBodySchema = z.object({
  code: bcp47Schema,
  /** The language's own name ("اردو", "Тоҷикӣ"), as the switcher shows it. */
  name: z.string().trim().min(1).max(60),
  dir: direction,
  fallback: languageCodeSchema.optional(),
});
export type CreateLanguageInput = z.infer<typeof createLanguageBodySchema>;

export const updateLanguageBodySchema = z
  .object({
    name: z.string().trim().min(1).max(60).optional(),
    dir: direction.optional(),
    fallback: languageCodeSchema.nullable().optional(),
  })
  .strict();
export type UpdateLanguageInput = z.infer<typeof updateLanguageBodySchema>;
export const languageParamSchema = z.object({ code: languageCodeSchema });

export const translationOrigin = z.enum(["override", "shipped", "fallback", "missing"]);

export const translationEntrySchema = z.object({
  key: z.string(),
  /** The default language's text beside it (for a plural form, the matching default form or `_other`). */
  source: z.string(),
  /** What readers of this language see now, fallback included; null when even English has nothing. */
  value: z.string().nullable(),
  origin: translationOrigin,
  /** The language the value comes from (itself, or one along the fallback chain). */
  from: languageCodeSchema.nullable(),
  shipped: z.string().nullable(),
  needsReview: z.boolean(),
  placeholders: z.array(z.string()),
  pluralForm: z.enum(pluralCategories).nullable(),
});
export type TranslationEntry = z.infer<typeof translationEntrySchema>;

export const translationSurfaceQuerySchema = z.object({
  language: languageCodeSchema,
  namespace: z.enum(editorNamespaces),
});
export const translationSurfaceSchema = z.object({
  language: languageCodeSchema,
  namespace: z.enum(editorNamespaces),
  sourceLanguage: languageCodeSchema,
  pluralForms: z.array(z.enum(pluralCategories)),
  items: z.array(translationEntrySchema),
});
export type TranslationSurface = z.infer<typeof translationSurfaceSchema>;

export const completenessSchema = z.object({
  items: z.array(
    z.object({
      language: languageCodeSchema,
      namespace: z.enum(editorNamespaces),
      total: z.number().int(),
      translated: z.number().int(),
      /** Strings readers get from a fallback language instead (never shown as a key). */
      missing: z.number().int(),
      needsReview: z.number().int(),
    }),
  ),
});
export type Completeness = z.infer<typeof completenessSchema>;

export const putTranslationsBodySchema = z.object({
  language: languageCodeSchema,
  namespace: z.enum(editorNamespaces),
  entries: z
    .array(
      z.object({
        key: z.string().min(1).max(200),
        /** The translation; null goes back to the shipped string (or to missing). */
        value: z.string().max(4000).nullable(),
        /** false keeps it flagged "needs review"; default true (a person wrote or confirmed it). */
        reviewed: z.boolean().optional(),
      }),
    )
    .min(1)
    .max(5000),
});
export type PutTranslationsInput = z.infer<typeof putTranslationsBodySchema>;
export const putTranslationsResultSchema = z.object({ changed: z.number().int(), version: z.string() });

export const translationFileFormat = z.enum(["po", "xliff"]);
export const exportTranslationsQuerySchema = z.object({
  language: languageCodeSchema,
  format: translationFileFormat,
});
export const importTranslationsBodySchema = z.object({
  language: languageCodeSchema,
  format: translationFileFormat,
  data: z.string().min(1).max(5_000_000),
  dryRun: z.boolean().optional(),
});
export const importTranslationsResultSchema = z.object({
  changed: z.number().int(),
  unchanged: z.number().int(),
  version: z.string(),
});

/** The overrides a client lays over the shipped catalogues, per namespace (dotted keys), for one language. */
export const translationBundleParamSchema = z.object({ language: languageCodeSchema });
/** `v`: getPublicConfig's translationsVersion; a URL with the current version may be cached for good. */
export const translationBundleQuerySchema = z.object({ v: z.string().max(64).optional() });
export const translationBundleSchema = z.object({
  language: languageCodeSchema,
  version: z.string(),
  namespaces: z.record(z.string(), z.record(z.string(), z.string())),
});
export type TranslationBundle = z.infer<typeof translationBundleSchema>;
