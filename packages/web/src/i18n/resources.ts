import type app from "./locales/en/app.js";
import type audit from "./locales/en/audit.js";
import type channels from "./locales/en/channels.js";
import type common from "./locales/en/common.js";
import type dashboard from "./locales/en/dashboard.js";
import type factsheet from "./locales/en/factsheet.js";
import type inbox from "./locales/en/inbox.js";
import type setup from "./locales/en/setup.js";

/**
 * One namespace per surface, plus `common` for the shell, and for what the server writes itself (the web app never
 * loads them): `channels` (USSD, SMS and chats) and `factsheet` (the PDF factsheet and review pack). English is the
 * source every other catalog follows.
 */
export const namespaces = ["common", "app", "inbox", "dashboard", "setup", "audit", "channels", "factsheet"] as const;
export type Namespace = (typeof namespaces)[number];

export interface SourceResources {
  common: typeof common;
  app: typeof app;
  inbox: typeof inbox;
  dashboard: typeof dashboard;
  setup: typeof setup;
  audit: typeof audit;
  channels: typeof channels;
  factsheet: typeof factsheet;
}

/** Languages with UI catalogs. The server may offer more; those fall back to English for the UI text. */
export const catalogLanguages = ["en", "fr", "ru", "pt", "id", "sw", "km", "tg", "uk", "kk"] as const;
export type CatalogLanguage = (typeof catalogLanguages)[number];

/**
 * Each catalog language's own name, as the switcher shows it before the server's list arrives (and for a language
 * the server does not list). Written out because Intl.DisplayNames gives some of them differently from how their
 * speakers name them (Bahasa Indonesia is "Indonesia" there; it lower-cases "тоҷикӣ").
 */
export const catalogAutonyms: Record<CatalogLanguage, string> = {
  en: "English",
  fr: "Français",
  ru: "Русский",
  pt: "Português",
  id: "Bahasa Indonesia",
  sw: "Kiswahili",
  km: "ខ្មែរ",
  tg: "Тоҷикӣ",
  uk: "Українська",
  kk: "Қазақша",
};

/**
 * Shipped languages whose strings were machine-assisted and not yet checked by a native-speaking reviewer from the
 * programme: Set-up's translation editor shows each of their strings as "needs review" until a person confirms or
 * corrects it (docs/languages.md). Their catalogues may lack strings added since (catalog.ts `PartialCatalog`);
 * those are read along the language's fallback chain.
 */
export const machineAssistedLanguages: readonly CatalogLanguage[] = ["id", "sw", "km", "tg", "uk", "kk"];

/**
 * The shipped languages' fallbacks before English, as the server seeds them (taxonomy/default-taxonomy.ts
 * DEFAULT_LANGUAGES): used until the server's list arrives, or offline.
 */
export const shippedFallbacks: Partial<Record<CatalogLanguage, CatalogLanguage>> = { tg: "ru", kk: "ru" };

/** Pseudo-locale: English with every string visibly transformed, to catch hard-coded text (dev and tests only). */
export const PSEUDO_LOCALE = "en-XA";
