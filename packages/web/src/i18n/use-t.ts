import type { TFunction } from "i18next";
import { createContext } from "preact";
import { useContext, useMemo } from "preact/hooks";
import { i18next } from "./i18n.js";
import type { Namespace } from "./resources.js";

/** The current UI language; components re-render when it changes. Provided by <I18nProvider>. */
export const LanguageContext = createContext<string>("en");

export function useLanguage(): string {
  return useContext(LanguageContext);
}

/** A translate function for one namespace, with keys type-checked against the English catalog. */
export function useT<N extends Namespace>(ns: N): TFunction<N> {
  const lng = useContext(LanguageContext);
  return useMemo(() => i18next.getFixedT(lng, ns), [lng, ns]);
}
