import type { AreaEditProblem, LocalizedText, SetupArea, UpdateAreaBody } from "@openclm/contracts";
import { eq } from "drizzle-orm";
import { audit } from "../audit/audit.service.js";
import { withTransaction } from "../db/database.js";
import { actorScope, type ResolvedScope } from "../identity/scope.js";
import { AppError, notFound } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import { listEnabledLanguages } from "../platform/platform.repo.js";
import { announceReportLookupsChanged, invalidateReportLookups } from "../reports/reports.lookups.js";
import { checkGeometry } from "./area-file.js";
import { areas } from "./geography.schema.js";

type StoredArea = typeof areas.$inferSelect;

/** An area lies in a scope when it is one of the scope's areas or under one; a country scope holds every area. */
function holdsArea(scope: ResolvedScope, area: StoredArea): boolean {
  if (scope.type === "country") return true;
  return scope.areaIds.some((id) => id === area.id || area.ancestorIds.includes(id));
}

async function loadArea(ctx: Ctx, id: string): Promise<StoredArea> {
  const [area] = await ctx.db.select().from(areas).where(eq(areas.id, id));
  if (!area || !holdsArea(await actorScope(ctx), area)) throw notFound("area");
  return area;
}

function present(a: StoredArea): SetupArea {
  return {
    id: a.id,
    code: a.code,
    level: a.level,
    parentId: a.parentId,
    names: a.names,
    population: a.population,
    boundary: a.boundary ?? null,
    isLeaf: a.isLeaf,
    retired: a.retiredAt !== null,
  };
}

/** `getSetupArea`: one area the caller manages, with its names in every language and its boundary. */
export async function getSetupArea(ctx: Ctx, id: string): Promise<SetupArea> {
  return present(await loadArea(ctx, id));
}

/** The names after the edit: given languages replaced (an empty one removed), the others kept. */
function nextNames(
  old: LocalizedText,
  given: Record<string, string>,
  languages: string[],
  problems: AreaEditProblem[],
) {
  const names: LocalizedText = { ...old };
  for (const [lang, value] of Object.entries(given)) {
    if (!languages.includes(lang)) {
      problems.push({
        field: `names.${lang}`,
        problem: "unknown_language",
        message: `${lang} is not an enabled language`,
      });
      continue;
    }
    const name = value.trim();
    if (name) names[lang] = name;
    else delete names[lang];
  }
  if (!Object.keys(names).length)
    problems.push({ field: `names.${languages[0] ?? "en"}`, problem: "missing_name", message: "the area has no name" });
  return names;
}

/**
 * `updateArea` (issue 13 item 3): one area's names, population and boundary, edited in place. A boundary is checked
 * as an imported one is (closed rings, never crossing themselves); any problem refuses the whole edit. A region's
 * administrator edits only areas in their region (others read as 404). Audited with before and after (a boundary as
 * its type and number of positions: a whole polygon would swamp the audit log).
 */
export async function updateArea(ctx: Ctx, id: string, body: UpdateAreaBody): Promise<SetupArea> {
  const old = await loadArea(ctx, id);
  const languages = (await listEnabledLanguages(ctx.db)).map((l) => l.code);
  const problems: AreaEditProblem[] = [];
  const names = body.names ? nextNames(old.names, body.names, languages, problems) : old.names;
  const shape = body.boundary === undefined ? undefined : checkGeometry(body.boundary);
  if (shape?.problem) problems.push({ field: "boundary", ...shape.problem });
  if (problems.length) throw new AppError("VALIDATION_FAILED", "The area has problems; nothing was saved", problems);
  const next = {
    names,
    population: body.population === undefined ? old.population : body.population,
    ...(shape ? { boundary: shape.boundary, bbox: shape.bbox } : {}),
  };
  const [saved] = await withTransaction(ctx, async (tx) => {
    const rows = await tx
      .update(areas)
      .set({ ...next, updatedAt: new Date() })
      .where(eq(areas.id, id))
      .returning();
    await announceReportLookupsChanged(tx);
    await audit(ctx, tx, {
      action: "area.update",
      entity: "area",
      entityId: id,
      details: { code: old.code, before: summary(old), after: summary(rows[0]!) },
    });
    return rows;
  });
  invalidateReportLookups(ctx.db);
  return present(saved!);
}

function summary(a: StoredArea) {
  const positions = a.boundary ? JSON.stringify(a.boundary.coordinates).split("],[").length : 0;
  return {
    names: a.names,
    population: a.population,
    boundary: a.boundary ? { type: a.boundary.type, positions } : null,
  };
}
