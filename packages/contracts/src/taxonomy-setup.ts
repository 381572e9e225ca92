import { z } from "zod";
import { languageCodeSchema, taxonomyCodeSchema } from "./common.js";
import { TAXONOMY_IMPORT_MAX_BYTES, taxonomyKinds } from "./constants.js";

/**
 * Set-up of the challenge taxonomy and the key-population list (issue 13 item 5, PRODUCT.md §7). Codes are stable
 * identifiers: one code names one item across all four lists, and a code that a report uses never changes.
 */

export const taxonomyKindSchema = z.enum(taxonomyKinds);

/** A label in each language it is written in; blank labels are refused (leave the language out instead). */
export const taxonomyLabelsSchema = z.record(languageCodeSchema, z.string().trim().min(1).max(200));

export const taxonomyItemCodeSchema = taxonomyCodeSchema.max(80);

/**
 * `createTaxonomyItem`: `parentCode` null makes a category (or a key population with `list: "key_populations"`), a
 * category's code makes a subcategory, a subcategory's code a challenge type. It goes last among its siblings unless
 * `order` (0-based position) says otherwise.
 */
export const createTaxonomyItemBodySchema = z
  .object({
    parentCode: taxonomyItemCodeSchema.nullable(),
    code: taxonomyItemCodeSchema,
    labels: taxonomyLabelsSchema,
    descriptions: taxonomyLabelsSchema.optional(),
    list: z.enum(["challenges", "key_populations"]).default("challenges"),
    order: z.number().int().min(0).max(10_000).optional(),
  })
  .strict();
export type CreateTaxonomyItemBody = z.input<typeof createTaxonomyItemBodySchema>;
export type CreateTaxonomyItemInput = z.output<typeof createTaxonomyItemBodySchema>;

/**
 * `updateTaxonomyItem` (path `code`): labels given replace those languages (others stay); `active: false` retires the
 * item (hidden from new reports, still named in old ones), `true` restores it; `order` moves it among its siblings;
 * `code` corrects a code that no report uses yet (409 `CODE_IN_USE` otherwise).
 */
export const updateTaxonomyItemBodySchema = z
  .object({
    labels: taxonomyLabelsSchema.optional(),
    descriptions: taxonomyLabelsSchema.optional(),
    active: z.boolean().optional(),
    order: z.number().int().min(0).max(10_000).optional(),
    code: taxonomyItemCodeSchema.optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: "name at least one change" });
export type UpdateTaxonomyItemBody = z.infer<typeof updateTaxonomyItemBodySchema>;

export const taxonomyCodeParamSchema = z.object({ code: taxonomyItemCodeSchema });

/** One item as Set-up shows it: every label, whether it is offered, and whether a report uses its code. */
export const setupTaxonomyItemSchema = z.object({
  kind: taxonomyKindSchema,
  code: z.string(),
  parentCode: z.string().nullable(),
  labels: z.record(z.string(), z.string()),
  descriptions: z.record(z.string(), z.string()),
  active: z.boolean(),
  order: z.number().int(),
  inUse: z.boolean(),
});
export type SetupTaxonomyItem = z.infer<typeof setupTaxonomyItemSchema>;

/** `getSetupTaxonomy`: every item, retired ones too, in display order (parents before their children). */
export const setupTaxonomySchema = z.object({
  languages: z.array(z.object({ code: z.string(), name: z.string(), isDefault: z.boolean() })),
  items: z.array(setupTaxonomyItemSchema),
});
export type SetupTaxonomy = z.infer<typeof setupTaxonomySchema>;

export const taxonomyImportProblems = [
  "file",
  "columns",
  "list_name",
  "code",
  "duplicate_code",
  "unknown_parent",
  "missing_label",
  "code_in_use",
  "retired",
  "order",
] as const;
export type TaxonomyImportProblemKind = (typeof taxonomyImportProblems)[number];

/** One problem of a spreadsheet: the sheet and its row as the spreadsheet program numbers it (the header is row 1). */
export const taxonomyImportProblemSchema = z.object({
  sheet: z.string(),
  row: z.number().int(),
  column: z.string().optional(),
  problem: z.enum(taxonomyImportProblems),
  message: z.string(),
});
export type TaxonomyImportProblem = z.infer<typeof taxonomyImportProblemSchema>;

/** `importTaxonomy`: the .xlsx file in base64 (docs/taxonomy-spreadsheet.md). */
export const importTaxonomyBodySchema = z.object({
  format: z.literal("xlsx"),
  data: z.base64().max(Math.ceil((TAXONOMY_IMPORT_MAX_BYTES * 4) / 3) + 4),
  dryRun: z.boolean().optional(),
});
export type ImportTaxonomyBody = z.infer<typeof importTaxonomyBodySchema>;

export const importTaxonomyResultSchema = z.object({
  dryRun: z.boolean(),
  created: z.number().int(),
  updated: z.number().int(),
  retired: z.number().int(),
  removed: z.number().int(),
});
export type ImportTaxonomyResult = z.infer<typeof importTaxonomyResultSchema>;
