/**
 * Which grid cells make up Demoland, each region and each district.
 *
 * The country is a wobbly disc; regions are the cells nearest to hand-placed seeds, and districts split each region
 * by a few rounds of k-means. Distances are measured after a gentle, smooth warp of the plane, which bends the
 * otherwise straight Voronoi borders into curves while keeping every area in one piece (the warp is one-to-one
 * because its amplitude times its frequency stays below 1).
 */
import { cellCoords, type GridSpec } from "./grid-geometry.js";

type Point = [x: number, y: number];

export const DEMOLAND_GRID: GridSpec = {
  cols: 72,
  rows: 72,
  lng0: 68,
  lat0: 38,
  // A degree of longitude is ~0.77 of a degree of latitude here, so these cells are roughly square on the ground.
  dLng: 0.06,
  dLat: 0.045,
  jitter: 0.22,
  seed: 20240324,
};

const CENTRE: Point = [18, 18];
const RADIUS = 14;
const WARP_AMPLITUDE = 1.8;
const WARP_WAVELENGTH = 4;

export interface RegionSeed {
  code: string;
  /** Seed position in map units (0–36 west to east, south to north). */
  at: Point;
  districtCount: number;
}

/** The layout is drawn on a 36 × 36 map whatever the grid resolution, so a finer grid only smooths the borders. */
const MAP_SIZE = 36;

/** Cell centre in map units; the un-jittered lattice keeps the assignment simple. */
function centreOf(g: GridSpec, cell: number): Point {
  const { i, j } = cellCoords(g, cell);
  return [((i + 0.5) / g.cols) * MAP_SIZE, ((j + 0.5) / g.rows) * MAP_SIZE];
}

function warp([x, y]: Point): Point {
  const k = 1 / WARP_WAVELENGTH;
  return [x + WARP_AMPLITUDE * Math.sin(y * k + 0.9), y + WARP_AMPLITUDE * Math.sin(x * k + 2.3)];
}

