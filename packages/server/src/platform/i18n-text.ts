import type { LocalizedText } from "@openclm/contracts";

/** Picks the text for `lang`, then its base language (pt-MZ → pt), then the fallback, then any text at all. */
export function pickText(text: LocalizedText | null | undefined, lang: string, fallback = "en"): string {
  if (!text) return "";
  return text[lang] ?? text[lang.split("-")[0] ?? lang] ?? text[fallback] ?? Object.values(text)[0] ?? "";
}

/** Chooses the best enabled language for a request. */
export function negotiateLanguage(requested: string | undefined, enabled: string[], defaultLang: string): string {
  if (!requested) return defaultLang;
  const lower = requested.toLowerCase();
  const exact = enabled.find((l) => l.toLowerCase() === lower);
  if (exact) return exact;
  const base = lower.split("-")[0];
  return enabled.find((l) => l.toLowerCase() === base) ?? defaultLang;
}
