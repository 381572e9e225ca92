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

/**
 * Every id the API takes or gives: a uuid, in lower case as the database writes it. Clients may send upper case
 * (Swift's `UUID().uuidString` does); normalising here, at the contract, means an id compares equal everywhere after.
 */
export const uuidSchema = z.uuid().toLowerCase();

/** Opaque pagination cursor: clients pass back what the server gave them. */
export const cursorSchema = z.string().max(512);
