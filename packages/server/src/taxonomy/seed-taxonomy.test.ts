import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { count, eq } from "drizzle-orm";
import type { Database } from "../db/database.js";
import { languages } from "../platform/platform.schema.js";
import { createTestDatabase } from "../testing/test-database.js";
import { DEFAULT_LANGUAGES, DEFAULT_TAXONOMY } from "./default-taxonomy.js";
import { seedDefaultLanguages, seedDefaultTaxonomy } from "./seed-taxonomy.js";
import { loadTaxonomy } from "./taxonomy.repo.js";
import { categories, challengeTypes, subcategories } from "./taxonomy.schema.js";

let database: Database;

before(async () => {
  database = await createTestDatabase();
});

after(async () => {
  await database.close();
});

async function counts() {
  const { db } = database;
  const [[c], [s], [t], [l]] = await Promise.all([
    db.select({ n: count() }).from(categories),
    db.select({ n: count() }).from(subcategories),
    db.select({ n: count() }).from(challengeTypes),
    db.select({ n: count() }).from(languages),
  ]);
  return { categories: c?.n, subcategories: s?.n, challengeTypes: t?.n, languages: l?.n };
}

const expected = {
  categories: DEFAULT_TAXONOMY.length,
  subcategories: DEFAULT_TAXONOMY.flatMap((c) => c.subcategories).length,
  challengeTypes: DEFAULT_TAXONOMY.flatMap((c) => c.subcategories.flatMap((s) => s.challengeTypes)).length,
  languages: DEFAULT_LANGUAGES.length,
};

test("seeding fills an empty database with the whole default taxonomy, in order", async () => {
  await seedDefaultTaxonomy(database.db);
  await seedDefaultLanguages(database.db);
  assert.deepEqual(await counts(), expected);
  const tree = await loadTaxonomy(database.db);
  assert.deepEqual(
    tree.map((c) => [c.code, c.subcategories.map((s) => s.code)]),
    DEFAULT_TAXONOMY.map((c) => [c.code, c.subcategories.map((s) => s.code)]),
  );
  const availability = tree[2]?.subcategories[0];
  assert.equal(availability?.challengeTypes[0]?.code, "no_medicines_in_stock");
});

test("seeding twice inserts nothing twice", async () => {
  await seedDefaultTaxonomy(database.db);
  await seedDefaultLanguages(database.db);
  await seedDefaultTaxonomy(database.db);
  await seedDefaultLanguages(database.db);
  assert.deepEqual(await counts(), expected);
});

test("an administrator's edits survive a re-seed", async () => {
  const { db } = database;
  await db
    .update(challengeTypes)
    .set({ labels: { en: "Edited" }, active: false })
    .where(eq(challengeTypes.code, "no_xray"));
  await db.update(categories).set({ icon: "custom" }).where(eq(categories.code, "rights"));
  await seedDefaultTaxonomy(db);
  const [type] = await db.select().from(challengeTypes).where(eq(challengeTypes.code, "no_xray"));
  assert.deepEqual(type?.labels, { en: "Edited" });
  assert.equal(type?.active, false);
  const [cat] = await db.select().from(categories).where(eq(categories.code, "rights"));
  assert.equal(cat?.icon, "custom");
});

test("a re-added language never becomes a second default", async () => {
  const { db } = database;
  await db.update(languages).set({ isDefault: false }).where(eq(languages.code, "en"));
  await db.update(languages).set({ isDefault: true }).where(eq(languages.code, "fr"));
  await db.delete(languages).where(eq(languages.code, "en"));
  await seedDefaultLanguages(db);
  const defaults = await db.select({ code: languages.code }).from(languages).where(eq(languages.isDefault, true));
  assert.deepEqual(
    defaults.map((d) => d.code),
    ["fr"],
  );
  const [en] = await db.select().from(languages).where(eq(languages.code, "en"));
  assert.equal(en?.name, "English");
});

test("the machine-assisted languages arrive switched off, and an administrator's choice to offer one survives a re-seed", async () => {
  const { db } = database;
  await seedDefaultLanguages(db);
  const rows = await db.select().from(languages);
  for (const l of DEFAULT_LANGUAGES.filter((d) => !d.enabled)) {
    const row = rows.find((r) => r.code === l.code);
    assert.equal(row?.enabled, false, l.code);
    assert.equal(row?.isDefault, false, l.code);
    assert.equal(row?.name, l.name);
  }
  await db.update(languages).set({ enabled: true }).where(eq(languages.code, "uk"));
  await seedDefaultLanguages(db);
  const [uk] = await db.select().from(languages).where(eq(languages.code, "uk"));
  assert.equal(uk?.enabled, true);
});
