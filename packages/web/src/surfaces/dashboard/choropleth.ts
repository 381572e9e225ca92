/**
 * Colour classes for the district map and a stand-alone SVG of it for download. Pure functions: no Leaflet, no DOM.
 */

/** Five sequential classes (ColorBrewer YlGnBu), light to dark; readable for colour-blind people. */
export const classColors = ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"];
export const noValueColor = "#d5dde0";

export interface ColourClass {
  from: number;
  to: number;
  color: string;
}

/** A break as people read it: two significant figures (73.2 → 73, 107.9 → 110). */
function readable(n: number): number {
  if (n === 0) return 0;
  const power = 10 ** (Math.floor(Math.log10(Math.abs(n))) - 1);
  return Math.round(n / power) * power;
}

/**
 * Quantile classes (up to five, each holding about as many districts), so districts spread over the colours rather
 * than falling in one band of an equal-width scale; breaks are rounded to read. The first class starts at the lowest
 * value and the last ends at the highest.
 */
export function colourClasses(values: number[]): ColourClass[] {
  const sorted = [...values].sort((a, b) => a - b);
  const low = sorted[0];
  const high = sorted.at(-1);
  if (low === undefined || high === undefined) return [];
  const wanted = Math.min(classColors.length, new Set(sorted).size);
  const breaks: number[] = [];
  for (let i = 1; i < wanted; i++) {
    const b = readable(sorted[Math.floor((i * sorted.length) / wanted)] ?? high);
    if (b > low && b <= high && b > (breaks.at(-1) ?? low)) breaks.push(b);
  }
  const edges = [low, ...breaks, high];
  const count = edges.length - 1 || 1;
  // Colours spread over the whole ramp, so two classes are light and dark, not the two lightest.
  const colour = (i: number) =>
    classColors[count === 1 ? 2 : Math.round((i * (classColors.length - 1)) / (count - 1))]!;
  return Array.from({ length: count }, (_, i) => ({
    from: edges[i] ?? low,
    to: edges[i + 1] ?? high,
    color: colour(i),
  }));
}

export function colourOf(classes: ColourClass[], value: number | null | undefined): string {
  if (value === null || value === undefined) return noValueColor;
  return (classes.find((c) => value < c.to) ?? classes.at(-1))?.color ?? noValueColor;
}

type Ring = [number, number][];
export interface Shape {
  id: string;
  geometry: { type: "Polygon" | "MultiPolygon"; coordinates: unknown[] };
}

const polygonsOf = (g: Shape["geometry"]): Ring[][] =>
  g.type === "Polygon" ? [g.coordinates as Ring[]] : (g.coordinates as Ring[][]);

const escapeXml = (s: string) =>
  s.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c] ?? c);

/**
 * The map as an SVG document: shapes in an equirectangular projection corrected for latitude (fine at the scale of
 * a country), the title above and the legend beside.
 */
export function mapSvg(opts: {
  shapes: Shape[];
  fillOf(id: string): string;
  title: string;
  /** Lines under the title: area and period, source. */
  caption: string[];
  legend: { color: string; label: string }[];
  width?: number;
  height?: number;
}): { svg: string; width: number; height: number } {
  const width = opts.width ?? 800;
  const height = opts.height ?? 560;
  const points = opts.shapes.flatMap((s) => polygonsOf(s.geometry).flat(2));
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const top = 56 + 18 * opts.caption.length;
  const box = { x: 16, y: top, w: width - 260, h: height - top - 16 };
  const scale = Math.min(box.w / ((maxLon - minLon) * k || 1), box.h / (maxLat - minLat || 1));
  const project = ([lon, lat]: [number, number]) =>
    `${(box.x + (lon - minLon) * k * scale).toFixed(1)},${(box.y + (maxLat - lat) * scale).toFixed(1)}`;
  const paths = opts.shapes.map((s) => {
    const d = polygonsOf(s.geometry)
      .flatMap((poly) => poly.map((ring) => `M${ring.map(project).join("L")}Z`))
      .join("");
    return `<path d="${d}" fill="${opts.fillOf(s.id)}" stroke="#4a5560" stroke-width="0.8" fill-rule="evenodd"/>`;
  });
  const legendX = width - 228;
  const legend = opts.legend.map(
    (item, i) =>
      `<rect x="${legendX}" y="${top + 8 + i * 28}" width="20" height="20" fill="${item.color}" stroke="#4a5560"/>` +
      `<text x="${legendX + 28}" y="${top + 23 + i * 28}" font-size="13">${escapeXml(item.label)}</text>`,
  );
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `font-family="system-ui, -apple-system, Segoe UI, Roboto, Noto Sans, Arial, sans-serif" fill="#1a1f24">` +
    `<rect width="100%" height="100%" fill="#ffffff"/>` +
    `<text x="16" y="32" font-size="16" font-weight="bold">${escapeXml(opts.title)}</text>` +
    opts.caption
      .map((line, i) => `<text x="16" y="${54 + 18 * i}" font-size="12" fill="#3d4852">${escapeXml(line)}</text>`)
      .join("") +
    `${paths.join("")}${legend.join("")}</svg>`;
  return { svg, width, height };
}
