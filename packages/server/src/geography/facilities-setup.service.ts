import type {
  FacilityImportProblem,
  FacilityType,
  ImportFacilitiesBody,
  ImportFacilitiesResult,
  SetupFacility,
} from "@openclm/contracts";
import { asc, eq, inArray } from "drizzle-orm";
import { audit } from "../audit/audit.service.js";
import { type Db, withTransaction } from "../db/database.js";
import { actorScope, type ResolvedScope } from "../identity/scope.js";
import { AppError, notFound } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import { pickText } from "../platform/i18n-text.js";
import { listEnabledLanguages } from "../platform/platform.repo.js";
import { announceReportLookupsChanged, invalidateReportLookups } from "../reports/reports.lookups.js";
import { type FacilityCsvRow, readFacilityCsv, writeFacilityCsv } from "./facility-csv.js";
import { areas, facilities } from "./geography.schema.js";
import { activeAreasByCode } from "./import-areas.js";
import { canonicalJson, inTransactionOrDryRun, refuseIfProblems } from "./import-transaction.js";

export async function languagesOf(ctx: Ctx) {
  const langs = await listEnabledLanguages(ctx.db);
  const ordered = [...langs.filter((l) => l.isDefault), ...langs.filter((l) => !l.isDefault)].map((l) => l.code);
  return { languages: ordered, defaultLanguage: ordered[0] ?? "en" };
}

/**
 * The districts whose facilities the caller manages: all for a country-wide scope, those under a region or district
 * scope otherwise (PRODUCT.md 1: a scope limits every read and write). Facility-scoped staff manage none.
 */
export function holds(scope: ResolvedScope, districtId: string): boolean {
  return scope.type === "country" || scope.areaDistrictIds.includes(districtId);
}

type Problem = [column: string, problem: FacilityImportProblem["problem"], message: string];

/**
 * Where a facility goes must be a district in use inside the caller's scope, and a facility it changes must already
 * lie there (a file row and the editor alike).
 */
export function placementProblems(
  scope: ResolvedScope,
  code: string,
  districtCode: string,
  district: { id: string; isLeaf: boolean } | undefined,
  old: { districtId: string } | undefined,
): Problem[] {
  const problems: Problem[] = [];
  if (!district?.isLeaf)
    problems.push(["district_code", "district_code", `no district in use has the code ${districtCode}`]);
  else if (!holds(scope, district.id))
    problems.push(["district_code", "out_of_scope", `${districtCode} is outside the districts you manage`]);
  if (old && !holds(scope, old.districtId))
    problems.push(["code", "out_of_scope", `the facility ${code} is in a district outside the ones you manage`]);
  return problems;
}

/**
 * `importFacilities` (issue 13 item 4): creates or updates facilities by code from a CSV. Facilities the file does
 * not list are left as they are (retire one in Set-up, or with `active=false`). A region's administrator imports only
 * facilities in their region's districts. Any bad row refuses the whole file (400, every problem with its line and
 * column) and changes nothing; `dryRun` answers the same counts and changes nothing either.
 */
export async function importFacilities(ctx: Ctx, body: ImportFacilitiesBody): Promise<ImportFacilitiesResult> {
  const { languages, defaultLanguage } = await languagesOf(ctx);
  const { rows, problems } = readFacilityCsv(body.data, languages, defaultLanguage);
  const scope = await actorScope(ctx);
  const districts = new Map(
    (await activeAreasByCode(ctx.db, [...new Set(rows.map((r) => r.districtCode))])).map((a) => [a.code, a]),
  );
  const existing = new Map(
    (rows.length
      ? await ctx.db
          .select()
          .from(facilities)
          .where(
            inArray(
              facilities.code,
              rows.map((r) => r.code),
            ),
          )
      : []
    ).map((f) => [f.code, f]),
  );
  const seen = new Map<string, number>();
  for (const r of rows) {
    const bad = (column: string | undefined, problem: FacilityImportProblem["problem"], message: string) =>
      problems.push({ row: r.row, ...(column ? { column } : {}), problem, message });
    const first = seen.get(r.code);
    if (first !== undefined) bad("code", "duplicate_code", `the code ${r.code} is already used by row ${first}`);
    else seen.set(r.code, r.row);
    for (const [column, problem, message] of placementProblems(
      scope,
      r.code,
      r.districtCode,
      districts.get(r.districtCode),
      existing.get(r.code),
    ))
      bad(column, problem, message);
  }
  refuseIfProblems(problems, (p) => p.row);
  const result = await inTransactionOrDryRun(ctx, body.dryRun ?? false, async (tx) => {
    const counts = await applyFacilities(tx, rows, existing, (code) => districts.get(code)!.id);
    await announceReportLookupsChanged(tx);
    await audit(ctx, tx, {
      action: "facilities.import",
      entity: "facility",
      details: { rows: rows.length, ...counts },
    });
    return counts;
  });
  if (!result.dryRun) invalidateReportLookups(ctx.db);
  return result;
}

