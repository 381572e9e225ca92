import { eq } from "drizzle-orm";
import type { Db } from "../db/database.js";
import { languages } from "../platform/platform.schema.js";
import {
  DEFAULT_KEY_POPULATIONS,
  DEFAULT_LANGUAGES,
  DEFAULT_TAXONOMY,
  OPTIONAL_LANGUAGES,
} from "./default-taxonomy.js";
import {
  OPTIONAL_KEY_POPULATION_LABELS,
  OPTIONAL_TAXONOMY_DESCRIPTIONS,
  OPTIONAL_TAXONOMY_LABELS,
  withOptional,
} from "./optional-language-labels.js";
import { categories, challengeTypes, keyPopulations, subcategories } from "./taxonomy.schema.js";

/*
 * These seeders run on every boot, for every database. The taxonomy and the key-population list are seeded only into
 * an empty table: after that they are the country's (Set-up may correct or remove a code no report uses, and a
 * restart must not bring it back). Rows go in with ON CONFLICT DO NOTHING, so an administrator's edits to labels,
 * order or `active` always survive, and two processes booting at once are safe.
 */

const isEmpty = async (db: Db, table: typeof categories | typeof keyPopulations) =>
  (await db.select({ code: table.code }).from(table).limit(1)).length === 0;

/** Inserts the default categories, subcategories and challenge types, and the default key populations, once. */
export async function seedDefaultTaxonomy(db: Db): Promise<void> {
  if (await isEmpty(db, keyPopulations)) {
    await db
      .insert(keyPopulations)
      .values(
        DEFAULT_KEY_POPULATIONS.map((k, sort) => ({
          code: k.code,
          sort,
          labels: withOptional(k.labels, OPTIONAL_KEY_POPULATION_LABELS[k.code]),
        })),
      )
      .onConflictDoNothing();
  }
  if (!(await isEmpty(db, categories))) return;
  const cats = DEFAULT_TAXONOMY.map((c, sort) => ({
    code: c.code,
    sort,
    icon: c.icon,
    labels: withOptional(c.labels, OPTIONAL_TAXONOMY_LABELS[c.code]),
    descriptions: withOptional(c.descriptions, OPTIONAL_TAXONOMY_DESCRIPTIONS[c.code]),
  }));
  const subs = DEFAULT_TAXONOMY.flatMap((c) =>
    c.subcategories.map((s, sort) => ({
      code: s.code,
      categoryCode: c.code,
      sort,
      labels: withOptional(s.labels, OPTIONAL_TAXONOMY_LABELS[s.code]),
      descriptions: withOptional(s.descriptions, OPTIONAL_TAXONOMY_DESCRIPTIONS[s.code]),
    })),
  );
  const types = DEFAULT_TAXONOMY.flatMap((c) =>
    c.subcategories.flatMap((s) =>
      s.challengeTypes.map((ct, sort) => ({
        code: ct.code,
        subcategoryCode: s.code,
        sort,
        labels: withOptional(ct.labels, OPTIONAL_TAXONOMY_LABELS[ct.code]),
      })),
    ),
  );
  // Parents first: the foreign keys need them.
  await db.insert(categories).values(cats).onConflictDoNothing();
  await db.insert(subcategories).values(subs).onConflictDoNothing();
  await db.insert(challengeTypes).values(types).onConflictDoNothing();
}

/**
 * Inserts the default languages that are not there yet; English is the default only if nothing else already is. The
 * optional languages are added switched off (an administrator offers them); one already there keeps its state.
 */
export async function seedDefaultLanguages(db: Db): Promise<void> {
  // An administrator may have made another language the default; a second default would make the choice ambiguous.
  const [existingDefault] = await db
    .select({ code: languages.code })
    .from(languages)
    .where(eq(languages.isDefault, true))
    .limit(1);
  const rows = [
    ...DEFAULT_LANGUAGES.map((l) => ({ ...l, isDefault: l.isDefault && !existingDefault })),
    ...OPTIONAL_LANGUAGES.map((l) => ({ ...l, isDefault: false, enabled: false })),
  ];
  await db.insert(languages).values(rows).onConflictDoNothing();
}
