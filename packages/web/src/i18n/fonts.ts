/**
 * Fonts for scripts that phones often lack (issue 16 item 4): Noto Sans Khmer and Noto Sans Arabic, self-hosted
 * (@fontsource, the script's own subset only, regular and bold) and fetched only when a language in that script is
 * active, so nobody else downloads a byte of them. Cyrillic and Latin use the system font stack (base.css).
 */
const loaders: Record<string, () => Promise<unknown>[]> = {
  Khmr: () => [
    import("@fontsource/noto-sans-khmer/khmer-400.css"),
    import("@fontsource/noto-sans-khmer/khmer-700.css"),
  ],
  Arab: () => [
    import("@fontsource/noto-sans-arabic/arabic-400.css"),
    import("@fontsource/noto-sans-arabic/arabic-700.css"),
  ],
};

const requested = new Set<string>();

/** The script a language is written in ("km" → "Khmr", "ur" → "Arab"), from CLDR's likely subtags. */
export function scriptOf(lng: string): string | undefined {
  try {
    return new Intl.Locale(lng).maximize().script;
  } catch {
    return undefined;
  }
}

/** Starts loading the font of `lng`'s script, once; text shows in the fallback font meanwhile (font-display: swap). */
export function loadScriptFont(lng: string): void {
  const script = scriptOf(lng);
  const load = script ? loaders[script] : undefined;
  if (!script || !load || requested.has(script)) return;
  requested.add(script);
  for (const p of load()) p.catch(() => requested.delete(script));
}
