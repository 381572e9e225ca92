import type { AreaImportProblem, ImportAreasBody, ImportAreasResult } from "@openclm/contracts";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { audit } from "../audit/audit.service.js";
import type { Db } from "../db/database.js";
import { staffUsers } from "../identity/identity.schema.js";
import { actorScope, type ResolvedScope, requireCountryScope } from "../identity/scope.js";
import type { Ctx } from "../platform/context.js";
import { listEnabledLanguages } from "../platform/platform.repo.js";
import { announceReportLookupsChanged, invalidateReportLookups } from "../reports/reports.lookups.js";
import { reports } from "../reports/reports.schema.js";
import { type AreaRecord, readAreaFile } from "./area-file.js";
import { areas, facilities } from "./geography.schema.js";
import { canonicalJson, inTransactionOrDryRun, refuseIfProblems } from "./import-transaction.js";

type StoredArea = typeof areas.$inferSelect;

/**
 * `importAreas` (issue 13 item 3): loads or re-loads the country's geography from a GeoJSON FeatureCollection or a
 * CSV without boundaries. The file is the whole geography: areas are matched by code (created or updated), and an
 * area it no longer lists is retired — hidden from new reports, kept for the reports, targets and scopes that point
 * to it — never deleted. Any problem refuses the whole file (400, every problem with its feature index) and changes
 * nothing; `dryRun` answers the same counts and changes nothing either.
 */
export async function importAreas(ctx: Ctx, body: ImportAreasBody): Promise<ImportAreasResult> {
  const langs = await listEnabledLanguages(ctx.db);
  const languages = [...langs.filter((l) => l.isDefault), ...langs.filter((l) => !l.isDefault)].map((l) => l.code);
  const firstLoad = await mayImportAreas(ctx);
  // Read before the transaction: on the embedded database (one connection) a read outside it would wait for it.
  const scope = await actorScope(ctx);
  const { records, problems, refusedCodes } = readAreaFile(body, languages);
  const stored = await ctx.db.select().from(areas);
  problems.push(...checkHierarchy(records, problems.length > 0, refusedCodes));
  problems.push(...(await checkReportedDistricts(ctx.db, records, stored)));
  refuseIfProblems(problems, (p) => p.index);
  const result = await inTransactionOrDryRun(ctx, body.dryRun ?? false, async (tx) => {
    const counts = await applyAreas(tx, records, await tx.select().from(areas));
    if (firstLoad) await grantCountryScope(ctx, tx, records, scope);
    await announceReportLookupsChanged(tx);
    await audit(ctx, tx, {
      action: "areas.import",
      entity: "area",
      details: { format: body.format, areas: records.length, ...counts },
    });
    return counts;
  });
  if (!result.dryRun) invalidateReportLookups(ctx.db);
  return { ...result, problems: [] };
}

/**
 * A country-wide scope is needed (a region's administrator changes only what lies in their region, and the file is
 * the whole country). While no geography exists yet nobody can hold one, so the first load is open to any
 * administrator with Set-up; answers whether this is that first load.
 */
async function mayImportAreas(ctx: Ctx): Promise<boolean> {
  const [any] = await ctx.db.select({ id: areas.id }).from(areas).limit(1);
  if (!any) return true;
  await requireCountryScope(ctx);
  return false;
}

/** After the first load, the administrator who loaded it (with no scope so far) is given the new country as scope. */
async function grantCountryScope(ctx: Ctx, tx: Db, records: AreaRecord[], scope: ResolvedScope): Promise<void> {
  if (ctx.actor.type !== "staff" || scope.areaIds.length || scope.facilityIds.length) return;
  const root = records.find((r) => r.parentCode === null);
  if (!root) return;
  const [country] = await tx.select({ id: areas.id }).from(areas).where(eq(areas.code, root.code));
  if (!country) return;
  await tx
    .update(staffUsers)
    .set({ scopeAreaIds: [country.id] })
    .where(eq(staffUsers.id, ctx.actor.userId));
  await audit(ctx, tx, {
    action: "staff_user.scope_from_first_geography",
    entity: "staff_user",
    entityId: ctx.actor.userId,
    details: { scopeAreaIds: [country.id] },
  });
}

