import type { InboxReport, listInboxQuerySchema, ReportStatus } from "@openclm/contracts";
import { and, type SQL } from "drizzle-orm";
import type { z } from "zod";
import { audit } from "../audit/audit.service.js";
import type { Db } from "../db/database.js";
import { leafIdsUnder } from "../geography/geography.repo.js";
import { actorScope, resolveScope } from "../identity/scope.js";
import { AppError } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import { getSetting } from "../platform/platform.repo.js";
import { maySeePersonalData } from "./inbox.policy.js";
import * as repo from "./inbox.repo.js";

export async function slaSettings(db: Db): Promise<repo.Sla> {
  const s = await getSetting<Partial<repo.Sla>>(db, "reports.sla");
  return { firstResponseHours: s?.firstResponseHours ?? 72, resolutionDays: s?.resolutionDays ?? 30 };
}

export async function duplicateWindowDays(db: Db): Promise<number> {
  return (await getSetting<number>(db, "reports.duplicateWindowDays")) ?? 14;
}

/**
 * When the queue is filtered by place and status only (the usual view), counts come from the maintained counters;
 * any other filter needs a live count of the matching reports.
 */
async function statusCounts(ctx: Ctx, f: repo.ListFilter, whereWithoutStatus: SQL | undefined) {
  const scope = await actorScope(ctx);
  const placeOnly =
    scope.facilityIds.length === 0 &&
    !f.categoryCode &&
    !f.subcategoryCode &&
    !f.facilityId &&
    f.assigneeId === undefined &&
    !f.from &&
    !f.to &&
    !f.trackingCode &&
    !f.trackingPrefix &&
    f.overdue === undefined;
  if (!placeOnly) return repo.countByStatus(ctx.db, whereWithoutStatus);
  const districts = f.districtIds ? scope.districtIds.filter((d) => f.districtIds?.includes(d)) : scope.districtIds;
  return repo.countByStatusFromCounters(ctx.db, districts);
}

export async function scopeSql(ctx: Ctx): Promise<SQL> {
  const scope = await actorScope(ctx);
  return repo.inScope({ districtIds: scope.districtIds, facilityIds: scope.facilityIds });
}

function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString("base64url");
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const createdAt = new Date(at ?? "");
  if (!id || Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw new AppError("VALIDATION_FAILED", "The cursor is not valid", [{ path: "cursor", message: "invalid" }]);
  }
  return { createdAt, id };
}

/** A whole tracking code is an exact (unique index) lookup; a beginning of one is a prefix search. */
function trackingSearch(q: string | undefined): Pick<repo.ListFilter, "trackingCode" | "trackingPrefix"> {
  if (!q) return {};
  const compact = q.toUpperCase().replace(/[^A-Z0-9]/g, "");
  const formatted = compact.replace(/^(.{4})(.+)$/, "$1-$2");
  return compact.length === 8 ? { trackingCode: formatted } : { trackingPrefix: formatted };
}

const dayEnd = (d: string) => (d.length === 10 ? new Date(`${d}T23:59:59.999Z`) : new Date(d));

export async function listInbox(ctx: Ctx, q: z.output<typeof listInboxQuerySchema>) {
  const now = new Date();
  const [scope, sla] = await Promise.all([scopeSql(ctx), slaSettings(ctx.db)]);
  const me = ctx.actor.type === "staff" ? ctx.actor.userId : undefined;
  const filter: repo.ListFilter = {
    statuses: q.status,
    categoryCode: q.categoryCode,
    subcategoryCode: q.subcategoryCode,
    districtIds: q.areaId ? await leafIdsUnder(ctx.db, [q.areaId]) : undefined,
    facilityId: q.facilityId,
    assigneeId: q.assigneeId === "none" ? null : q.assigneeId === "me" ? me : q.assigneeId,
    from: q.from ? new Date(q.from) : undefined,
    to: q.to ? dayEnd(q.to) : undefined,
    ...trackingSearch(q.q),
    overdue: q.overdue === undefined ? undefined : q.overdue === "true",
  };
  const overdue = repo.overdueSql(sla, now);
  const where = and(scope, ...repo.filterSql(filter, sla, now));
  const whereWithoutStatus = and(scope, ...repo.filterSql({ ...filter, statuses: undefined }, sla, now));
  // Counts belong to the first page only: a client paging on keeps the ones it has.
  const [rows, counts] = await Promise.all([
    repo.listPage(ctx.db, where, overdue, q.sort, q.cursor ? decodeCursor(q.cursor) : undefined, q.limit + 1),
    q.cursor ? Promise.resolve([]) : statusCounts(ctx, filter, whereWithoutStatus),
  ]);
  const page = rows.slice(0, q.limit);
  return {
    items: page.map((r) => ({
      ...r,
      status: r.status as ReportStatus,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      overdue: Boolean(r.overdue),
    })),
    nextCursor: rows.length > q.limit && page.length ? encodeCursor(page.at(-1)!) : null,
    counts: Object.fromEntries(counts.map((c) => [c.status, c.n])),
  };
}

