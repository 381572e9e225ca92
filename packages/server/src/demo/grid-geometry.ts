/**
 * A jittered grid of quadrilateral cells, and the polygon outline of any set of its cells.
 *
 * Areas are built as unions of cells: neighbouring areas then share the very same vertices along their border, so
 * districts tile their region exactly and regions tile the country, with no gaps or slivers. The jitter makes the
 * borders look drawn by history rather than by a ruler.
 */

export type Position = [lng: number, lat: number];
export type Ring = Position[];

export interface GridSpec {
  cols: number;
  rows: number;
  /** South-west corner of the grid. */
  lng0: number;
  lat0: number;
  /** Cell size in degrees. */
  dLng: number;
  dLat: number;
  /** Largest vertex shift as a fraction of a cell. Below 0.25 every cell stays convex. */
  jitter: number;
  seed: number;
}

/** Small seeded PRNG (mulberry32): the demo must be identical on every run, so Math.random is never used. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random number in [0, 1) fixed by its inputs, so a vertex's jitter does not depend on the order of the work. */
function hash3(i: number, j: number, salt: number): number {
  let h = Math.imul(i + 1, 0x27d4eb2d) ^ Math.imul(j + 1, 0x165667b1) ^ Math.imul(salt, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

/** Rounds to about a metre: smaller JSON, and identical numbers wherever a vertex appears. */
function round5(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}

export function vertexPosition(g: GridSpec, i: number, j: number): Position {
  const jx = (hash3(i, j, g.seed) * 2 - 1) * g.jitter;
  const jy = (hash3(i, j, g.seed + 1) * 2 - 1) * g.jitter;
  return [round5(g.lng0 + (i + jx) * g.dLng), round5(g.lat0 + (j + jy) * g.dLat)];
}

export function cellIndex(g: GridSpec, i: number, j: number): number {
  return j * g.cols + i;
}

export function cellCoords(g: GridSpec, cell: number): { i: number; j: number } {
  return { i: cell % g.cols, j: Math.floor(cell / g.cols) };
}

/** The four edge neighbours of a cell (ones outside the grid are left out). */
export function edgeNeighbours(g: GridSpec, cell: number): number[] {
  const { i, j } = cellCoords(g, cell);
  const out: number[] = [];
  if (i > 0) out.push(cell - 1);
  if (i < g.cols - 1) out.push(cell + 1);
  if (j > 0) out.push(cell - g.cols);
  if (j < g.rows - 1) out.push(cell + g.cols);
  return out;
}

/** Average of the cell's corners: strictly inside the cell, because jittered cells stay convex. */
export function cellCentre(g: GridSpec, cell: number): Position {
  const { i, j } = cellCoords(g, cell);
  const corners = [vertexPosition(g, i, j), vertexPosition(g, i + 1, j), vertexPosition(g, i + 1, j + 1)];
  corners.push(vertexPosition(g, i, j + 1));
  const lng = corners.reduce((s, p) => s + p[0], 0) / 4;
  const lat = corners.reduce((s, p) => s + p[1], 0) / 4;
  return [round5(lng), round5(lat)];
}

/**
 * Directed border edges of a set of cells, as "from vertex → to vertex". Cells are walked counter-clockwise
 * (east, north, west, south), so the outline comes out counter-clockwise as GeoJSON wants for outer rings.
 */
function borderEdges(g: GridSpec, cells: ReadonlySet<number>): Map<number, number> {
  const vid = (i: number, j: number) => j * (g.cols + 1) + i;
  const next = new Map<number, number>();
  const add = (from: number, to: number) => {
    // Two outgoing edges at one vertex means two cells touch only at a corner: not a simple polygon.
    if (next.has(from)) throw new Error(`cells touch only at a corner (vertex ${from})`);
    next.set(from, to);
  };
  for (const cell of cells) {
    const { i, j } = cellCoords(g, cell);
    if (!cells.has(cell - g.cols) || j === 0) add(vid(i, j), vid(i + 1, j));
    if (!cells.has(cell + 1) || i === g.cols - 1) add(vid(i + 1, j), vid(i + 1, j + 1));
    if (!cells.has(cell + g.cols) || j === g.rows - 1) add(vid(i + 1, j + 1), vid(i, j + 1));
    if (!cells.has(cell - 1) || i === 0) add(vid(i, j + 1), vid(i, j));
  }
  return next;
}

/**
 * The closed, counter-clockwise outline of a set of cells. Throws unless the set is one piece without holes,
 * so a bad layout fails loudly when the demo is built instead of drawing a broken map.
 */
export function outline(g: GridSpec, cells: ReadonlySet<number>): Ring {
  if (cells.size === 0) throw new Error("an area needs at least one cell");
  const next = borderEdges(g, cells);
  const start = Math.min(...next.keys());
  const ids = [start];
  for (let v = next.get(start); v !== start; v = next.get(v as number)) {
    if (v === undefined || ids.length > next.size) throw new Error("border does not close");
    ids.push(v);
  }
  if (ids.length !== next.size) throw new Error("area is in several pieces or has a hole");
  const ring = ids.map((id) => vertexPosition(g, id % (g.cols + 1), Math.floor(id / (g.cols + 1))));
  ring.push(ring[0] as Position);
  return ring;
}

export function bboxOf(ring: Ring): [number, number, number, number] {
  const lngs = ring.map((p) => p[0]);
  const lats = ring.map((p) => p[1]);
  return [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)];
}
