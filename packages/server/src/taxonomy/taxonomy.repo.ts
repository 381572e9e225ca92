import { asc, eq } from "drizzle-orm";
import type { Db } from "../db/database.js";
import { categories, challengeTypes, keyPopulations, subcategories } from "./taxonomy.schema.js";

export type CategoryRow = typeof categories.$inferSelect;
export type SubcategoryRow = typeof subcategories.$inferSelect;
export type ChallengeTypeRow = typeof challengeTypes.$inferSelect;
export type TaxonomyTree = (CategoryRow & {
  subcategories: (SubcategoryRow & { challengeTypes: ChallengeTypeRow[] })[];
})[];

/** The active taxonomy as a tree, in display order. Three small queries; the tree is assembled in memory. */
export async function loadTaxonomy(db: Db): Promise<TaxonomyTree> {
  const [cats, subs, types] = await Promise.all([
    db.select().from(categories).where(eq(categories.active, true)).orderBy(asc(categories.sort)),
    db.select().from(subcategories).where(eq(subcategories.active, true)).orderBy(asc(subcategories.sort)),
    db.select().from(challengeTypes).where(eq(challengeTypes.active, true)).orderBy(asc(challengeTypes.sort)),
  ]);
  return cats.map((c) => ({
    ...c,
    subcategories: subs
      .filter((s) => s.categoryCode === c.code)
      .map((s) => ({ ...s, challengeTypes: types.filter((t) => t.subcategoryCode === s.code) })),
  }));
}

/** The key populations a reporter may choose, in display order (retired ones left out). */
export function loadKeyPopulations(db: Db) {
  return db.select().from(keyPopulations).where(eq(keyPopulations.active, true)).orderBy(asc(keyPopulations.sort));
}

/** The items not offered any more (retired, or under a retired parent): `all` less the active tree and list. */
export function retiredItems<T extends { code: string }>(
  all: T[],
  tree: TaxonomyTree,
  keyPops: { code: string }[],
): T[] {
  const offered = new Set([
    ...keyPops.map((k) => k.code),
    ...tree.flatMap((c) => [
      c.code,
      ...c.subcategories.flatMap((s) => [s.code, ...s.challengeTypes.map((ct) => ct.code)]),
    ]),
  ]);
  return all.filter((i) => !offered.has(i.code));
}
