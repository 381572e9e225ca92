import type { SavedView, SavedViewFilters } from "@openclm/contracts";
import { audit } from "../audit/audit.service.js";
import { withTransaction } from "../db/database.js";
import { AppError } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import * as repo from "./saved-views.repo.js";

/** Views are private: every query is keyed by the acting user, so another person's view id reads as not found. */
function ownerId(ctx: Ctx): string {
  if (ctx.actor.type !== "staff") throw new AppError("UNAUTHENTICATED", "Sign in first");
  return ctx.actor.userId;
}

function present(v: repo.SavedViewRow): SavedView {
  return {
    id: v.id,
    name: v.name,
    filters: v.filters as SavedViewFilters,
    createdAt: v.createdAt.toISOString(),
    updatedAt: v.updatedAt.toISOString(),
  };
}

const nameTaken = () => new AppError("CONFLICT", "You already have a view with this name");

export async function listSavedViews(ctx: Ctx) {
  return { items: (await repo.listViews(ctx.db, ownerId(ctx))).map(present) };
}

export async function createSavedView(ctx: Ctx, input: { name: string; filters: SavedViewFilters }) {
  const userId = ownerId(ctx);
  return withTransaction(ctx, async (tx) => {
    const row = await repo.insertView(tx, { userId, name: input.name, filters: input.filters });
    if (!row) throw nameTaken();
    await audit(ctx, tx, { action: "saved_view.create", entity: "saved_view", entityId: row.id });
    return present(row);
  });
}

export async function updateSavedView(ctx: Ctx, id: string, input: { name?: string; filters?: SavedViewFilters }) {
  const userId = ownerId(ctx);
  return withTransaction(ctx, async (tx) => {
    if (input.name !== undefined) {
      const same = await repo.findViewByName(tx, userId, input.name);
      if (same && same.id !== id) throw nameTaken();
    }
    const row = await repo.updateView(tx, userId, id, input);
    if (!row) throw new AppError("NOT_FOUND", "view not found");
    await audit(ctx, tx, { action: "saved_view.update", entity: "saved_view", entityId: id });
    return present(row);
  });
}

export async function deleteSavedView(ctx: Ctx, id: string) {
  const userId = ownerId(ctx);
  await withTransaction(ctx, async (tx) => {
    if (!(await repo.deleteView(tx, userId, id))) throw new AppError("NOT_FOUND", "view not found");
    await audit(ctx, tx, { action: "saved_view.delete", entity: "saved_view", entityId: id });
  });
  return { ok: true as const };
}
