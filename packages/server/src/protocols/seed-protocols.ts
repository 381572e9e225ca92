import { inArray } from "drizzle-orm";
import type { Db } from "../db/database.js";
import { subcategories } from "../taxonomy/taxonomy.schema.js";
import { DEFAULT_PROTOCOLS } from "./default-protocols.js";
import { withOptionalLanguages } from "./optional-language-protocols.js";
import { insertMissingProtocols } from "./protocols.repo.js";

/**
 * Inserts the default protocol of each subcategory that has none yet (runs on every boot, like the taxonomy seed):
 * Set-up edits always survive a restart, and subcategories a country removed from its taxonomy are skipped.
 */
export async function seedDefaultProtocols(db: Db): Promise<void> {
  const present = await db
    .select({ code: subcategories.code })
    .from(subcategories)
    .where(
      inArray(
        subcategories.code,
        DEFAULT_PROTOCOLS.map((p) => p.subcategoryCode),
      ),
    );
  const known = new Set(present.map((s) => s.code));
  await insertMissingProtocols(
    db,
    DEFAULT_PROTOCOLS.filter((p) => known.has(p.subcategoryCode)).map(withOptionalLanguages),
  );
}
