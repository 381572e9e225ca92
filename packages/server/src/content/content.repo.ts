import { and, asc, desc, eq, inArray, isNotNull, ne } from "drizzle-orm";
import type { Db } from "../db/database.js";
import { areas } from "../geography/geography.schema.js";
import { contentItems, contentVersions } from "./content.schema.js";

export type ContentRow = typeof contentItems.$inferSelect;

export async function listItems(db: Db): Promise<ContentRow[]> {
  return db.select().from(contentItems).orderBy(asc(contentItems.kind), asc(contentItems.slug));
}

export async function itemById(db: Db, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = db.select().from(contentItems).where(eq(contentItems.id, id));
  const [row] = opts.forUpdate ? await q.for("update") : await q;
  return row;
}

export async function itemBySlug(db: Db, slug: string) {
  const [row] = await db.select().from(contentItems).where(eq(contentItems.slug, slug));
  return row;
}

/**
 * Items with a published copy that is not archived (the caller checks `publish_at` against the clock), first
 * published first: topics keep the order they were written in (the app shows announcements newest first).
 */
export async function liveItems(db: Db): Promise<ContentRow[]> {
  return db
    .select()
    .from(contentItems)
    .where(and(isNotNull(contentItems.live), ne(contentItems.status, "archived")))
    .orderBy(asc(contentItems.publishedAt), asc(contentItems.slug));
}

export async function insertItem(db: Db, values: typeof contentItems.$inferInsert): Promise<ContentRow> {
  const [row] = await db.insert(contentItems).values(values).returning();
  if (!row) throw new Error("content insert returned nothing");
  return row;
}

export async function updateItem(db: Db, id: string, set: Partial<typeof contentItems.$inferInsert>) {
  const [row] = await db.update(contentItems).set(set).where(eq(contentItems.id, id)).returning();
  if (!row) throw new Error("content update returned nothing");
  return row;
}

export async function insertVersion(db: Db, values: typeof contentVersions.$inferInsert) {
  await db.insert(contentVersions).values(values);
}

export async function versionsOf(db: Db, contentId: string) {
  return db
    .select()
    .from(contentVersions)
    .where(eq(contentVersions.contentId, contentId))
    .orderBy(desc(contentVersions.changedAt), desc(contentVersions.version));
}

/** Which of these area ids exist (announcements may be meant for districts or regions). */
export async function knownAreaIds(db: Db, ids: string[]): Promise<Set<string>> {
  const rows = await db.select({ id: areas.id }).from(areas).where(inArray(areas.id, ids));
  return new Set(rows.map((r) => r.id));
}