/** Loads a report the actor may see, or answers 404 — the same answer whether it is missing or out of scope. */
export async function loadInScope(ctx: Ctx, id: string): Promise<repo.ReportRow> {
  const row = await repo.findInScope(ctx.db, id, await scopeSql(ctx));
  if (!row) throw new AppError("NOT_FOUND", "report not found");
  return row;
}

export async function getInboxReport(ctx: Ctx, id: string): Promise<InboxReport> {
  const [scope, sla] = await Promise.all([scopeSql(ctx), slaSettings(ctx.db)]);
  const r = await repo.findInScopeWithOverdue(ctx.db, id, scope, repo.overdueSql(sla, new Date()));
  if (!r) throw new AppError("NOT_FOUND", "report not found");
  const cipher = ctx.services.cipher;
  const personal = maySeePersonalData(ctx.actor, r);
  const [events, messages, dupes] = await Promise.all([
    repo.timelineOf(ctx.db, r.id),
    repo.messagesOf(ctx.db, r.id),
    listDuplicateCandidatesFor(ctx, r),
  ]);
  if (personal) {
    // Every view of personal data is recorded.
    await ctx.db.transaction(async (tx) =>
      audit(ctx, tx as unknown as Db, { action: "report.view_personal", entity: "report", entityId: r.id }),
    );
  }
  return {
    id: r.id,
    trackingCode: r.trackingCode,
    status: r.status as ReportStatus,
    categoryCode: r.categoryCode,
    subcategoryCode: r.subcategoryCode,
    districtId: r.districtId,
    facilityId: r.facilityId,
    channel: r.channel,
    reporterMode: r.reporterMode,
    assigneeId: r.assigneeId,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
    overdue: Boolean(r.overdue),
    challengeTypes: r.challengeTypes,
    occurredOn: r.occurredOn,
    regionId: r.regionId,
    gender: r.gender,
    ageGroup: r.ageGroup,
    keyPopulations: r.keyPopulations,
    consent: {
      contactMe: r.consentContactMe,
      shareDeidentified: r.consentShareDeidentified,
      useInAdvocacyStories: r.consentUseInAdvocacy,
    },
    declineReason: r.declineReason,
    language: r.language,
    assistedBy: r.assistedBy,
    validatedAt: r.validatedAt?.toISOString() ?? null,
    firstResponseAt: r.firstResponseAt?.toISOString() ?? null,
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
    reporterConfirmed: r.reporterConfirmed,
    personal: personal
      ? { description: cipher.decryptOptional(r.descriptionEnc), phone: cipher.decryptOptional(r.phoneEnc) }
      : null,
    timeline: events.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      type: e.type,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actorType: e.actorType,
      actorId: e.actorId,
      visibleToReporter: e.visibleToReporter,
      note: cipher.decryptOptional(e.noteEnc),
      details: e.details,
    })),
    messages: messages.map((m) => ({ from: m.from, body: cipher.decrypt(m.bodyEnc), at: m.at.toISOString() })),
    duplicateCandidateCount: dupes.length,
  };
}

async function listDuplicateCandidatesFor(ctx: Ctx, r: repo.ReportRow) {
  const rows = await repo.duplicateCandidates(ctx.db, r, await duplicateWindowDays(ctx.db), await scopeSql(ctx));
  return rows.map((d) => ({
    id: d.id,
    trackingCode: d.trackingCode,
    status: d.status as ReportStatus,
    createdAt: d.createdAt.toISOString(),
    match: [
      d.phoneHash && d.phoneHash === r.phoneHash ? "phone" : null,
      d.deviceHash && d.deviceHash === r.deviceHash ? "device" : null,
      d.communityAccountId && d.communityAccountId === r.communityAccountId ? "account" : null,
    ].filter((m): m is string => m !== null),
  }));
}

export async function listDuplicateCandidates(ctx: Ctx, id: string) {
  return { items: await listDuplicateCandidatesFor(ctx, await loadInScope(ctx, id)) };
}

/** Staff who can take a report: responders and data managers whose scope covers its district. */
export async function listAssignees(ctx: Ctx, id: string) {
  const r = await loadInScope(ctx, id);
  const staff = await repo.staffWithRoles(ctx.db, ["first_responder", "data_manager"]);
  const eligible = [];
  for (const s of staff) {
    const scope = await resolveScope(ctx.db, { areaIds: s.scopeAreaIds, facilityIds: s.scopeFacilityIds });
    if (scope.districtIds.includes(r.districtId))
      eligible.push({ id: s.id, displayName: s.displayName, email: s.email, role: s.role });
  }
  return { items: eligible };
}
