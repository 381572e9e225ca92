import { flattenCatalogue } from "@openclm/contracts";
// One catalogue (ADR 0022): the server reads the web app's own locale files, so a label means the same everywhere.
// esbuild bundles the files the template below can name (a glob import); tsx loads them as they are.
import {
  type CatalogLanguage,
  catalogLanguages,
  machineAssistedLanguages,
  namespaces,
} from "../../../web/src/i18n/resources.js";

export type ShippedNamespace = (typeof namespaces)[number];
export { catalogLanguages, machineAssistedLanguages, namespaces as shippedNamespaces };

/** Shipped strings by language, namespace, dotted key. Loaded once per process: they change only with a release. */
type Shipped = Map<string, Map<ShippedNamespace, Record<string, string>>>;
let loaded: Promise<Shipped> | undefined;

async function loadOne(lng: string, ns: string): Promise<Record<string, string>> {
  const mod = (await import(`../../../web/src/i18n/locales/${lng}/${ns}.ts`)) as { default: unknown };
  return flattenCatalogue(mod.default);
}

async function loadAll(): Promise<Shipped> {
  const out: Shipped = new Map();
  for (const lng of catalogLanguages) {
    const byNs = new Map<ShippedNamespace, Record<string, string>>();
    for (const ns of namespaces) byNs.set(ns, await loadOne(lng, ns));
    out.set(lng, byNs);
  }
  return out;
}

export function shippedCatalogues(): Promise<Shipped> {
  loaded ??= loadAll();
  loaded.catch(() => {
    loaded = undefined;
  });
  return loaded;
}

/** The shipped strings of one language and namespace (dotted keys), empty for a language the platform does not ship. */
export async function shippedStrings(lng: string, ns: string): Promise<Record<string, string>> {
  return (await shippedCatalogues()).get(lng)?.get(ns as ShippedNamespace) ?? {};
}

export const isShipped = (lng: string): lng is CatalogLanguage => (catalogLanguages as readonly string[]).includes(lng);
export const isMachineAssisted = (lng: string) => (machineAssistedLanguages as readonly string[]).includes(lng);
