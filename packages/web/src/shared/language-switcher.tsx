import { useId, useState } from "preact/hooks";
import { useConfig } from "../api/public-config.js";
import { changeLanguage } from "../i18n/i18n.js";
import { catalogAutonyms, catalogLanguages, PSEUDO_LOCALE } from "../i18n/resources.js";
import { useLanguage, useT } from "../i18n/use-t.js";

interface Option {
  code: string;
  name: string;
}

function autonym(code: string): string {
  if (Object.hasOwn(catalogAutonyms, code)) return catalogAutonyms[code as keyof typeof catalogAutonyms];
  try {
    return new Intl.DisplayNames([code], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * A labelled <select> of the languages the server offers (or the UI catalogs while the config loads). Options are
 * written in their own language and marked translate={false}: people look for their language by its own name.
 */
export function LanguageSwitcher(props: { class?: string }) {
  const t = useT("common");
  const lng = useLanguage();
  const { config } = useConfig();
  const id = useId();
  const [busy, setBusy] = useState(false);

  const options: Option[] = config
    ? config.languages.map((l) => ({ code: l.code, name: l.name }))
    : catalogLanguages.map((code) => ({ code, name: autonym(code) }));
  if (import.meta.env.DEV || lng === PSEUDO_LOCALE) options.push({ code: PSEUDO_LOCALE, name: "Pseudo (en-XA)" });
  if (!options.some((o) => o.code === lng)) options.unshift({ code: lng, name: autonym(lng) });

  const onChange = async (e: Event) => {
    const select = e.currentTarget as HTMLSelectElement;
    const next = select.value;
    setBusy(true);
    try {
      await changeLanguage(next);
    } catch {
      // The catalog could not load (offline before it was cached): stay in the current language.
      select.value = lng;
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class={`lang-switch ${props.class ?? ""}`}>
      <label for={id}>{t("language")}</label>
      <select id={id} value={lng} onChange={onChange} aria-busy={busy} translate={false}>
        {options.map((o) => (
          <option key={o.code} value={o.code} lang={o.code}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}
