import { eq } from "drizzle-orm";
import type { Db } from "../db/database.js";
import { languages } from "../platform/platform.schema.js";
import { DEFAULT_LANGUAGES, DEFAULT_TAXONOMY } from "./default-taxonomy.js";
import { categories, challengeTypes, subcategories } from "./taxonomy.schema.js";

/*
 * These seeders run on every boot, for every database. They only add rows whose code is missing
 * (ON CONFLICT DO NOTHING), so an administrator's edits to labels, order or `active` always survive a restart.
 * Two processes booting at once are safe for the same reason.
 */

/** Inserts the default categories, subcategories and challenge types that are not there yet. */
export async function seedDefaultTaxonomy(db: Db): Promise<void> {
  const cats = DEFAULT_TAXONOMY.map((c, sort) => ({
    code: c.code,
    sort,
    icon: c.icon,
    labels: c.labels,
    descriptions: c.descriptions,
  }));
  const subs = DEFAULT_TAXONOMY.flatMap((c) =>
    c.subcategories.map((s, sort) => ({
      code: s.code,
      categoryCode: c.code,
      sort,
      labels: s.labels,
      descriptions: s.descriptions,
    })),
  );
  const types = DEFAULT_TAXONOMY.flatMap((c) =>
    c.subcategories.flatMap((s) =>
      s.challengeTypes.map((ct, sort) => ({ code: ct.code, subcategoryCode: s.code, sort, labels: ct.labels })),
    ),
  );
  // Parents first: the foreign keys need them.
  await db.insert(categories).values(cats).onConflictDoNothing();
  await db.insert(subcategories).values(subs).onConflictDoNothing();
  await db.insert(challengeTypes).values(types).onConflictDoNothing();
}

/** Inserts the default languages that are not there yet; English is the default only if nothing else already is. */
export async function seedDefaultLanguages(db: Db): Promise<void> {
  // An administrator may have made another language the default; a second default would make the choice ambiguous.
  const [existingDefault] = await db
    .select({ code: languages.code })
    .from(languages)
    .where(eq(languages.isDefault, true))
    .limit(1);
  const rows = DEFAULT_LANGUAGES.map((l) => ({ ...l, isDefault: l.isDefault && !existingDefault }));
  await db.insert(languages).values(rows).onConflictDoNothing();
}
