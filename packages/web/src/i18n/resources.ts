import type app from "./locales/en/app.js";
import type audit from "./locales/en/audit.js";
import type common from "./locales/en/common.js";
import type dashboard from "./locales/en/dashboard.js";
import type inbox from "./locales/en/inbox.js";
import type setup from "./locales/en/setup.js";

/** One namespace per surface, plus `common` for the shell. English is the source every other catalog follows. */
export const namespaces = ["common", "app", "inbox", "dashboard", "setup", "audit"] as const;
export type Namespace = (typeof namespaces)[number];

export interface SourceResources {
  common: typeof common;
  app: typeof app;
  inbox: typeof inbox;
  dashboard: typeof dashboard;
  setup: typeof setup;
  audit: typeof audit;
}

/** Languages with UI catalogs. The server may offer more; those fall back to English for the UI text. */
export const catalogLanguages = ["en", "fr", "ru", "pt"] as const;
export type CatalogLanguage = (typeof catalogLanguages)[number];

/**
 * Shipped languages whose strings were machine-assisted: Set-up's translation editor shows each of their strings as
 * "needs review" until a person confirms or corrects it (docs/languages.md).
 */
export const machineAssistedLanguages: readonly CatalogLanguage[] = [];

/** Pseudo-locale: English with every string visibly transformed, to catch hard-coded text (dev and tests only). */
export const PSEUDO_LOCALE = "en-XA";
