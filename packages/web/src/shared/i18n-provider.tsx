import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import { i18next } from "../i18n/i18n.js";
import { LanguageContext } from "../i18n/use-t.js";

/** Re-renders the tree with the new language once i18next has switched (after its catalogs are loaded). */
export function I18nProvider(props: { children: ComponentChildren }) {
  const [lng, setLng] = useState(i18next.language);
  useEffect(() => {
    const onChange = (next: string) => setLng(next);
    i18next.on("languageChanged", onChange);
    return () => i18next.off("languageChanged", onChange);
  }, []);
  return <LanguageContext.Provider value={lng}>{props.children}</LanguageContext.Provider>;
}
