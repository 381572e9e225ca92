import { asc, eq } from "drizzle-orm";
import type { Db } from "../db/database.js";
import { languages, settings } from "./platform.schema.js";

export async function listEnabledLanguages(db: Db) {
  return db
    .select()
    .from(languages)
    .where(eq(languages.enabled, true))
    .orderBy(asc(languages.sort), asc(languages.code));
}

export async function getSetting<T>(db: Db, key: string): Promise<T | undefined> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, key));
  return row?.value as T | undefined;
}

export async function putSetting(db: Db, key: string, value: unknown): Promise<void> {
  await db
    .insert(settings)
    .values({ key, value })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } });
}