function dist2(a: Point, b: Point): number {
  return (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2;
}

/** The country's cells: a disc whose radius wobbles with the angle, so the coast-less border looks natural. */
export function countryCells(g: GridSpec): number[] {
  const cells: number[] = [];
  for (let cell = 0; cell < g.cols * g.rows; cell++) {
    const [x, y] = centreOf(g, cell);
    const angle = Math.atan2(y - CENTRE[1], x - CENTRE[0]);
    const wobble =
      1 + 0.1 * Math.sin(3 * angle + 0.7) + 0.06 * Math.sin(5 * angle + 2.1) + 0.04 * Math.sin(2 * angle + 4);
    if (Math.sqrt(dist2([x, y], CENTRE)) < RADIUS * wobble) cells.push(cell);
  }
  return cells;
}

/** Index of the nearest seed; ties go to the first seed so the result never depends on floating-point luck. */
function nearest(p: Point, seeds: Point[]): number {
  let best = 0;
  for (let s = 1; s < seeds.length; s++) {
    if (dist2(p, seeds[s] as Point) < dist2(p, seeds[best] as Point)) best = s;
  }
  return best;
}

/** Splits cells among the seeds (nearest seed in the warped plane). */
export function splitByNearest(g: GridSpec, cells: number[], seeds: Point[]): number[][] {
  const parts: number[][] = seeds.map(() => []);
  for (const cell of cells) parts[nearest(warp(centreOf(g, cell)), seeds)]?.push(cell);
  return parts;
}

/** Farthest-point start, then k-means rounds: districts come out compact and of similar size. */
export function districtSeeds(g: GridSpec, cells: number[], k: number): Point[] {
  const points = cells.map((c) => warp(centreOf(g, c)));
  const mean = centroid(points);
  const seeds: Point[] = [points[nearest(mean, points)] as Point];
  while (seeds.length < k) {
    let far = 0;
    let farDist = -1;
    points.forEach((p, idx) => {
      const d = Math.min(...seeds.map((s) => dist2(p, s)));
      if (d > farDist) [far, farDist] = [idx, d];
    });
    seeds.push(points[far] as Point);
  }
  for (let round = 0; round < 12; round++) {
    const groups: Point[][] = seeds.map(() => []);
    for (const p of points) groups[nearest(p, seeds)]?.push(p);
    groups.forEach((group, s) => {
      if (group.length > 0) seeds[s] = centroid(group);
    });
  }
  return seeds;
}

function centroid(points: Point[]): Point {
  const x = points.reduce((s, p) => s + p[0], 0) / points.length;
  const y = points.reduce((s, p) => s + p[1], 0) / points.length;
  return [x, y];
}

/**
 * Labels each cell: -1 outside the country, else the index of its region or district. Then removes "pinches":
 * two cells of one area touching only at a corner, which would not make a simple polygon. Rasterised curved
 * borders produce a few of these; moving one of the other two cells of the 2×2 block into the area fixes it.
 */
function fixPinches(g: GridSpec, label: Int32Array, canTake: (cell: number, area: number) => boolean): void {
  for (let pass = 0; pass < 50; pass++) {
    let changed = false;
    for (let j = 0; j + 1 < g.rows; j++) {
      for (let i = 0; i + 1 < g.cols; i++) {
        const sw = j * g.cols + i;
        const block = [sw, sw + 1, sw + g.cols, sw + g.cols + 1] as const;
        changed = fixBlock(label, block[0], block[3], [block[1], block[2]], canTake) || changed;
        changed = fixBlock(label, block[1], block[2], [block[0], block[3]], canTake) || changed;
      }
    }
    if (!changed) return;
  }
  throw new Error("could not remove corner-only contacts between cells");
}

function fixBlock(
  label: Int32Array,
  a: number,
  b: number,
  others: [number, number],
  canTake: (cell: number, area: number) => boolean,
): boolean {
  const area = label[a] as number;
  if (label[b] !== area || others.some((o) => label[o] === area)) return false;
  const taker = others.find((o) => canTake(o, area));
  if (taker === undefined) return false;
  label[taker] = area;
  return true;
}

function cellsOf(label: Int32Array, area: number): number[] {
  const out: number[] = [];
  label.forEach((l, cell) => {
    if (l === area) out.push(cell);
  });
  return out;
}

/** Cells of the country and of each district (grouped by region), with no corner-only contacts at any level. */
export function layoutDemoland(g: GridSpec, regions: RegionSeed[]): { country: number[]; regions: number[][][] } {
  const country = new Int32Array(g.cols * g.rows).fill(-1);
  for (const cell of countryCells(g)) country[cell] = 0;
  fixPinches(g, country, () => true);

  const region = new Int32Array(country);
  const regionParts = splitByNearest(
    g,
    cellsOf(country, 0),
    regions.map((r) => r.at),
  );
  regionParts.forEach((cells, r) => {
    for (const cell of cells) region[cell] = r;
  });
  fixPinches(g, region, (cell, r) => r >= 0 && region[cell] !== -1);

  const district = new Int32Array(region).fill(-1);
  const firstDistrict: number[] = [];
  regions.forEach((r, ri) => {
    const cells = cellsOf(region, ri);
    firstDistrict.push(
      firstDistrict.length === 0 ? 0 : (firstDistrict.at(-1) as number) + (regions[ri - 1]?.districtCount ?? 0),
    );
    const parts = splitByNearest(g, cells, districtSeeds(g, cells, r.districtCount));
    parts.forEach((part, k) => {
      for (const cell of part) district[cell] = (firstDistrict[ri] as number) + k;
    });
  });
  const regionOfDistrict = (d: number) => firstDistrict.findLastIndex((first) => first <= d);
  fixPinches(g, district, (cell, d) => d >= 0 && region[cell] === regionOfDistrict(d));

  const byRegion = regions.map((r, ri) =>
    Array.from({ length: r.districtCount }, (_, k) => cellsOf(district, (firstDistrict[ri] as number) + k)).sort(
      (a, b) => orderKey(g, a) - orderKey(g, b),
    ),
  );
  return { country: cellsOf(country, 0), regions: byRegion };
}

/** Reading order (north-west first) of a district, by its mean cell position. */
function orderKey(g: GridSpec, cells: number[]): number {
  const [x, y] = centroid(cells.map((c) => centreOf(g, c)));
  return Math.round((MAP_SIZE - y) / 6) * 1000 + x;
}
