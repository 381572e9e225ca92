/**
 * Pseudo-localisation: "Know your rights" → "⟦Ķñöŵ ýöûŕ ŕîĝĥţš ·····⟧". Every translated string gets visible
 * brackets, accents and ~35 % extra length, so text that bypasses the catalogs, and layouts that cannot grow,
 * stand out. Interpolation placeholders ({{name}}) and HTML-like tags are left intact.
 */
const accents: Record<string, string> = {
  a: "á",
  b: "ƀ",
  c: "ç",
  d: "ð",
  e: "é",
  f: "ƒ",
  g: "ĝ",
  h: "ĥ",
  i: "î",
  j: "ĵ",
  k: "ķ",
  l: "ļ",
  n: "ñ",
  o: "ö",
  r: "ŕ",
  s: "š",
  t: "ţ",
  u: "û",
  w: "ŵ",
  y: "ý",
  z: "ž",
  A: "Å",
  C: "Ç",
  E: "É",
  G: "Ĝ",
  H: "Ĥ",
  I: "Î",
  K: "Ķ",
  L: "Ļ",
  N: "Ñ",
  O: "Ö",
  S: "Š",
  T: "Ţ",
  U: "Û",
  W: "Ŵ",
  Y: "Ý",
};

export const PSEUDO_OPEN = "⟦";
export const PSEUDO_CLOSE = "⟧";

export function pseudoString(text: string): string {
  const parts = text.split(/(\{\{[^}]*\}\}|<[^>]*>)/);
  const body = parts
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[A-Za-z]/g, (c) => accents[c] ?? c)))
    .join("");
  const padding = "·".repeat(Math.ceil(text.length * 0.35));
  return `${PSEUDO_OPEN}${body}${padding ? ` ${padding}` : ""}${PSEUDO_CLOSE}`;
}

export function pseudolocalize<T>(catalog: T): T {
  if (typeof catalog === "string") return pseudoString(catalog) as T;
  if (catalog && typeof catalog === "object") {
    return Object.fromEntries(Object.entries(catalog).map(([k, v]) => [k, pseudolocalize(v)])) as T;
  }
  return catalog;
}
