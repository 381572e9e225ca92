import { asc, eq, sql } from "drizzle-orm";
import type { Database, Db } from "../db/database.js";
import { languages, settings } from "./platform.schema.js";

export async function listEnabledLanguages(db: Db) {
  return db
    .select()
    .from(languages)
    .where(eq(languages.enabled, true))
    .orderBy(asc(languages.sort), asc(languages.code));
}

/**
 * Settings are read on nearly every request (the session policy on each staff call, the SLA and duplicate window on
 * each inbox page, the report questions on each app start) and change only in Set-up. So each process holds the
 * whole (small) table in memory, per database handle: one query instead of one per read. A change made with
 * `putSetting` is seen at once by the process that made it (the generation moves on, before and after its commit,
 * through the notification below) and by every other process sharing the database when the notification arrives;
 * the short lifetime bounds the staleness should a notification be lost. A transaction handle has its own entry, so
 * a read inside a transaction sees that transaction's writes.
 */
const SETTINGS_TTL_MS = 10_000;
const SETTINGS_CHANNEL = "settings_changed";
let settingsGeneration = 0;
const settingsCache = new WeakMap<object, { at: number; generation: number; values: Promise<Map<string, unknown>> }>();

function allSettings(db: Db): Promise<Map<string, unknown>> {
  const held = settingsCache.get(db);
  if (held && held.generation === settingsGeneration && Date.now() - held.at < SETTINGS_TTL_MS) return held.values;
  const values = db
    .select({ key: settings.key, value: settings.value })
    .from(settings)
    .then((rows) => new Map(rows.map((r) => [r.key, r.value])));
  settingsCache.set(db, { at: Date.now(), generation: settingsGeneration, values });
  values.catch(() => settingsCache.delete(db));
  return values;
}

export async function getSetting<T>(db: Db, key: string): Promise<T | undefined> {
  // A copy: callers may change what they are given without changing what the next reader gets.
  const value = (await allSettings(db)).get(key);
  return (value === undefined ? undefined : structuredClone(value)) as T | undefined;
}

/**
 * A value worked out from one setting (merged with defaults, parsed, reduced to what a hot path needs), worked out
 * once per loaded copy of the settings, so it follows every change exactly as `getSetting` does. `derive` gets a copy
 * of the stored value and must be a function defined once (with the key, it is the memo's key); every caller gets the
 * same result object and must not change it.
 */
const derivedMemo = new WeakMap<Map<string, unknown>, Map<string, Map<unknown, unknown>>>();

export async function derivedSetting<T>(db: Db, key: string, derive: (stored: unknown) => T): Promise<T> {
  const values = await allSettings(db);
  const byKey = derivedMemo.get(values) ?? new Map<string, Map<unknown, unknown>>();
  derivedMemo.set(values, byKey);
  const byDerive = byKey.get(key) ?? new Map<unknown, unknown>();
  byKey.set(key, byDerive);
  if (!byDerive.has(derive)) byDerive.set(derive, derive(structuredClone(values.get(key))));
  return byDerive.get(derive) as T;
}

export async function putSetting(db: Db, key: string, value: unknown): Promise<void> {
  settingsGeneration++;
  await db
    .insert(settings)
    .values({ key, value })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } });
  // Delivered at commit (not at all on rollback) to every process listening, this one included.
  await db.execute(sql`SELECT pg_notify(${SETTINGS_CHANNEL}, '')`);
}

/** Forgets every held setting whenever any process changes one (and after a lost LISTEN connection). */
export function followSettingChanges(database: Database): Promise<() => Promise<void>> {
  const forget = () => {
    settingsGeneration++;
  };
  return database.listen(SETTINGS_CHANNEL, forget, forget);
}
