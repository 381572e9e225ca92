import { z } from "zod";
import { languageCodeSchema, localizedTextSchema } from "./common.js";
import { setupStepIds } from "./constants.js";

export const modulesSchema = z.object({
  rights: z.boolean(),
  information: z.boolean(),
  nearMe: z.boolean(),
  forum: z.boolean(),
});
export type Modules = z.infer<typeof modulesSchema>;

/** `#rrggbb`, lower case. */
export const hexColourSchema = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, "a colour such as #0b5c66")
  .toLowerCase();

/**
 * The country's colours. `brand` colours buttons (white text on it) and links, `brandStrong` their pressed and
 * hovered state; `brandTint` (derived by the server) is the pale background of highlighted panels.
 */
export const brandColoursSchema = z.object({ brand: hexColourSchema, brandStrong: hexColourSchema });
export const publicBrandingSchema = z.object({
  colours: brandColoursSchema.extend({ brandTint: hexColourSchema }),
  /** Where the platform serves the uploaded logo (changes with the image), or null. */
  logoUrl: z.string().nullable(),
});
export type PublicBranding = z.infer<typeof publicBrandingSchema>;

/** A time zone of the IANA database ("Africa/Maputo"). */
export const timeZoneSchema = z.string().min(1).max(64);
/** ISO 3166-1 alpha-2 code of the country; it also picks the phone numbering plan. */
export const countryCodeSchema = z
  .string()
  .regex(/^[A-Za-z]{2}$/, "two letters, such as MZ")
  .toUpperCase();

export const countryProfileSchema = z.object({
  /** The country's name per language. */
  names: localizedTextSchema,
  code: z.string(),
  /** The phone numbering plan's country calling code ("+258"); null when the code names no known plan. */
  callingCode: z.string().nullable(),
  timeZone: z.string(),
  defaultLanguage: languageCodeSchema,
  offeredLanguages: z.array(languageCodeSchema),
  /** Every configured language, offered or not: the ones the profile may offer. */
  configuredLanguages: z.array(z.object({ code: languageCodeSchema, name: z.string(), dir: z.enum(["ltr", "rtl"]) })),
  platformName: z.string(),
  colours: publicBrandingSchema.shape.colours,
  logo: z.object({ url: z.string(), contentType: z.string(), bytes: z.number().int() }).nullable(),
  modules: modulesSchema,
  /** When an administrator last saved the profile; null before the first time. */
  updatedAt: z.string().nullable(),
});
export type CountryProfile = z.infer<typeof countryProfileSchema>;

export const updateCountryProfileBodySchema = z
  .object({
    names: z.record(languageCodeSchema, z.string().trim().min(1).max(120)),
    code: countryCodeSchema,
    timeZone: timeZoneSchema,
    defaultLanguage: languageCodeSchema,
    offeredLanguages: z.array(languageCodeSchema).min(1).max(50),
    platformName: z.string().trim().min(1).max(60),
    colours: brandColoursSchema,
    modules: modulesSchema.partial(),
  })
  .partial()
  .strict();
export type UpdateCountryProfileInput = z.infer<typeof updateCountryProfileBodySchema>;

/** The set-up checklist: what a country has done of what it needs before reports can flow. */
export const setupChecklistSchema = z.object({
  steps: z.array(
    z.object({
      id: z.enum(setupStepIds),
      done: z.boolean(),
      /** Counts behind `done`, for the sentence shown beside the step ({ areas: 12 }, { dataManagers: 0 } …). */
      counts: z.record(z.string(), z.number().int()),
    }),
  ),
  /** Every step done. */
  complete: z.boolean(),
});
export type SetupChecklist = z.infer<typeof setupChecklistSchema>;
