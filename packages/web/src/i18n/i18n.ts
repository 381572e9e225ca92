import { unflattenCatalogue } from "@openclm/contracts/translation-rules";
import i18next from "i18next";
import { callApi } from "../api/client.js";
import enCommon from "./locales/en/common.js";
import {
  type CatalogLanguage,
  catalogLanguages,
  type Namespace,
  PSEUDO_LOCALE,
  shippedFallbacks,
} from "./resources.js";

/**
 * i18next set-up. English `common` ships in the entry chunk; every other catalog (other namespaces, other
 * languages) is a small chunk loaded on demand, so the first load carries only what the screen needs. The server's
 * own namespaces (`channels`, `factsheet`) are left out of the build: no screen shows them, and the service worker
 * would precache them.
 */

const STORAGE_KEY = "openclm.lang";

type CatalogModule = { default: Record<string, unknown> };
const loaders = import.meta.glob<CatalogModule>([
  "./locales/*/*.ts",
  "!./locales/en/common.ts",
  "!./locales/*/channels.ts",
  "!./locales/*/factsheet.ts",
]);

/** Namespaces some mounted surface needs; a language switch loads all of them before switching. */
const activeNamespaces = new Set<Namespace>(["common"]);

/** The language the server should answer in: the pseudo-locale reads English content. */
export function contentLanguageFor(lng: string): string {
  return lng === PSEUDO_LOCALE ? "en" : lng;
}

/**
 * Languages are data (issue 16): the server's list says, per language, where a missing string is looked up next
 * (tg → ru → en), and which version of the translations written in Set-up is current. Until it is known a language
 * falls back to its shipped fallback (resources.ts `shippedFallbacks`), its base language, then English.
 */
interface LanguageInfo {
  code: string;
  fallbacks: string[];
}
let languageTable: LanguageInfo[] = [];
let translationsVersion = "";

export function configureLanguages(languages: LanguageInfo[], version: string): void {
  if (version !== translationsVersion) overrideRequests.clear();
  languageTable = languages;
  translationsVersion = version;
}

/** The languages a string is looked up in, in order: the language, its fallbacks, English last. */
export function languageChain(lng: string): string[] {
  if (lng === PSEUDO_LOCALE) return [PSEUDO_LOCALE, "en"];
  const known = languageTable.find((l) => l.code === lng);
  const base = lng.split("-")[0] ?? lng;
  const shipped = shippedFallbacks[lng as CatalogLanguage];
  const chain = known ? [lng, ...known.fallbacks] : [lng, ...(shipped ? [shipped] : []), base];
  return [...new Set([...chain, "en"])];
}

/** Shipped catalogue and Set-up's overrides of one language in one namespace, each loaded once. */
const loaded = new Set<string>();
const overrideRequests = new Map<string, Promise<Record<string, Record<string, string>>>>();

function overridesFor(lng: string): Promise<Record<string, Record<string, string>>> {
  let request = overrideRequests.get(lng);
  if (!request) {
    request = callApi("GET /i18n/:language", {
      params: { language: lng },
      query: translationsVersion ? { v: translationsVersion } : {},
    }).then(
      (b) => b.namespaces,
      // Offline or an unknown language: the shipped strings (and the fallbacks) serve.
      () => ({}),
    );
    overrideRequests.set(lng, request);
  }
  return request;
}

async function loadShipped(lng: string, ns: Namespace): Promise<void> {
  const source = (catalogLanguages as readonly string[]).includes(lng) ? (lng as CatalogLanguage) : null;
  const key = `${lng}/${ns}`;
  if (loaded.has(key)) return;
  let data: Record<string, unknown> | null = null;
  if (lng === PSEUDO_LOCALE) {
    const en = ns === "common" ? enCommon : ((await loaders[`./locales/en/${ns}.ts`]?.())?.default ?? {});
    data = (await import("./pseudo.js")).pseudolocalize(en);
  } else if (source === "en" && ns === "common") data = enCommon;
  else if (source) {
    const load = loaders[`./locales/${source}/${ns}.ts`];
    if (!load) throw new Error(`No catalog ${source}/${ns}`);
    data = (await load()).default;
  }
  if (data) i18next.addResourceBundle(lng, ns, data, true, true);
  const overrides = lng === PSEUDO_LOCALE ? undefined : (await overridesFor(lng))[ns];
  if (overrides && Object.keys(overrides).length) {
    i18next.addResourceBundle(lng, ns, unflattenCatalogue(overrides), true, true);
  }
  loaded.add(key);
}

/** Loads a namespace for a language and every language along its chain, so i18next can fall back without a key. */
async function loadCatalog(lng: string, ns: Namespace): Promise<void> {
  await Promise.all(languageChain(lng).map((l) => loadShipped(l, ns)));
}

/** Set-up changed translations: forget what was loaded and load it again for the current language. */
export async function reloadTranslations(version: string): Promise<void> {
  translationsVersion = version;
  overrideRequests.clear();
  loaded.clear();
  await Promise.all([...activeNamespaces].map((ns) => loadCatalog(i18next.language, ns)));
  await i18next.changeLanguage(i18next.language);
}

/** Makes namespaces available in the current language (called by surfaces before they render). */
export async function ensureNamespaces(nss: readonly Namespace[]): Promise<void> {
  for (const ns of nss) activeNamespaces.add(ns);
  await Promise.all(nss.map((ns) => loadCatalog(i18next.language, ns)));
}

function readStoredLanguage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function storeLanguage(lng: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // Private mode or storage disabled: the choice lasts for this visit.
  }
}

/**
 * The language to start in: an explicit `?lang=` (links, tests), then the saved choice, then the browser's
 * preference when we have its catalog. `null` means "whatever the server's default language is".
 */
export function initialLanguage(): string | null {
  const fromUrl = new URLSearchParams(location.search).get("lang");
  if (fromUrl && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(fromUrl)) {
    storeLanguage(fromUrl);
    return fromUrl;
  }
  const stored = readStoredLanguage();
  if (stored) return stored;
  for (const pref of navigator.languages ?? []) {
    const primary = pref.toLowerCase().split("-")[0];
    if (catalogLanguages.some((c) => c === primary)) return primary ?? null;
  }
  return null;
}

export async function initI18n(lng: string): Promise<void> {
  await i18next.init({
    lng,
    // i18next asks per language; the chain comes from the server's language list (tg → ru → en).
    fallbackLng: (code: string) => languageChain(code).slice(1),
    ns: ["common"],
    defaultNS: "common",
    resources: { en: { common: enCommon } },
    partialBundledLanguages: true,
    interpolation: { escapeValue: false }, // Preact escapes text content itself.
    returnNull: false,
    initAsync: false,
  });
  await loadCatalog(lng, "common");
}

/** Switches language once every active namespace is loaded, so the screen never shows a half-translated mix. */
export async function changeLanguage(lng: string, opts: { persist?: boolean } = { persist: true }): Promise<void> {
  await Promise.all([...activeNamespaces].map((ns) => loadCatalog(lng, ns)));
  if (opts.persist !== false) storeLanguage(lng);
  await i18next.changeLanguage(lng);
}

export { i18next };
