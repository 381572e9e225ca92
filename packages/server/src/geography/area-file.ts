import type { AreaImportProblem, ImportAreasBody, LocalizedText } from "@openclm/contracts";
import selfIntersections from "geojson-polygon-self-intersections";
import { readCsvRecords } from "../platform/csv-records.js";
import type { Geometry } from "./geography.schema.js";

/** One area read from a geography file, before it is checked against the rest of the file and the database. */
export interface AreaRecord {
  /** Feature index (GeoJSON) or data-row index (CSV), from 0. */
  index: number;
  /** CSV only: the line in the file (the header is line 1). */
  row?: number;
  code: string;
  parentCode: string | null;
  level: number;
  /** The names the file gives; languages it has no name:<lang> for keep their stored names. */
  names: LocalizedText;
  /** The languages the file has a name:<lang> for (an empty one removes that name). */
  nameLanguages: string[];
  population: number | null;
  /** `undefined`: the file carries no boundaries (CSV), so a stored one is kept. `null`: the feature has none. */
  boundary: Geometry | null | undefined;
  bbox: number[] | null | undefined;
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const NAME_MAX = 200;

/**
 * Reads a geography file (GeoJSON FeatureCollection or CSV) into area records, collecting every problem a record has
 * on its own (code, level, names, population, geometry). Problems between records (parents, duplicates) and with the
 * database are found by the caller.
 */
export function readAreaFile(
  body: ImportAreasBody,
  languages: string[],
): { records: AreaRecord[]; problems: AreaImportProblem[]; refusedCodes: Set<string> } {
  const read = body.format === "geojson" ? readGeoJson(body.data.features, languages) : readCsv(body.data, languages);
  // Codes the file has but whose record was refused: their children are not also "unknown parent".
  const kept = new Set(read.records.map((r) => r.code));
  const refusedCodes = new Set(read.problems.flatMap((p) => (p.code && !kept.has(p.code) ? [p.code] : [])));
  return { ...read, refusedCodes };
}

function readGeoJson(features: unknown[], languages: string[]) {
  const records: AreaRecord[] = [];
  const problems: AreaImportProblem[] = [];
  features.forEach((feature, index) => {
    const f = feature as { type?: unknown; properties?: unknown; geometry?: unknown } | null;
    if (!f || typeof f !== "object" || f.type !== "Feature") {
      problems.push({ index, problem: "parse", message: "not a GeoJSON Feature" });
      return;
    }
    const props = (f.properties && typeof f.properties === "object" ? f.properties : {}) as Record<string, unknown>;
    const fields = {
      code: props.code,
      parentCode: props.parentCode,
      level: props.level,
      population: props.population,
      names: Object.fromEntries(
        Object.entries(props)
          .filter(([k]) => k.startsWith("name:"))
          .map(([k, v]) => [k.slice(5), v]),
      ),
    };
    const geometry = checkGeometry(f.geometry);
    const record = readFields(index, undefined, fields, languages, problems);
    if (geometry.problem) {
      problems.push({ index, code: record?.code || undefined, ...geometry.problem });
      return;
    }
    if (record) records.push({ ...record, boundary: geometry.boundary, bbox: geometry.bbox });
  });
  return { records, problems };
}

function readCsv(text: string, languages: string[]) {
  const problems: AreaImportProblem[] = [];
  const { records: parsed, parseError } = readCsvRecords(text);
  if (parseError) {
    const { row, message } = parseError;
    return { records: [], problems: [{ index: row - 2, row, problem: "parse" as const, message }] };
  }
  const header = parsed[0] ? Object.keys(parsed[0].record) : [];
  const missing = ["code", "parent_code", "level"].filter((c) => !header.includes(c));
  if (!parsed.length) problems.push({ index: -1, row: 1, problem: "empty", message: "the file has no data rows" });
  else if (missing.length)
    problems.push({ index: -1, row: 1, problem: "columns", message: `missing column(s): ${missing.join(", ")}` });
  const unknown = header.filter(
    (h) => !["code", "parent_code", "level", "population"].includes(h) && !h.startsWith("name:"),
  );
  if (unknown.length)
    problems.push({ index: -1, row: 1, problem: "columns", message: `unknown column(s): ${unknown.join(", ")}` });
  if (problems.length) return { records: [], problems };

  const records: AreaRecord[] = [];
  parsed.forEach(({ record, info }, index) => {
    const fields = {
      code: record.code,
      parentCode: record.parent_code,
      level: record.level === "" ? undefined : Number(record.level),
      population: record.population === undefined || record.population === "" ? null : Number(record.population),
      names: Object.fromEntries(
        Object.entries(record)
          .filter(([k]) => k.startsWith("name:"))
          .map(([k, v]) => [k.slice(5), v]),
      ),
    };
    const r = readFields(index, info.lines, fields, languages, problems);
    if (r) records.push({ ...r, boundary: undefined, bbox: undefined });
  });
  return { records, problems };
}

/** Checks the plain fields of one area; pushes its problems and answers null if it has any. */
function readFields(
  index: number,
  row: number | undefined,
  f: { code: unknown; parentCode: unknown; level: unknown; population: unknown; names: Record<string, unknown> },
  languages: string[],
  problems: AreaImportProblem[],
): Omit<AreaRecord, "boundary" | "bbox"> | null {
  const before = problems.length;
  const code = typeof f.code === "string" || typeof f.code === "number" ? String(f.code).trim() : "";
  const at = { index, ...(row === undefined ? {} : { row }), ...(code ? { code } : {}) };
  if (!code) problems.push({ ...at, problem: "missing_code", message: "the area has no code" });
  else if (!CODE.test(code))
    problems.push({
      ...at,
      problem: "missing_code",
      message: `"${code}" is not a code: up to 64 letters, digits, ".", "-" or "_"`,
    });
  const parentCode =
    f.parentCode === null || f.parentCode === undefined || f.parentCode === "" ? null : String(f.parentCode).trim();
  const level = typeof f.level === "string" && f.level.trim() !== "" ? Number(f.level) : f.level;
  if (typeof level !== "number" || !Number.isInteger(level) || level < 0 || level > 20)
    problems.push({ ...at, problem: "level", message: "level must be a whole number: 0 for the country" });
  const names: LocalizedText = {};
  const nameLanguages: string[] = [];
  for (const [lang, value] of Object.entries(f.names)) {
    if (!languages.includes(lang)) {
      problems.push({
        ...at,
        problem: "unknown_language",
        message: `"name:${lang}": ${lang} is not an enabled language`,
      });
      continue;
    }
    nameLanguages.push(lang);
    const name = typeof value === "string" ? value.trim() : "";
    if (name.length > NAME_MAX) problems.push({ ...at, problem: "missing_name", message: `name:${lang} is too long` });
    else if (name) names[lang] = name;
  }
  if (Object.keys(names).length === 0)
    problems.push({
      ...at,
      problem: "missing_name",
      message: `the area has no name (name:${languages[0] ?? "en"}, …)`,
    });
  const population = f.population === undefined || f.population === null || f.population === "" ? null : f.population;
  if (population !== null && !(typeof population === "number" && Number.isInteger(population) && population >= 0))
    problems.push({ ...at, problem: "population", message: "population must be a whole number of 0 or more" });
  if (problems.length > before) return null;
  return {
    index,
    row,
    code,
    parentCode,
    level: level as number,
    names,
    nameLanguages,
    population: population as number | null,
  };
}

type GeometryCheck =
  | { problem: Pick<AreaImportProblem, "problem" | "message">; boundary?: undefined; bbox?: undefined }
  | { problem?: undefined; boundary: Geometry | null; bbox: number[] | null };

/**
 * A boundary must be a Polygon or MultiPolygon of closed rings (at least four positions, longitude and latitude in
 * range) that never cross themselves or each other. Self-intersections are found with a spatial index
 * (geojson-polygon-self-intersections), fast enough for district boundaries of thousands of vertices.
 */
export function checkGeometry(geometry: unknown): GeometryCheck {
  if (geometry === null || geometry === undefined) return { boundary: null, bbox: null };
  const g = geometry as { type?: unknown; coordinates?: unknown };
  const invalid = (message: string): GeometryCheck => ({ problem: { problem: "invalid_geometry", message } });
  if (g.type !== "Polygon" && g.type !== "MultiPolygon")
    return invalid("the boundary must be a Polygon or MultiPolygon");
  const polygons = (g.type === "Polygon" ? [g.coordinates] : g.coordinates) as unknown;
  if (!Array.isArray(polygons) || polygons.length === 0) return invalid("the boundary has no coordinates");
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [p, polygon] of polygons.entries()) {
    if (!Array.isArray(polygon) || polygon.length === 0) return invalid(`polygon ${p + 1} has no rings`);
    for (const [r, ring] of polygon.entries()) {
      const where = `${polygons.length > 1 ? `polygon ${p + 1}, ` : ""}ring ${r + 1}`;
      if (!Array.isArray(ring) || ring.length < 4) return invalid(`${where} has fewer than 4 positions`);
      for (const pos of ring) {
        const [lng, lat] = Array.isArray(pos) ? pos : [];
        if (typeof lng !== "number" || typeof lat !== "number" || Math.abs(lng) > 180 || Math.abs(lat) > 90)
          return invalid(`${where} has a position that is not [longitude, latitude]`);
        box[0] = Math.min(box[0]!, lng);
        box[1] = Math.min(box[1]!, lat);
        box[2] = Math.max(box[2]!, lng);
        box[3] = Math.max(box[3]!, lat);
      }
      const first = ring[0] as number[];
      const last = ring[ring.length - 1] as number[];
      if (first[0] !== last[0] || first[1] !== last[1]) return invalid(`${where} is not closed`);
    }
    const crossings = selfIntersections({
      type: "Feature",
      properties: {},
      geometry: { type: "Polygon", coordinates: polygon as number[][][] },
    }) as number[][];
    if (crossings.length) {
      const [lng, lat] = crossings[0] ?? [];
      return {
        problem: {
          problem: "self_intersection",
          message: `the boundary crosses itself at ${lng?.toFixed(5)}, ${lat?.toFixed(5)} (longitude, latitude)`,
        },
      };
    }
  }
  // Only the geometry members are kept: foreign members (crs, bbox) are not ours to store.
  return {
    boundary: { type: g.type, coordinates: g.coordinates } as Geometry,
    bbox: box,
  };
}
