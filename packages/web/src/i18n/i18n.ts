import i18next from "i18next";
import enCommon from "./locales/en/common.js";
import { type CatalogLanguage, catalogLanguages, type Namespace, PSEUDO_LOCALE } from "./resources.js";

/**
 * i18next set-up. English `common` ships in the entry chunk; every other catalog (other namespaces, other
 * languages) is a small chunk loaded on demand, so the first load carries only what the screen needs.
 */

const STORAGE_KEY = "openclm.lang";

type CatalogModule = { default: Record<string, unknown> };
const loaders = import.meta.glob<CatalogModule>(["./locales/*/*.ts", "!./locales/en/common.ts"]);

/** Namespaces some mounted surface needs; a language switch loads all of them before switching. */
const activeNamespaces = new Set<Namespace>(["common"]);

/** The catalog language serving a requested language: "pt-MZ" → "pt"; unknown languages → English. */
export function catalogLanguageFor(lng: string): CatalogLanguage {
  if (lng === PSEUDO_LOCALE) return "en";
  const primary = lng.toLowerCase().split("-")[0];
  return catalogLanguages.find((c) => c === lng || c === primary) ?? "en";
}

/** The language the server should answer in: the pseudo-locale reads English content. */
export function contentLanguageFor(lng: string): string {
  return lng === PSEUDO_LOCALE ? "en" : lng;
}

async function loadCatalog(lng: string, ns: Namespace): Promise<void> {
  const source = catalogLanguageFor(lng);
  // i18next looks up "pt-MZ" → "pt" → "en", so catalogs are stored under their own language code.
  const target = lng === PSEUDO_LOCALE ? PSEUDO_LOCALE : source;
  if (i18next.hasResourceBundle(target, ns)) return;
  let data: Record<string, unknown>;
  if (source === "en" && ns === "common") data = enCommon;
  else {
    const load = loaders[`./locales/${source}/${ns}.ts`];
    if (!load) throw new Error(`No catalog ${source}/${ns}`);
    data = (await load()).default;
  }
  if (target === PSEUDO_LOCALE) data = (await import("./pseudo.js")).pseudolocalize(data);
  i18next.addResourceBundle(target, ns, data, true, true);
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
    fallbackLng: "en",
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
