import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { count, eq } from "drizzle-orm";
import type { Database } from "../db/database.js";
import { areas, facilities } from "../geography/geography.schema.js";
import { getSetting } from "../platform/platform.repo.js";
import type { CountrySettings } from "../platform/platform.service.js";
import { createTestDatabase } from "../testing/test-database.js";
import { buildDemoland } from "./demoland.js";
import { seedDemoGeography } from "./seed-demo.js";

let database: Database;
const demo = buildDemoland();

before(async () => {
  database = await createTestDatabase();
  await seedDemoGeography(database.db);
});

after(async () => {
  await database.close();
});

async function snapshot() {
  const { db } = database;
  const areaRows = await db.select({ id: areas.id, code: areas.code }).from(areas).orderBy(areas.code);
  const facilityRows = await db
    .select({ id: facilities.id, code: facilities.code })
    .from(facilities)
    .orderBy(facilities.code);
  return { areaRows, facilityRows };
}

test("all areas and facilities are stored", async () => {
  const { areaRows, facilityRows } = await snapshot();
  assert.equal(areaRows.length, demo.areas.length);
  assert.equal(facilityRows.length, demo.facilities.length);
});

test("parents, ancestors (root first), levels and leaves are stored consistently", async () => {
  const rows = await database.db.select().from(areas);
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const row of rows) {
    const spec = demo.areas.find((a) => a.code === row.code);
    assert.ok(spec, row.code);
    assert.equal(row.level, spec.level);
    assert.equal(row.isLeaf, spec.isLeaf);
    assert.equal(row.population, spec.population);
    assert.deepEqual(row.boundary, spec.boundary);
    assert.deepEqual(row.bbox, spec.bbox);
    assert.equal(row.ancestorIds.length, row.level, row.code);
    assert.equal(row.parentId ?? null, row.ancestorIds.at(-1) ?? null, row.code);
    assert.equal(byId.get(row.parentId ?? "")?.code ?? null, spec.parentCode);
    if (row.ancestorIds[0]) assert.equal(byId.get(row.ancestorIds[0])?.code, "DL");
  }
});

test("facilities point at their district", async () => {
  const rows = await database.db
    .select({ code: facilities.code, district: areas.code, isLeaf: areas.isLeaf })
    .from(facilities)
    .innerJoin(areas, eq(areas.id, facilities.districtId));
  for (const row of rows) {
    assert.equal(row.district, demo.facilities.find((f) => f.code === row.code)?.districtCode);
    assert.equal(row.isLeaf, true);
  }
});

test("country settings and platform name are set", async () => {
  const countrySetting = await getSetting<CountrySettings>(database.db, "country");
  assert.equal(countrySetting?.code, "DL");
  assert.equal(countrySetting?.names.en, "Demoland");
  assert.deepEqual(countrySetting?.levels, ["country", "region", "district"]);
  assert.equal(await getSetting(database.db, "platformName"), "OpenCLM Demoland");
});

test("seeding twice inserts nothing twice and keeps ids and edits", async () => {
  const { db } = database;
  const before = await snapshot();
  const edited = before.facilityRows[0]?.code ?? "";
  await db
    .update(facilities)
    .set({ names: { en: "Renamed by an admin" } })
    .where(eq(facilities.code, edited));
  await seedDemoGeography(db);
  assert.deepEqual(await snapshot(), before);
  const [row] = await db.select({ names: facilities.names }).from(facilities).where(eq(facilities.code, edited));
  assert.deepEqual(row?.names, { en: "Renamed by an admin" });
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(areas);
  assert.equal(n, demo.areas.length);
});
