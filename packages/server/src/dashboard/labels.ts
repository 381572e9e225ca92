import type { IndicatorDimension } from "@openclm/contracts";
import { inArray } from "drizzle-orm";
import type { Db } from "../db/database.js";
import { areas, facilities } from "../geography/geography.schema.js";
import { staffUsers } from "../identity/identity.schema.js";
import { pickText } from "../platform/i18n-text.js";
import { DEFAULT_KEY_POPULATIONS } from "../taxonomy/default-taxonomy.js";
import { categories, challengeTypes, keyPopulations, subcategories } from "../taxonomy/taxonomy.schema.js";

type Labelled = { dimensions: Record<string, string> };

/** Display names for the dimension values that are ids or taxonomy codes, in the reader's language. */
export async function labelsFor(
  db: Db,
  dimensions: IndicatorDimension[],
  rows: Labelled[],
  lang: string,
): Promise<Record<string, Record<string, string>>> {
  const out: Record<string, Record<string, string>> = {};
  const valuesOf = (d: string) => [...new Set(rows.map((r) => r.dimensions[d]).filter((v): v is string => !!v))];
  for (const d of dimensions) {
    const values = valuesOf(d);
    if (!values.length) continue;
    const named = await namesOf(db, d, values);
    if (named) out[d] = Object.fromEntries(named.map((n) => [n.key, pickText(n.names, lang)]));
  }
  return out;
}

async function namesOf(db: Db, dimension: string, values: string[]) {
  switch (dimension) {
    case "region":
    case "district":
      return await db
        .select({ key: areas.id, names: areas.names })
        .from(areas)
        .where(inArray(areas.id, ids(values)));
    case "facility":
      return db
        .select({ key: facilities.id, names: facilities.names })
        .from(facilities)
        .where(inArray(facilities.id, ids(values)));
    case "category":
      return db
        .select({ key: categories.code, names: categories.labels })
        .from(categories)
        .where(inArray(categories.code, values));
    case "subcategory":
      return db
        .select({ key: subcategories.code, names: subcategories.labels })
        .from(subcategories)
        .where(inArray(subcategories.code, values));
    case "challenge_type":
      return db
        .select({ key: challengeTypes.code, names: challengeTypes.labels })
        .from(challengeTypes)
        .where(inArray(challengeTypes.code, values));
    case "assistant":
      return (
        await db
          .select({ key: staffUsers.id, name: staffUsers.displayName, email: staffUsers.email })
          .from(staffUsers)
          .where(inArray(staffUsers.id, ids(values)))
      ).map((s) => ({ key: s.key, names: { "": s.name || s.email } }));
    case "key_population": {
      // The default ones keep the dashboard's own short wording; those a country added are named from Set-up.
      const added = values.filter((v) => !DEFAULT_KEY_POPULATIONS.some((k) => k.code === v));
      if (!added.length) return null;
      return db
        .select({ key: keyPopulations.code, names: keyPopulations.labels })
        .from(keyPopulations)
        .where(inArray(keyPopulations.code, added));
    }
    default:
      return null;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Only well-formed ids reach a uuid comparison (a bad filter value would otherwise be a database error). */
const ids = (values: string[]) => {
  const ok = values.filter((v) => UUID.test(v));
  return ok.length ? ok : ["00000000-0000-0000-0000-000000000000"];
};
