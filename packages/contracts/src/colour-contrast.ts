/** WCAG 2 colour arithmetic on `#rrggbb` colours, for checking a country's chosen colours before they are used. */

function channels(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Relative luminance (WCAG 2.2, definition "relative luminance"). */
export function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio between two colours, from 1 (same) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The colour mixed with white: `whiteShare` 0.9 gives a pale tint of it. */
export function mixWithWhite(hex: string, whiteShare: number): string {
  return `#${channels(hex)
    .map((c) =>
      Math.round(c * (1 - whiteShare) + 255 * whiteShare)
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")}`;
}

/** WCAG 2 AA for normal text: white on a brand-coloured button, brand-coloured text on white or on the tint. */
export const MIN_BRAND_CONTRAST = 4.5;

/** The worst contrast a brand colour meets: against white and against the tint of `brand` (its panels). */
export function brandContrast(colour: string, brand: string): number {
  return Math.min(contrastRatio(colour, "#ffffff"), contrastRatio(colour, mixWithWhite(brand, 0.9)));
}
