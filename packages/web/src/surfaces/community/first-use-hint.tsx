import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { useLanguage, useT } from "../../i18n/use-t.js";
import { helpHref } from "../../shared/help-links.js";

/** Hints this device has dismissed, by id: nothing about the person or what they read (ADR 0007). */
const STORE = "openclm.hints";

function dismissed(): string[] {
  try {
    const ids = JSON.parse(localStorage.getItem(STORE) ?? "[]") as unknown;
    return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

/**
 * A first-use hint: shown until the person taps "Got it", then never again on this device (localStorage). Storage
 * refused (private mode): the hint goes away for this visit only. `manual` adds a link to the app's manual (/help).
 */
export function FirstUseHint(props: { id: string; children: ComponentChildren; manual?: boolean }) {
  const t = useT("app");
  const lang = useLanguage();
  const [open, setOpen] = useState(() => !dismissed().includes(props.id));
  if (!open) return null;
  const dismiss = () => {
    setOpen(false);
    try {
      localStorage.setItem(STORE, JSON.stringify([...new Set([...dismissed(), props.id])]));
    } catch {
      // storage full or refused: hidden for this visit
    }
  };
  return (
    <div class="first-use-hint" role="note" aria-label={t("hints.label")}>
      <p>{props.children}</p>
      <p class="first-use-hint__actions">
        {props.manual && <a href={helpHref(lang, { manual: "community", section: "start" })}>{t("hints.manual")}</a>}
        <button type="button" class="button button--secondary" onClick={dismiss}>
          {t("hints.dismiss")}
        </button>
      </p>
    </div>
  );
}
