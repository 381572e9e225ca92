import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../db/database.js";
import { savedViews } from "./saved-views.schema.js";

export type SavedViewRow = typeof savedViews.$inferSelect;

export async function listViews(db: Db, userId: string) {
  return db.select().from(savedViews).where(eq(savedViews.userId, userId)).orderBy(asc(savedViews.name));
}

/** Undefined when the person already has a view of that name. */
export async function insertView(db: Db, values: typeof savedViews.$inferInsert) {
  const [row] = await db.insert(savedViews).values(values).onConflictDoNothing().returning();
  return row;
}

export async function findView(db: Db, userId: string, id: string) {
  const [row] = await db
    .select()
    .from(savedViews)
    .where(and(eq(savedViews.id, id), eq(savedViews.userId, userId)));
  return row;
}

export async function findViewByName(db: Db, userId: string, name: string) {
  const [row] = await db
    .select()
    .from(savedViews)
    .where(and(eq(savedViews.userId, userId), eq(savedViews.name, name)));
  return row;
}

export async function updateView(
  db: Db,
  userId: string,
  id: string,
  values: Partial<Pick<SavedViewRow, "name" | "filters">>,
) {
  const [row] = await db
    .update(savedViews)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(savedViews.id, id), eq(savedViews.userId, userId)))
    .returning();
  return row;
}

export async function deleteView(db: Db, userId: string, id: string) {
  const rows = await db
    .delete(savedViews)
    .where(and(eq(savedViews.id, id), eq(savedViews.userId, userId)))
    .returning({ id: savedViews.id });
  return rows.length > 0;
}
