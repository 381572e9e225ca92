/**
 * Demoland: a fictional country for demos and tests (PRODUCT.md 6). It sits in Central Asia on the map only so
 * that coordinates look plausible; no basemap is drawn and every name is invented.
 *
 * Everything here is computed from fixed seeds, so two runs produce the same geometry to the last digit.
 */

import type { FacilityType } from "@openclm/contracts";
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import type { OpeningHours } from "../geography/geography.schema.js";
import type { DefaultText } from "../taxonomy/default-taxonomy.js";
import {
  addressExtra,
  COUNTRY_NAMES,
  type DemoExtraLanguage,
  districtExtraNames,
  facilityExtraNames,
  REGION_NAMES,
} from "./demoland-extra-names.js";
import { DEMO_FACILITIES, type FacilitySpec, HOURS, SERVICES, STREETS, TYPE_NAMES } from "./demoland-facilities.js";
import { DEMOLAND_GRID, layoutDemoland, type RegionSeed } from "./demoland-layout.js";
import { bboxOf, cellCentre, edgeNeighbours, type GridSpec, mulberry32, outline, type Ring } from "./grid-geometry.js";

/** A Demoland name or address: the four default languages and the extra ones Demoland is written in. */
type DemoText = DefaultText & Record<DemoExtraLanguage, string>;

export interface DemoArea {
  code: string;
  parentCode: string | null;
  level: number;
  names: DemoText;
  boundary: { type: "Polygon"; coordinates: Ring[] };
  bbox: [number, number, number, number];
  /** People affected by TB (the indicator denominator). */
  population: number;
  isLeaf: boolean;
}

export interface DemoFacility {
  code: string;
  districtCode: string;
  type: FacilityType;
  names: DemoText;
  address: DemoText;
  phone: string;
  lat: number;
  lng: number;
  openingHours: OpeningHours;
  services: string[];
}

export interface Demoland {
  country: { code: string; names: DemoText; levels: string[] };
  platformName: string;
  /** Parents always come before their children. */
  areas: DemoArea[];
  facilities: DemoFacility[];
}

interface DistrictName extends DefaultText {
  /** Russian genitive, for facility names such as "Районная больница Ташкора". */
  ruGen: string;
}

interface RegionData extends RegionSeed {
  names: DefaultText;
  districts: { names: DistrictName; population: number }[];
}

function n(en: string, fr: string, ru: string, pt: string): DefaultText {
  return { en, fr, ru, pt };
}

/** A district's name is a proper noun, written the same in the Latin-script languages. */
function dn(latin: string, ru: string, ruGen: string): DistrictName {
  return { en: latin, fr: latin, ru, pt: latin, ruGen };
}

export const DEMOLAND_COUNTRY = {
  code: "DL",
  names: { ...n("Demoland", "Demoland", "Демоленд", "Demolândia"), ...COUNTRY_NAMES },
  levels: ["country", "region", "district"],
};

/** Regions with their seed points (map units) and districts; populations are people affected by TB. */
const REGIONS: RegionData[] = [
  {
    code: "DL-N",
    at: [15, 28],
    districtCount: 4,
    names: n("Korvana", "Korvana", "Корвана", "Korvana"),
    districts: [
      { names: dn("Tashkor", "Ташкор", "Ташкора"), population: 1240 },
      { names: dn("Brevnik", "Бревник", "Бревника"), population: 860 },
      { names: dn("Ozyrta", "Озырта", "Озырты"), population: 540 },
      { names: dn("Ostravin", "Остравин", "Остравина"), population: 410 },
    ],
  },
  {
    code: "DL-E",
    at: [29, 21],
    districtCount: 3,
    names: n("Eastern Highlands", "Hauts-Plateaux de l'Est", "Восточное нагорье", "Planalto Oriental"),
    districts: [
      { names: dn("Dalbek", "Далбек", "Далбека"), population: 720 },
      { names: dn("Marula", "Марула", "Марулы"), population: 1980 },
      { names: dn("Yeskara", "Ескара", "Ескары"), population: 380 },
    ],
  },
  {
    code: "DL-S",
    at: [20, 7],
    districtCount: 4,
    names: n("Lumbeza", "Lumbeza", "Лумбеза", "Lumbeza"),
    districts: [
      { names: dn("Moreza", "Мореза", "Морезы"), population: 2860 },
      { names: dn("Zambuka", "Замбука", "Замбуки"), population: 1510 },
      { names: dn("Chimbara", "Чимбара", "Чимбары"), population: 950 },
      { names: dn("Ndumeli", "Ндумели", "Ндумели"), population: 640 },
    ],
  },
  {
    code: "DL-W",
    at: [6, 14],
    districtCount: 3,
    names: n("Zelmir Valley", "Vallée de Zelmir", "Зельмирская долина", "Vale de Zelmir"),
    districts: [
      { names: dn("Grodvin", "Гродвин", "Гродвина"), population: 1120 },
      { names: dn("Tuzmala", "Тузмала", "Тузмалы"), population: 470 },
      { names: dn("Velisk", "Велиск", "Велиска"), population: 690 },
    ],
  },
];

function districtCode(regionCode: string, index: number): string {
  return `${regionCode}-${String(index + 1).padStart(2, "0")}`;
}

function area(g: GridSpec, cells: number[], fields: Omit<DemoArea, "boundary" | "bbox">): DemoArea {
  const ring = outline(g, new Set(cells));
  return { ...fields, boundary: { type: "Polygon", coordinates: [ring] }, bbox: bboxOf(ring) };
}

