import { useEffect } from "preact/hooks";
import { useConfig } from "../api/public-config.js";
import { loadScriptFont, scriptOf } from "../i18n/fonts.js";
import { contentLanguageFor } from "../i18n/i18n.js";
import { useLanguage } from "../i18n/use-t.js";

/** Shown until the server's platform name is known; it never names a disease (shared phones). */
export const FALLBACK_PLATFORM_NAME = "OpenCLM";

const rtlLanguages = new Set(["ar", "dv", "fa", "he", "ku", "ps", "sd", "ug", "ur", "yi"]);

export function usePlatformName(): string {
  return useConfig().config?.platformName ?? FALLBACK_PLATFORM_NAME;
}

/** Keeps <html lang> and dir in step with the UI language (the server's language list says which are RTL). */
export function useDocumentLanguage(): void {
  const lng = useLanguage();
  const { config } = useConfig();
  useEffect(() => {
    const content = contentLanguageFor(lng);
    const primary = content.split("-")[0] ?? content;
    const known = config?.languages.find((l) => l.code === content || l.code === primary);
    const html = document.documentElement;
    html.lang = lng;
    html.dir = known?.dir ?? (rtlLanguages.has(primary) ? "rtl" : "ltr");
    // base.css puts the script's font first in the stack; the font itself loads only for this script.
    html.dataset.script = scriptOf(content) ?? "";
    loadScriptFont(content);
  }, [lng, config]);
}

/** The country's colours (country profile) in place of the built-in ones; the server checked their contrast. */
export function useBrandColours(): void {
  const colours = useConfig().config?.branding.colours;
  useEffect(() => {
    if (!colours) return;
    const style = document.documentElement.style;
    style.setProperty("--brand", colours.brand);
    style.setProperty("--brand-strong", colours.brandStrong);
    style.setProperty("--brand-tint", colours.brandTint);
  }, [colours?.brand, colours?.brandStrong, colours?.brandTint]);
}

/** "Page · Platform": page titles show in the task switcher, so they use the platform name, never a disease. */
export function useDocumentTitle(page?: string): void {
  const platform = usePlatformName();
  useEffect(() => {
    document.title = page ? `${page} · ${platform}` : platform;
  }, [page, platform]);
}
