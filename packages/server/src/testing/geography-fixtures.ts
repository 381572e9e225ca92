/**
 * A real-shaped country for import tests, made here rather than read from Demoland: a country, two regions and six
 * districts (three levels) with square boundaries that tile each other, and facilities spread over the districts.
 *
 *   lat  2 ┌──────┬──────┬──────┐
 *          │ N-1  │ N-2  │ N-3  │   region N (TC-N)
 *   lat  0 ├──────┼──────┼──────┤
 *          │ S-1  │ S-2  │ S-3  │   region S (TC-S)
 *   lat -2 └──────┴──────┴──────┘
 *        lng 30   32     34     36
 */

export interface FixtureFeature {
  type: "Feature";
  properties: Record<string, unknown>;
  geometry: { type: "Polygon"; coordinates: number[][][] } | null;
}

export const square = (west: number, south: number, east: number, north: number) => ({
  type: "Polygon" as const,
  coordinates: [
    [
      [west, south],
      [east, south],
      [east, north],
      [west, north],
      [west, south],
    ],
  ],
});

const feature = (
  code: string,
  parentCode: string | null,
  level: number,
  en: string,
  geometry: FixtureFeature["geometry"],
  population?: number,
): FixtureFeature => ({
  type: "Feature",
  properties: { code, parentCode, level, "name:en": en, "name:fr": `${en} (fr)`, population },
  geometry,
});

/** The district codes, west to east, north then south. */
export const fixtureDistricts = ["TC-N-1", "TC-N-2", "TC-N-3", "TC-S-1", "TC-S-2", "TC-S-3"] as const;

/** Where a district's square is (its south-west corner). */
export function districtCorner(code: string): { lng: number; lat: number } {
  const i = fixtureDistricts.indexOf(code as (typeof fixtureDistricts)[number]);
  return { lng: 30 + (i % 3) * 2, lat: i < 3 ? 0 : -2 };
}

export function fixtureCountry(): { type: "FeatureCollection"; features: FixtureFeature[] } {
  const features = [
    feature("TC", null, 0, "Testland", square(30, -2, 36, 2)),
    feature("TC-N", "TC", 1, "North", square(30, 0, 36, 2)),
    feature("TC-S", "TC", 1, "South", square(30, -2, 36, 0)),
    ...fixtureDistricts.map((code) => {
      const { lng, lat } = districtCorner(code);
      return feature(code, code.slice(0, 4), 2, `District ${code.slice(3)}`, square(lng, lat, lng + 2, lat + 2), 1000);
    }),
  ];
  return { type: "FeatureCollection", features };
}

/** A facility CSV of `n` facilities, spread round-robin over `districts`, inside each district's square. */
export function fixtureFacilitiesCsv(n: number, districts: readonly string[] = fixtureDistricts): string {
  const header = "code,name:en,name:fr,type,district_code,latitude,longitude,address,phone,opening_hours,services";
  const types = ["tb_clinic", "dot_centre", "hospital", "laboratory", "pharmacy", "ngo"];
  const lines = Array.from({ length: n }, (_, i) => {
    const district = districts[i % districts.length]!;
    const { lng, lat } = districtCorner(district);
    const at = (0.1 + (i % 17) * 0.1).toFixed(4);
    return [
      `F-${String(i + 1).padStart(3, "0")}`,
      `"Clinic ${i + 1}, ${district}"`,
      `Clinique ${i + 1}`,
      types[i % types.length],
      district,
      (lat + Number(at)).toFixed(4),
      (lng + Number(at)).toFixed(4),
      `"${i + 1} Main Road, ${district}"`,
      i % 5 === 0 ? "" : `+255 700 ${String(100000 + i)}`,
      i % 3 === 0 ? "mon-fri 08:00-16:00; sat 09:00-12:00" : '"mon 08:00-12:00,13:00-17:00"',
      i % 2 === 0 ? "tb_testing;dot" : "",
    ].join(",");
  });
  return `${[header, ...lines].join("\n")}\n`;
}
