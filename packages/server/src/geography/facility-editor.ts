import type { FacilityImportProblem, FacilityInput, FacilityType, SetupFacilityDetail } from "@openclm/contracts";
import { and, eq, isNull } from "drizzle-orm";
import { audit } from "../audit/audit.service.js";
import { withTransaction } from "../db/database.js";
import { actorScope } from "../identity/scope.js";
import { AppError, notFound } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import { pickText } from "../platform/i18n-text.js";
import { announceReportLookupsChanged, invalidateReportLookups } from "../reports/reports.lookups.js";
import { reports } from "../reports/reports.schema.js";
import {
  applyFacilities,
  holds,
  languagesOf,
  placementProblems,
  type StoredFacility,
} from "./facilities-setup.service.js";
import { type FacilityCsvRow, formatOpeningHours, readFacilityRecord } from "./facility-csv.js";
import { areas, facilities } from "./geography.schema.js";

/**
 * One facility created or edited in Set-up (issue 13 item 4: "an editor with a map pin"). The fields are checked by
 * the very rules of a facility file row (`readFacilityRecord`, `placementProblems`); a refusal lists every field
 * with the file's column name. A region's administrator creates and edits only in their region's districts.
 */

async function loadFacility(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select({ facility: facilities, districtCode: areas.code })
    .from(facilities)
    .innerJoin(areas, eq(areas.id, facilities.districtId))
    .where(eq(facilities.id, id));
  if (!row || !holds(await actorScope(ctx), row.facility.districtId)) throw notFound("facility");
  return row;
}

async function reportsNameFacility(ctx: Ctx, id: string): Promise<boolean> {
  const [used] = await ctx.db.select({ id: reports.id }).from(reports).where(eq(reports.facilityId, id)).limit(1);
  return !!used;
}

async function present(ctx: Ctx, f: StoredFacility, districtCode: string): Promise<SetupFacilityDetail> {
  const { defaultLanguage } = await languagesOf(ctx);
  return {
    id: f.id,
    code: f.code,
    name: pickText(f.names, ctx.language ?? defaultLanguage, defaultLanguage),
    type: f.type as FacilityType,
    districtId: f.districtId,
    districtCode,
    active: f.active,
    names: f.names,
    address: f.address,
    lat: f.lat,
    lng: f.lng,
    phone: f.phone,
    openingHours: formatOpeningHours(f.openingHours),
    services: f.services,
    codeLocked: await reportsNameFacility(ctx, f.id),
  };
}

/** `getSetupFacility`: every field of one facility the caller manages; out of scope reads as 404. */
export async function getSetupFacility(ctx: Ctx, id: string): Promise<SetupFacilityDetail> {
  const row = await loadFacility(ctx, id);
  return present(ctx, row.facility, row.districtCode);
}

type EditProblem = Omit<FacilityImportProblem, "row">;

/** The editor's fields as one facility-file row, checked by the file's rules. */
async function readInput(ctx: Ctx, input: FacilityInput, old: StoredFacility | undefined) {
  const { languages, defaultLanguage } = await languagesOf(ctx);
  const problems: FacilityImportProblem[] = [];
  for (const lang of Object.keys({ ...input.names, ...input.address }).filter((l) => !languages.includes(l)))
    problems.push({
      row: 0,
      column: `name:${lang}`,
      problem: "columns",
      message: `${lang} is not an enabled language`,
    });
  const [district] = await ctx.db
    .select({ id: areas.id, code: areas.code, isLeaf: areas.isLeaf })
    .from(areas)
    .where(and(eq(areas.id, input.districtId), isNull(areas.retiredAt)));
  const record: Record<string, string | undefined> = {
    code: input.code.trim(),
    type: input.type,
    district_code: district?.code ?? input.districtId,
    latitude: String(input.lat),
    longitude: String(input.lng),
    phone: input.phone?.trim() ?? "",
    opening_hours: input.openingHours ?? "",
    services: (input.services ?? []).join(";"),
  };
  for (const lang of languages) {
    record[`name:${lang}`] = input.names[lang]?.trim();
    record[`address:${lang}`] = input.address?.[lang]?.trim();
  }
  const columns = { nameLanguages: languages, addressLanguages: languages, defaultLanguage };
  const row = readFacilityRecord(record, 0, columns, problems);
  const scope = await actorScope(ctx);
  for (const [column, problem, message] of placementProblems(scope, record.code!, record.district_code!, district, old))
    problems.push({ row: 0, column, problem, message });
  const [taken] = await ctx.db.select({ id: facilities.id }).from(facilities).where(eq(facilities.code, record.code!));
  if (taken && taken.id !== old?.id)
    problems.push({
      row: 0,
      column: "code",
      problem: "duplicate_code",
      message: `another facility has the code ${record.code}`,
    });
  if (problems.length || !row || !district)
    throw new AppError(
      "VALIDATION_FAILED",
      "The facility has problems; nothing was saved",
      problems.map(({ row: _, ...p }): EditProblem => p),
    );
  return { row, district };
}

async function save(ctx: Ctx, row: FacilityCsvRow, districtId: string, old: StoredFacility | undefined) {
  const existing = new Map(old ? [[row.code, { ...old, code: row.code }]] : []);
  const id = await withTransaction(ctx, async (tx) => {
    if (old && old.code !== row.code)
      await tx.update(facilities).set({ code: row.code }).where(eq(facilities.id, old.id));
    await applyFacilities(tx, [row], existing, () => districtId);
    await announceReportLookupsChanged(tx);
    const [saved] = await tx.select().from(facilities).where(eq(facilities.code, row.code));
    const after = { ...saved!, createdAt: undefined, updatedAt: undefined };
    await audit(ctx, tx, {
      action: old ? "facility.update" : "facility.create",
      entity: "facility",
      entityId: saved!.id,
      details: old ? { before: { ...old, createdAt: undefined, updatedAt: undefined }, after } : { after },
    });
    return saved!.id;
  });
  invalidateReportLookups(ctx.db);
  return getSetupFacility(ctx, id);
}

/** `createFacility`: a new, active facility in a district the caller manages. */
export async function createFacility(ctx: Ctx, input: FacilityInput): Promise<SetupFacilityDetail> {
  const { row, district } = await readInput(ctx, input, undefined);
  return save(ctx, row, district.id, undefined);
}

/**
 * `updateFacility`: every field of a facility the caller manages. Its code is its identity in files and exports:
 * once a report names the facility the code no longer changes (409).
 */
export async function updateFacility(ctx: Ctx, id: string, input: FacilityInput): Promise<SetupFacilityDetail> {
  const { facility: old } = await loadFacility(ctx, id);
  if (input.code.trim() !== old.code && (await reportsNameFacility(ctx, id)))
    throw new AppError("CONFLICT", "Reports name this facility: its code can no longer change");
  const { row, district } = await readInput(ctx, input, old);
  return save(ctx, { ...row, active: old.active }, district.id, old);
}
