import { inArray } from "drizzle-orm";
import type { Db } from "../db/database.js";
import { areas, facilities } from "../geography/geography.schema.js";
import { getSetting, putSetting } from "../platform/platform.repo.js";
import { languages } from "../platform/platform.schema.js";
import type { CountrySettings } from "../platform/platform.service.js";
import { buildDemoland, type DemoArea, type Demoland } from "./demoland.js";
import { DEMO_EXTRA_LANGUAGES } from "./demoland-extra-names.js";

/**
 * Loads Demoland's country settings, areas and facilities. Rows are matched by code and only missing ones are
 * added, so a second run changes nothing and an administrator's edits to the demo survive it.
 */
export async function seedDemoGeography(db: Db): Promise<void> {
  const demo = buildDemoland();
  await seedSettings(db, demo);
  await offerShippedLanguages(db);
  const idByCode = await seedAreas(db, demo.areas);
  await seedFacilities(db, demo, idByCode);
}

async function seedSettings(db: Db, demo: Demoland): Promise<void> {
  const country: CountrySettings = { code: demo.country.code, names: demo.country.names, levels: demo.country.levels };
  if ((await getSetting(db, "country")) === undefined) await putSetting(db, "country", country);
  if ((await getSetting(db, "platformName")) === undefined) await putSetting(db, "platformName", demo.platformName);
}

/**
 * Demoland shows every language the platform ships, the machine-assisted ones included (a real country offers those
 * once someone has reviewed them). Runs on the empty database the demo is seeded into, before its content.
 */
async function offerShippedLanguages(db: Db): Promise<void> {
  await db
    .update(languages)
    .set({ enabled: true })
    .where(inArray(languages.code, [...DEMO_EXTRA_LANGUAGES]));
}

/** Inserts level by level (parents first), then reads the ids back: existing rows keep theirs. */
async function seedAreas(db: Db, demoAreas: DemoArea[]): Promise<Map<string, { id: string; ancestorIds: string[] }>> {
  const known = new Map<string, { id: string; ancestorIds: string[] }>();
  const levels = [...new Set(demoAreas.map((a) => a.level))].sort((a, b) => a - b);
  for (const level of levels) {
    const rows = demoAreas.filter((a) => a.level === level).map((a) => areaRow(a, known));
    await db.insert(areas).values(rows).onConflictDoNothing({ target: areas.code });
    const stored = await db
      .select({ id: areas.id, code: areas.code, ancestorIds: areas.ancestorIds })
      .from(areas)
      .where(
        inArray(
          areas.code,
          rows.map((r) => r.code),
        ),
      );
    for (const s of stored) known.set(s.code, { id: s.id, ancestorIds: s.ancestorIds });
  }
  return known;
}

function areaRow(a: DemoArea, known: Map<string, { id: string; ancestorIds: string[] }>) {
  const parent = a.parentCode === null ? undefined : known.get(a.parentCode);
  if (a.parentCode !== null && !parent) throw new Error(`parent ${a.parentCode} of ${a.code} is missing`);
  return {
    parentId: parent?.id ?? null,
    ancestorIds: parent ? [...parent.ancestorIds, parent.id] : [],
    level: a.level,
    code: a.code,
    names: a.names,
    boundary: a.boundary,
    bbox: a.bbox,
    population: a.population,
    isLeaf: a.isLeaf,
  };
}

async function seedFacilities(db: Db, demo: Demoland, idByCode: Map<string, { id: string }>): Promise<void> {
  const rows = demo.facilities.map((f) => {
    const district = idByCode.get(f.districtCode);
    if (!district) throw new Error(`district ${f.districtCode} of facility ${f.code} is missing`);
    const { districtCode: _code, ...fields } = f;
    return { ...fields, districtId: district.id };
  });
  await db.insert(facilities).values(rows).onConflictDoNothing({ target: facilities.code });
}