function buildAreas(g: GridSpec): { areas: DemoArea[]; districtCells: Map<string, number[]> } {
  const layout = layoutDemoland(g, REGIONS);
  const districtCells = new Map<string, number[]>();
  const regions: DemoArea[] = [];
  const districts: DemoArea[] = [];
  REGIONS.forEach((r, ri) => {
    const parts = layout.regions[ri] ?? [];
    parts.forEach((cells, di) => {
      const d = r.districts[di];
      if (!d) throw new Error(`no name for district ${di + 1} of ${r.code}`);
      const code = districtCode(r.code, di);
      const { ruGen: _genitive, ...own } = d.names;
      const names = { ...own, ...districtExtraNames(own.en) };
      districtCells.set(code, cells);
      districts.push(
        area(g, cells, { code, parentCode: r.code, level: 2, names, population: d.population, isLeaf: true }),
      );
    });
    const population = r.districts.reduce((s, d) => s + d.population, 0);
    const extra = REGION_NAMES[r.code];
    if (!extra) throw new Error(`no names in the extra languages for region ${r.code}`);
    const fields = {
      code: r.code,
      parentCode: "DL",
      level: 1,
      names: { ...r.names, ...extra },
      population,
      isLeaf: false,
    };
    regions.push(area(g, parts.flat(), fields));
  });
  const population = regions.reduce((s, r) => s + r.population, 0);
  const country = area(g, layout.country, {
    code: DEMOLAND_COUNTRY.code,
    parentCode: null,
    level: 0,
    names: DEMOLAND_COUNTRY.names,
    population,
    isLeaf: false,
  });
  return { areas: [country, ...regions, ...districts], districtCells };
}

/** Cells well inside a district (all four neighbours in it too), so a facility never sits on a border. */
function innerCells(g: GridSpec, cells: number[]): number[] {
  const inDistrict = new Set(cells);
  const inner = cells.filter((c) => edgeNeighbours(g, c).every((nb) => inDistrict.has(nb)));
  return inner.length > 0 ? inner : cells;
}

function districtNameOf(code: string): DistrictName {
  const [, region, idx] = code.split("-");
  const d = REGIONS.find((r) => r.code === `DL-${region}`)?.districts[Number(idx) - 1];
  if (!d) throw new Error(`unknown district ${code}`);
  return d.names;
}

function facilityNames(type: FacilityType, place: DistrictName): DemoText {
  const tpl = TYPE_NAMES[type];
  const fill = (s: string) => s.replace("{p}", place.en).replace("{g}", place.ruGen);
  return {
    en: fill(tpl.en),
    fr: fill(tpl.fr),
    ru: fill(tpl.ru),
    pt: fill(tpl.pt),
    ...facilityExtraNames(type, districtExtraNames(place.en)),
  };
}

function facilityAddress(place: DistrictName, rand: () => number): DemoText {
  const index = Math.floor(rand() * STREETS.length);
  const street = STREETS[index] as DefaultText;
  const no = 1 + Math.floor(rand() * 120);
  return {
    en: `${no} ${street.en}, ${place.en}`,
    fr: `${no}, ${street.fr}, ${place.fr}`,
    ru: `${street.ru}, ${no}, ${place.ru}`,
    pt: `${street.pt}, ${no}, ${place.pt}`,
    ...addressExtra(index, no, districtExtraNames(place.en)),
  };
}

function phoneNumber(rand: () => number): string {
  const digits = (count: number) => Array.from({ length: count }, () => Math.floor(rand() * 10)).join("");
  // +999 is not assigned to any country, so a demo number can never ring a real phone.
  return `+999 ${digits(2)} ${digits(3)} ${digits(4)}`;
}

function buildFacility(
  g: GridSpec,
  spec: FacilitySpec,
  code: string,
  cell: number,
  polygon: DemoArea["boundary"],
  rand: () => number,
): DemoFacility {
  const place = districtNameOf(spec.district);
  const [lng, lat] = cellCentre(g, cell);
  if (!booleanPointInPolygon([lng, lat], polygon, { ignoreBoundary: true })) {
    throw new Error(`facility ${code} is not inside its district`);
  }
  return {
    code,
    districtCode: spec.district,
    type: spec.type,
    names: facilityNames(spec.type, place),
    address: facilityAddress(place, rand),
    phone: phoneNumber(rand),
    lat,
    lng,
    openingHours: HOURS[spec.hours ?? "weekdays"],
    services: [...new Set([...SERVICES[spec.type], ...(spec.extraServices ?? [])])],
  };
}

function buildFacilities(g: GridSpec, areas: DemoArea[], districtCells: Map<string, number[]>): DemoFacility[] {
  const rand = mulberry32(g.seed ^ 0x5eed);
  const taken = new Map<string, Set<number>>();
  return DEMO_FACILITIES.map((spec) => {
    const cells = innerCells(g, districtCells.get(spec.district) ?? []);
    const used = taken.get(spec.district) ?? new Set<number>();
    taken.set(spec.district, used);
    const free = cells.filter((c) => !used.has(c));
    const cell = free[Math.floor(rand() * free.length)];
    const polygon = areas.find((a) => a.code === spec.district)?.boundary;
    if (cell === undefined || !polygon) throw new Error(`no room for a facility in ${spec.district}`);
    used.add(cell);
    const code = `${spec.district}-F${String(used.size).padStart(2, "0")}`;
    return buildFacility(g, spec, code, cell, polygon, rand);
  });
}

/** Builds the whole demo country: areas (parents first) and facilities. Pure and deterministic. */
export function buildDemoland(g: GridSpec = DEMOLAND_GRID): Demoland {
  const { areas, districtCells } = buildAreas(g);
  return {
    country: DEMOLAND_COUNTRY,
    platformName: "OpenCLM Demoland",
    areas,
    facilities: buildFacilities(g, areas, districtCells),
  };
}