export type StoredFacility = typeof facilities.$inferSelect;

export async function applyFacilities(
  tx: Db,
  rows: FacilityCsvRow[],
  existing: Map<string, StoredFacility>,
  districtIdOf: (code: string) => string,
) {
  const now = new Date();
  let created = 0;
  let updated = 0;
  for (const r of rows) {
    const old = existing.get(r.code);
    const keep = (stored: Record<string, string> | undefined, langs: string[]) =>
      Object.fromEntries(Object.entries(stored ?? {}).filter(([l]) => !langs.includes(l)));
    const next = {
      names: { ...keep(old?.names, r.nameLanguages), ...r.names },
      address: { ...keep(old?.address, r.addressLanguages), ...r.address },
      type: r.type,
      districtId: districtIdOf(r.districtCode),
      lat: r.lat,
      lng: r.lng,
      phone: r.phone,
      openingHours: r.openingHours,
      services: r.services,
      active: r.active ?? old?.active ?? true,
    };
    if (!old) {
      await tx.insert(facilities).values({ code: r.code, ...next });
      created++;
    } else if (
      (Object.keys(next) as (keyof typeof next)[]).some((k) => canonicalJson(old[k]) !== canonicalJson(next[k]))
    ) {
      await tx
        .update(facilities)
        .set({ ...next, updatedAt: now })
        .where(eq(facilities.id, old.id));
      updated++;
    }
  }
  return { created, updated };
}

async function facilitiesInScope(ctx: Ctx) {
  const scope = await actorScope(ctx);
  if (scope.type !== "country" && scope.areaDistrictIds.length === 0) return [];
  return ctx.db
    .select({ facility: facilities, districtCode: areas.code })
    .from(facilities)
    .innerJoin(areas, eq(areas.id, facilities.districtId))
    .where(scope.type === "country" ? undefined : inArray(facilities.districtId, scope.areaDistrictIds))
    .orderBy(asc(facilities.code));
}

/** `exportFacilities`: the facilities the caller manages, active and retired, as the CSV `importFacilities` reads. */
export async function exportFacilities(ctx: Ctx): Promise<string> {
  const { languages } = await languagesOf(ctx);
  const rows = await facilitiesInScope(ctx);
  return writeFacilityCsv(
    rows.map(({ facility: f, districtCode }) => ({ ...f, districtCode })),
    languages,
  );
}

/** `listSetupFacilities`: the facilities the caller manages, active and retired, named in the caller's language. */
export async function listSetupFacilities(ctx: Ctx, lang: string | undefined): Promise<{ items: SetupFacility[] }> {
  const { languages, defaultLanguage } = await languagesOf(ctx);
  const language = lang && languages.includes(lang) ? lang : (ctx.language ?? defaultLanguage);
  const rows = await facilitiesInScope(ctx);
  return {
    items: rows.map(({ facility: f, districtCode }) => ({
      id: f.id,
      code: f.code,
      name: pickText(f.names, language, defaultLanguage),
      type: f.type as FacilityType,
      districtId: f.districtId,
      districtCode,
      active: f.active,
    })),
  };
}

/**
 * `setFacilityActive`: retires a facility (gone from Near Me and from new reports, kept for the reports that name it)
 * or brings it back. Out of the caller's scope reads as 404.
 */
export async function setFacilityActive(ctx: Ctx, id: string, active: boolean): Promise<SetupFacility> {
  const scope = await actorScope(ctx);
  const [row] = await ctx.db
    .select({ facility: facilities, districtCode: areas.code, districtRetired: areas.retiredAt })
    .from(facilities)
    .innerJoin(areas, eq(areas.id, facilities.districtId))
    .where(eq(facilities.id, id));
  if (!row || !holds(scope, row.facility.districtId)) throw notFound("facility");
  if (active && row.districtRetired)
    throw new AppError("CONFLICT", "The facility's district is retired: move it to a district in use first");
  const { defaultLanguage } = await languagesOf(ctx);
  await withTransaction(ctx, async (tx) => {
    await tx.update(facilities).set({ active, updatedAt: new Date() }).where(eq(facilities.id, id));
    await announceReportLookupsChanged(tx);
    await audit(ctx, tx, {
      action: active ? "facility.activate" : "facility.retire",
      entity: "facility",
      entityId: id,
      details: { code: row.facility.code },
    });
  });
  invalidateReportLookups(ctx.db);
  const f = row.facility;
  return {
    id: f.id,
    code: f.code,
    name: pickText(f.names, ctx.language ?? defaultLanguage, defaultLanguage),
    type: f.type as FacilityType,
    districtId: f.districtId,
    districtCode: row.districtCode,
    active,
  };
}
