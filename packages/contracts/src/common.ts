import { z } from "zod";

/** Language tags we accept: BCP 47 primary tag with an optional region ("en", "pt-MZ"). */
export const languageCodeSchema = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, "a language tag such as en or pt-MZ");

/** Stable taxonomy code: lower-case words joined by underscores, optionally dotted ("stigma.self"). */
export const taxonomyCodeSchema = z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/);

/** A name or label in several languages: { en: "…", fr: "…" }. */
export const localizedTextSchema = z.record(languageCodeSchema, z.string());
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export const uuidSchema = z.uuid();

/** Opaque pagination cursor: clients pass back what the server gave them. */
export const cursorSchema = z.string().max(512);
