import { eq, sql } from "drizzle-orm";
import type { Database, Db } from "../db/database.js";
import { areas, facilities } from "../geography/geography.schema.js";
import { getSetting, listEnabledLanguages } from "../platform/platform.repo.js";
import { categories, challengeTypes, keyPopulations, subcategories } from "../taxonomy/taxonomy.schema.js";

/**
 * What intake checks a report against (active taxonomy, districts, facilities), held in memory so that a submission
 * costs no extra round trips. Entries live for a short time; a code or id not in memory is looked up once more in
 * the database before it is refused, so something created a moment ago is accepted at once. Set-up calls
 * `invalidateReportLookups()` after it edits any of these.
 */
export interface ReportLookups {
  subcategoryCategory: Map<string, string>;
  challengeTypeSubcategory: Map<string, string>;
  categories: Set<string>;
  /** Active key-population codes: a retired one is kept on old reports but taken on no new one. */
  keyPopulations: Set<string>;
  districts: Map<string, { regionId: string | null }>;
  facilities: Map<string, string>;
  /** The country settings' ISO code: the numbering plan of phone numbers typed without a country prefix. */
  country: string | null;
  /** The enabled languages, and the default: a report's language is always one of them. */
  languages: string[];
  defaultLanguage: string;
}

const TTL_MS = 30_000;
/** A miss reloads everything at most this often, so random codes cannot make every request reload. */
const MISS_RELOAD_MS = 1_000;

interface Entry {
  at: number;
  value: Promise<ReportLookups>;
}
const cache = new WeakMap<object, Entry>();

let generation = 0;
const generationOf = new WeakMap<object, number>();

/** Forgets what is held, for one database or for all. */
export function invalidateReportLookups(db?: Db): void {
  if (db) cache.delete(db);
  else generation++;
}

/** Processes that share the database hear on this channel that Set-up changed what intake checks against. */
const LOOKUPS_CHANNEL = "report_lookups";

/**
 * Tells every process sharing the database to forget its lookups once the caller's transaction commits (NOTIFY is
 * delivered at commit, and not at all on rollback). The writing process should also call `invalidateReportLookups`
 * after its commit, so that its own next request sees the change without waiting for the notification.
 */
export async function announceReportLookupsChanged(tx: Db): Promise<void> {
  await tx.execute(sql`SELECT pg_notify(${LOOKUPS_CHANNEL}, '')`);
}

/** Forgets the lookups whenever another process announces a change (and after a lost LISTEN connection). */
export function followReportLookupChanges(database: Database): Promise<() => Promise<void>> {
  const forget = () => invalidateReportLookups();
  return database.listen(LOOKUPS_CHANNEL, forget, forget);
}

async function load(db: Db): Promise<ReportLookups> {
  const [cats, subs, types, pops, areaRows, facilityRows, country, langs] = await Promise.all([
    db.select({ code: categories.code }).from(categories).where(eq(categories.active, true)),
    db
      .select({ code: subcategories.code, categoryCode: subcategories.categoryCode })
      .from(subcategories)
      .where(eq(subcategories.active, true)),
    db
      .select({ code: challengeTypes.code, subcategoryCode: challengeTypes.subcategoryCode })
      .from(challengeTypes)
      .where(eq(challengeTypes.active, true)),
    db.select({ code: keyPopulations.code }).from(keyPopulations).where(eq(keyPopulations.active, true)),
    db
      .select({
        id: areas.id,
        level: areas.level,
        isLeaf: areas.isLeaf,
        ancestorIds: areas.ancestorIds,
        retiredAt: areas.retiredAt,
      })
      .from(areas),
    db
      .select({ id: facilities.id, districtId: facilities.districtId })
      .from(facilities)
      .where(eq(facilities.active, true)),
    getSetting<{ code?: string }>(db, "country"),
    listEnabledLanguages(db),
  ]);
  const levelOf = new Map(areaRows.map((a) => [a.id, a.level]));
  const districts = new Map<string, { regionId: string | null }>();
  for (const a of areaRows) {
    // A retired district keeps its reports but takes no new ones (geography re-import).
    if (!a.isLeaf || a.retiredAt) continue;
    districts.set(a.id, { regionId: regionOf(a.ancestorIds, (id) => levelOf.get(id)) });
  }
  return {
    categories: new Set(cats.map((c) => c.code)),
    keyPopulations: new Set(pops.map((p) => p.code)),
    subcategoryCategory: new Map(subs.map((s) => [s.code, s.categoryCode])),
    challengeTypeSubcategory: new Map(types.map((t) => [t.code, t.subcategoryCode])),
    districts,
    facilities: new Map(facilityRows.map((f) => [f.id, f.districtId])),
    country: country?.code || null,
    languages: langs.map((l) => l.code),
    defaultLanguage: langs.find((l) => l.isDefault)?.code ?? langs[0]?.code ?? "en",
  };
}

/** The region of a district: its level-1 ancestor (null for a country without regions). */
export function regionOf(ancestorIds: string[], levelOf: (id: string) => number | undefined): string | null {
  return ancestorIds.find((id) => levelOf(id) === 1) ?? null;
}

export async function reportLookups(db: Db, opts: { afterMiss?: boolean } = {}): Promise<ReportLookups> {
  const now = Date.now();
  const entry = cache.get(db);
  const fresh =
    entry &&
    generationOf.get(db) === generation &&
    now - entry.at < (opts.afterMiss ? Math.min(TTL_MS, MISS_RELOAD_MS) : TTL_MS);
  if (fresh) return entry.value;
  const value = load(db);
  cache.set(db, { at: now, value });
  generationOf.set(db, generation);
  value.catch(() => cache.delete(db));
  return value;
}
