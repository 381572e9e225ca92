import { z } from "zod";
import { languageCodeSchema, uuidSchema } from "./common.js";
import { modulesSchema, publicBrandingSchema } from "./country.js";
import { reportQuestionsSettingSchema } from "./settings.js";

export const healthSchema = z.object({
  status: z.literal("ok"),
  database: z.enum(["pglite", "postgres"]),
  /** Only for signed-in staff: the exact release helps an attacker pick known flaws. */
  version: z.string().optional(),
});
export type Health = z.infer<typeof healthSchema>;

export const languageSchema = z.object({
  code: languageCodeSchema,
  name: z.string(),
  dir: z.enum(["ltr", "rtl"]),
  isDefault: z.boolean(),
  /** Where a string missing in this language is looked up, in order, English last: tg → ["ru", "en"]. */
  fallbacks: z.array(languageCodeSchema),
});

export const challengeTypeSchema = z.object({ code: z.string(), label: z.string() });
export const subcategorySchema = z.object({
  code: z.string(),
  label: z.string(),
  description: z.string(),
  challengeTypes: z.array(challengeTypeSchema),
});
export const categorySchema = z.object({
  code: z.string(),
  label: z.string(),
  description: z.string(),
  icon: z.string(),
  subcategories: z.array(subcategorySchema),
});
export type Category = z.infer<typeof categorySchema>;

export const publicAreaSchema = z.object({
  id: uuidSchema,
  parentId: uuidSchema.nullable(),
  level: z.number().int().min(0),
  code: z.string(),
  name: z.string(),
  isLeaf: z.boolean(),
});
export type PublicArea = z.infer<typeof publicAreaSchema>;

export const publicConfigQuerySchema = z.object({ lang: languageCodeSchema.optional() });

export const publicConfigSchema = z.object({
  platformName: z.string(),
  country: z.object({ code: z.string(), name: z.string() }),
  language: languageCodeSchema,
  languages: z.array(languageSchema),
  taxonomy: z.array(categorySchema),
  areas: z.array(publicAreaSchema),
  levels: z.array(z.string()),
  demo: z.boolean(),
  /** How the community app treats a sent report on the device (setting `device`, settings.ts). */
  device: z.object({ keepReportsByDefault: z.boolean() }),
  /** Parts of the community app the country has switched on; the app hides the others. */
  modules: modulesSchema,
  /** The country's colours and logo (served by the platform itself, no CDN). */
  branding: publicBrandingSchema,
  /** The country's time zone (IANA), for dates shown to people. */
  timeZone: z.string(),
  /** The key populations a reporter may choose, in order, in the caller's language (retired ones are left out). */
  keyPopulations: z.array(challengeTypeSchema),
  /**
   * Categories, subcategories, challenge types and key populations no longer offered (retired, or under a retired
   * parent), with their label: old reports still name them.
   */
  retired: z.array(challengeTypeSchema),
  /** Which optional questions the report flow asks (setting `reportQuestions`). */
  questions: reportQuestionsSettingSchema,
  /** Near Me's basemap (setting `mapTiles`): null draws the country's own boundaries only, nothing from elsewhere. */
  map: z.object({ tileUrl: z.string().nullable(), attribution: z.string() }),
  /**
   * The version of the translations written in Set-up (getTranslationBundle): a client holding another version
   * fetches the bundle again, so an installed PWA picks up a change on its next start.
   */
  translationsVersion: z.string(),
  /** The installation's VAPID public key (base64url) for web push subscriptions. */
  webPushPublicKey: z.string(),
});
export type PublicConfig = z.infer<typeof publicConfigSchema>;
