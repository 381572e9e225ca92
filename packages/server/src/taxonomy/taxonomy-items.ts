import type { LocalizedText, SetupTaxonomyItem, TaxonomyKind } from "@openclm/contracts";
import { asc, eq, sql } from "drizzle-orm";
import { type Db, queryRows } from "../db/database.js";
import { responseProtocols } from "../protocols/protocols.schema.js";
import { categories, challengeTypes, keyPopulations, subcategories } from "./taxonomy.schema.js";

/**
 * The four lists Set-up edits (categories → subcategories → challenge types, and key populations) seen as one list of
 * items with a kind, so that the verbs and the spreadsheet treat them alike. A code names one item across all four.
 */

/** An item as stored, whatever its list: `descriptions` only for categories and subcategories. */
export interface TaxonomyItem {
  kind: TaxonomyKind;
  code: string;
  parentCode: string | null;
  labels: LocalizedText;
  descriptions: LocalizedText;
  active: boolean;
  order: number;
}

/** The kind of the items under an item of this kind (null: nothing goes under it). */
export const childKind: Record<TaxonomyKind, TaxonomyKind | null> = {
  category: "subcategory",
  subcategory: "challenge_type",
  challenge_type: null,
  key_population: null,
};

export const hasDescriptions = (kind: TaxonomyKind) => kind === "category" || kind === "subcategory";

/** Every item, retired ones too, parents before children and each list in display order. */
export async function loadItems(db: Db): Promise<TaxonomyItem[]> {
  const [cats, subs, types, pops] = await Promise.all([
    db.select().from(categories).orderBy(asc(categories.sort), asc(categories.code)),
    db.select().from(subcategories).orderBy(asc(subcategories.sort), asc(subcategories.code)),
    db.select().from(challengeTypes).orderBy(asc(challengeTypes.sort), asc(challengeTypes.code)),
    db.select().from(keyPopulations).orderBy(asc(keyPopulations.sort), asc(keyPopulations.code)),
  ]);
  const item = (kind: TaxonomyKind, parentCode: string | null, r: StoredRow): TaxonomyItem => ({
    kind,
    code: r.code,
    parentCode,
    labels: r.labels,
    descriptions: r.descriptions ?? {},
    active: r.active,
    order: r.sort,
  });
  return [
    ...cats.map((c) => item("category", null, c)),
    ...subs.map((s) => item("subcategory", s.categoryCode, s)),
    ...types.map((t) => item("challenge_type", t.subcategoryCode, t)),
    ...pops.map((p) => item("key_population", null, p)),
  ];
}

interface StoredRow {
  code: string;
  sort: number;
  labels: LocalizedText;
  descriptions?: LocalizedText;
  active: boolean;
}

/**
 * The codes (of those given, or all) that at least one report uses: as its category, subcategory, a challenge type or
 * a key population. Reports keep them for ever, so these codes never change or go away.
 */
export async function codesInUse(db: Db, codes?: string[]): Promise<Set<string>> {
  if (codes && codes.length === 0) return new Set();
  const filter = codes
    ? sql`WHERE c = ANY(ARRAY[${sql.join(
        codes.map((c) => sql`${c}`),
        sql`, `,
      )}]::text[])`
    : sql``;
  const rows = await queryRows<{ c: string }>(
    db,
    sql`SELECT DISTINCT c FROM reports,
          unnest(ARRAY[category_code, subcategory_code] || challenge_types || key_populations) AS c ${filter}`,
  );
  return new Set(rows.map((r) => r.c));
}

/** Presents items for Set-up, each marked with whether a report uses its code. */
export function presentItems(items: TaxonomyItem[], used: Set<string>): SetupTaxonomyItem[] {
  return items.map((i) => ({ ...i, inUse: used.has(i.code) }));
}

/** Inserts a new item at sort position `order` (already made room for). */
export async function insertItem(db: Db, item: TaxonomyItem): Promise<void> {
  const base = { code: item.code, sort: item.order, labels: item.labels, active: item.active };
  switch (item.kind) {
    case "category":
      await db.insert(categories).values({ ...base, descriptions: item.descriptions });
      return;
    case "subcategory":
      await db
        .insert(subcategories)
        .values({ ...base, categoryCode: item.parentCode ?? "", descriptions: item.descriptions });
      return;
    case "challenge_type":
      await db.insert(challengeTypes).values({ ...base, subcategoryCode: item.parentCode ?? "" });
      return;
    case "key_population":
      await db.insert(keyPopulations).values(base);
  }
}

type Changes = Partial<Pick<TaxonomyItem, "labels" | "descriptions" | "active" | "order" | "parentCode">>;

/** Writes the fields given of one item (its code stays; a new parent only for a subcategory or challenge type). */
export async function updateItem(db: Db, kind: TaxonomyKind, code: string, changes: Changes): Promise<void> {
  const set = {
    ...(changes.labels ? { labels: changes.labels } : {}),
    ...(changes.active !== undefined ? { active: changes.active } : {}),
    ...(changes.order !== undefined ? { sort: changes.order } : {}),
  };
  const withDescriptions = { ...set, ...(changes.descriptions ? { descriptions: changes.descriptions } : {}) };
  if (!Object.keys(withDescriptions).length && !changes.parentCode) return;
  switch (kind) {
    case "category":
      await db.update(categories).set(withDescriptions).where(eq(categories.code, code));
      return;
    case "subcategory":
      await db
        .update(subcategories)
        .set({ ...withDescriptions, ...(changes.parentCode ? { categoryCode: changes.parentCode } : {}) })
        .where(eq(subcategories.code, code));
      return;
    case "challenge_type":
      await db
        .update(challengeTypes)
        .set({ ...set, ...(changes.parentCode ? { subcategoryCode: changes.parentCode } : {}) })
        .where(eq(challengeTypes.code, code));
      return;
    case "key_population":
      if (Object.keys(set).length) await db.update(keyPopulations).set(set).where(eq(keyPopulations.code, code));
  }
}

/**
 * Removes an item no report uses (a code corrected, a row taken out of the spreadsheet). Its children must be gone or
 * moved first; a subcategory's response protocol goes with it.
 */
export async function deleteItem(db: Db, kind: TaxonomyKind, code: string): Promise<void> {
  switch (kind) {
    case "category":
      await db.delete(categories).where(eq(categories.code, code));
      return;
    case "subcategory":
      await db.delete(responseProtocols).where(eq(responseProtocols.subcategoryCode, code));
      await db.delete(subcategories).where(eq(subcategories.code, code));
      return;
    case "challenge_type":
      await db.delete(challengeTypes).where(eq(challengeTypes.code, code));
      return;
    case "key_population":
      await db.delete(keyPopulations).where(eq(keyPopulations.code, code));
  }
}

/**
 * Gives an item no report uses a new code: the row is copied under the new code, what hangs under it (children, a
 * subcategory's response protocol) is moved across, and the old row removed, all in the caller's transaction.
 */
export async function recodeItem(db: Db, item: TaxonomyItem, newCode: string): Promise<void> {
  await insertItem(db, { ...item, code: newCode });
  if (item.kind === "category") {
    await db.update(subcategories).set({ categoryCode: newCode }).where(eq(subcategories.categoryCode, item.code));
  } else if (item.kind === "subcategory") {
    await db
      .update(challengeTypes)
      .set({ subcategoryCode: newCode })
      .where(eq(challengeTypes.subcategoryCode, item.code));
    await db
      .update(responseProtocols)
      .set({ subcategoryCode: newCode })
      .where(eq(responseProtocols.subcategoryCode, item.code));
  }
  await deleteItem(db, item.kind, item.code);
}
