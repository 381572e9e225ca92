import { z } from "zod";
import { languageCodeSchema } from "./common.js";

/**
 * Languages as data and the translation editor (issue 16). The pure helpers below are used by the server (checks,
 * PO/XLIFF) and by the web app (the editor asks for the same plural forms the server checks).
 */

import { editorNamespaces, pluralCategories } from "./translation-rules.js";

export * from "./translation-rules.js";

const direction = z.enum(["ltr", "rtl"]);

/** A BCP 47 tag as the platform stores it: a language and at most one script or region ("uz-Cyrl", "pt-MZ"). */
export const bcp47Schema = z
  .string()
  .trim()
  .regex(/^[a-z]{2,3}(-([A-Z][a-z]{3}|[A-Z]{2}|[0-9]{3}))?$/, "a BCP 47 tag such as ur, pt-MZ or uz-Cyrl");

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