/** Problems between records: one country, codes unique, parents in the file, each level one below its parent's. */
function checkHierarchy(
  records: AreaRecord[],
  fileHasProblems: boolean,
  refusedCodes: Set<string>,
): AreaImportProblem[] {
  const problems: AreaImportProblem[] = [];
  const at = (r: AreaRecord) => ({ index: r.index, ...(r.row === undefined ? {} : { row: r.row }), code: r.code });
  const byCode = new Map<string, AreaRecord>();
  for (const r of records) {
    const first = byCode.get(r.code);
    if (first)
      problems.push({
        ...at(r),
        problem: "duplicate_code",
        message: `the code ${r.code} is already used by ${first.row ? `row ${first.row}` : `feature ${first.index}`}`,
      });
    else byCode.set(r.code, r);
  }
  const roots = records.filter((r) => r.parentCode === null);
  for (const r of roots.slice(1))
    problems.push({ ...at(r), problem: "root", message: "only one area (the country) may have no parent" });
  if (roots.length === 0 && records.length && !fileHasProblems)
    problems.push({ index: -1, problem: "root", message: "no area is the country (parentCode null, level 0)" });
  if (records.length === 0 && !fileHasProblems)
    problems.push({ index: -1, problem: "empty", message: "the file has no areas" });
  for (const r of records) {
    if (r.parentCode === null) {
      if (r.level !== 0) problems.push({ ...at(r), problem: "level", message: "the country is level 0" });
      continue;
    }
    const parent = byCode.get(r.parentCode);
    if (!parent && refusedCodes.has(r.parentCode)) continue; // its own problem is reported
    if (!parent) {
      problems.push({
        ...at(r),
        problem: "unknown_parent",
        message: `no area in the file has the code ${r.parentCode}`,
      });
    } else if (r.level !== parent.level + 1) {
      problems.push({
        ...at(r),
        problem: "level",
        message: `level ${r.level} under ${parent.code} (level ${parent.level}): expected ${parent.level + 1}`,
      });
    }
  }
  return problems;
}

/** A district that reports point to cannot become a parent: its reports would lose their place. */
async function checkReportedDistricts(db: Db, records: AreaRecord[], stored: StoredArea[]) {
  const parents = new Set(records.map((r) => r.parentCode).filter((c): c is string => c !== null));
  const leaves = stored.filter((a) => a.isLeaf && parents.has(a.code));
  if (!leaves.length) return [];
  const used = await db
    .selectDistinct({ districtId: reports.districtId })
    .from(reports)
    .where(
      inArray(
        reports.districtId,
        leaves.map((a) => a.id),
      ),
    );
  const usedIds = new Set(used.map((u) => u.districtId));
  return records
    .filter((r) => leaves.some((a) => a.code === r.code && usedIds.has(a.id)))
    .map(
      (r): AreaImportProblem => ({
        index: r.index,
        ...(r.row === undefined ? {} : { row: r.row }),
        code: r.code,
        problem: "has_reports",
        message: `${r.code} is a district that reports point to: it cannot have areas under it`,
      }),
    );
}

async function applyAreas(tx: Db, records: AreaRecord[], stored: StoredArea[]) {
  const now = new Date();
  const storedByCode = new Map(stored.map((a) => [a.code, a]));
  const parents = new Set(records.map((r) => r.parentCode));
  const placed = new Map<string, { id: string; ancestorIds: string[] }>();
  let created = 0;
  let updated = 0;
  for (const r of [...records].sort((a, b) => a.level - b.level)) {
    const parent = r.parentCode === null ? undefined : placed.get(r.parentCode);
    const old = storedByCode.get(r.code);
    const kept = Object.entries(old?.names ?? {}).filter(([lang]) => !r.nameLanguages.includes(lang));
    const next = {
      parentId: parent?.id ?? null,
      ancestorIds: parent ? [...parent.ancestorIds, parent.id] : [],
      level: r.level,
      names: { ...Object.fromEntries(kept), ...r.names },
      population: r.population,
      isLeaf: !parents.has(r.code),
      ...(r.boundary === undefined ? {} : { boundary: r.boundary, bbox: r.bbox }),
    };
    if (!old) {
      const [row] = await tx
        .insert(areas)
        .values({ code: r.code, ...next })
        .returning({ id: areas.id });
      placed.set(r.code, { id: row!.id, ancestorIds: next.ancestorIds });
      created++;
      continue;
    }
    placed.set(r.code, { id: old.id, ancestorIds: next.ancestorIds });
    if (!changed(old, next)) continue;
    await tx
      .update(areas)
      .set({ ...next, retiredAt: null, updatedAt: now })
      .where(eq(areas.id, old.id));
    updated++;
  }
  const gone = stored.filter((a) => !placed.has(a.code) && !a.retiredAt).map((a) => a.id);
  let facilitiesRetired = 0;
  if (gone.length) {
    await tx.update(areas).set({ retiredAt: now, updatedAt: now }).where(inArray(areas.id, gone));
    const off = await tx
      .update(facilities)
      .set({ active: false, updatedAt: now })
      .where(and(eq(facilities.active, true), inArray(facilities.districtId, gone)))
      .returning({ id: facilities.id });
    facilitiesRetired = off.length;
  }
  return { created, updated, retired: gone.length, facilitiesRetired };
}

function changed(old: StoredArea, next: Partial<StoredArea>): boolean {
  if (old.retiredAt) return true;
  return (Object.keys(next) as (keyof StoredArea)[]).some(
    (k) => canonicalJson(old[k] ?? null) !== canonicalJson(next[k] ?? null),
  );
}

/** Areas in use whose codes are these (for facility files). */
export async function activeAreasByCode(db: Db, codes: string[]) {
  if (!codes.length) return [];
  return db
    .select({ id: areas.id, code: areas.code, isLeaf: areas.isLeaf })
    .from(areas)
    .where(and(inArray(areas.code, codes), isNull(areas.retiredAt)));
}
