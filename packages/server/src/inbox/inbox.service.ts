import type { InboxReport, listInboxQuerySchema, ReportStatus } from "@openclm/contracts";
import { and, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { audit } from "../audit/audit.service.js";
import { noticesAbout } from "../channels/channel-sessions.repo.js";
import type { FieldCipher } from "../crypto/field-cipher.js";
import { type Db, withTransaction } from "../db/database.js";
import { leafIdsUnder } from "../geography/geography.repo.js";
import { roleHas } from "../identity/roles.js";
import { actorScope, readableSql, resolveScope } from "../identity/scope.js";
import { AppError } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import { getSetting } from "../platform/platform.repo.js";
import { loadSlaTable } from "../protocols/protocol-sla.js";
import { presentConsent, presentErasure } from "../reports/reports.presenter.js";
import { revealTrackingCode } from "../reports/reports.repo.js";
import { reports } from "../reports/reports.schema.js";
import { retentionDates, retentionSetting } from "../reports/retention.js";
import { searchWords } from "../reports/search-words.js";
import {
  normaliseTrackingCode,
  TRACKING_ALPHABET,
  trackingCodeHash,
  trackingPrefixHash,
} from "../reports/tracking-code.js";
import { isTrainee, reportsOfSet, setForActor } from "../reports/training.js";
import * as teamsRepo from "../teams/teams.repo.js";
import { myTeamIds, teamDistricts } from "../teams/teams.service.js";
import { isHandler, maySeePersonalData, openStatuses } from "./inbox.policy.js";
import * as repo from "./inbox.repo.js";

/** The global `reports.sla` setting with each subcategory's protocol targets on top. */
export async function slaSettings(db: Db): Promise<repo.Sla> {
  return loadSlaTable(db);
}

export async function duplicateWindowDays(db: Db): Promise<number> {
  return (await getSetting<number>(db, "reports.duplicateWindowDays")) ?? 14;
}

/** Whether the programme requires reporters to be registered with it (PRODUCT.md 3.2, decline `not_registered`). */
export async function registrationRequired(db: Db): Promise<boolean> {
  return (await getSetting<boolean>(db, "reports.registrationRequired")) === true;
}

type StatusCount = { status: string; n: number };

/**
 * Counts per status for the queue. Filters on place, category, subcategory and "nobody assigned" read the
 * trigger-maintained counters. "Overdue" is derived from them: an open report that is not overdue is recent (see
 * notOverdueSince), so only the open reports of that window are counted live and the rest follows. Any other filter
 * (a person, a team, a facility, dates, a tracking code, words) narrows the reports through its own index and is
 * counted live.
 */
async function statusCounts(
  ctx: Ctx,
  f: repo.ListFilter,
  scope: SQL,
  sla: repo.Sla,
  now: Date,
): Promise<StatusCount[]> {
  const actorPlace = await actorScope(ctx);
  const base = and(scope, ...repo.filterSql({ ...f, statuses: undefined, overdue: undefined }, sla, now));
  // The trigger-maintained counters hold live reports only; the practice reports are few and counted live.
  const countable =
    f.set === "live" &&
    actorPlace.facilityIds.length === 0 &&
    !f.facilityId &&
    (f.assigneeId === undefined || f.assigneeId === null) &&
    !f.assigneeTeamIds &&
    !f.from &&
    !f.to &&
    !f.trackingCodeHash &&
    !f.trackingPrefixHash &&
    !f.textTokens &&
    !f.channels &&
    !f.reporterModes &&
    !f.reporterReplied &&
    f.duplicates === undefined &&
    !f.reopened;
  if (!countable) {
    const overdueOnly =
      f.overdue === undefined ? undefined : repo.filterSql({ set: f.set, overdue: f.overdue }, sla, now);
    return repo.countByStatus(ctx.db, and(base, ...(overdueOnly ?? [])));
  }
  // Only actors without facilities get here, so their districts are those under their areas: the queue's rule.
  const districtIds = f.districtIds
    ? actorPlace.areaDistrictIds.filter((d) => f.districtIds?.includes(d))
    : actorPlace.areaDistrictIds;
  const counted = await repo.countByStatusFromCounters(ctx.db, {
    districtIds,
    categoryCode: f.categoryCode,
    subcategoryCode: f.subcategoryCode,
    unassigned: f.assigneeId === null,
  });
  if (f.overdue === undefined) return counted;
  const recent = await repo.countOpenNotOverdue(
    ctx.db,
    base,
    repo.overdueSql(sla, now),
    repo.notOverdueSince(sla, now),
  );
  return splitByOverdue(counted, recent, f.overdue);
}

/** From all reports and the open ones not overdue, per status: the overdue ones, or the others. */
function splitByOverdue(all: StatusCount[], openNotOverdue: StatusCount[], overdue: boolean): StatusCount[] {
  const fresh = new Map(openNotOverdue.map((c) => [c.status, c.n]));
  return all.map(({ status, n }) => {
    const open = (openStatuses as string[]).includes(status);
    const notOverdue = open ? (fresh.get(status) ?? 0) : n;
    return { status, n: overdue ? n - notOverdue : notOverdue };
  });
}

/**
 * The inbox's read rule: the actor's scope, and for a trainee account practice reports only (reports/training.ts):
 * every by-id read and verb goes through here (`loadInScope`), so a live report is "not found" to a trainee.
 */
export async function scopeSql(ctx: Ctx): Promise<SQL> {
  const scope = await actorScope(ctx);
  const readable = readableSql(scope, { district: reports.districtId, facility: reports.facilityId });
  return isTrainee(ctx.actor) ? sql`(${readable} AND ${reportsOfSet("training")})` : readable;
}

function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString("base64url");
}

const CURSOR_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const CURSOR_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Only what encodeCursor writes is accepted: anything else would reach the database's casts and fail there. */
function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at = "", id = "", ...rest] = Buffer.from(cursor, "base64url").toString().split("|");
  const createdAt = new Date(at);
  if (rest.length || !CURSOR_AT.test(at) || Number.isNaN(createdAt.getTime()) || !CURSOR_ID.test(id)) {
    throw new AppError("VALIDATION_FAILED", "The cursor is not valid", [{ path: "cursor", message: "invalid" }]);
  }
  return { createdAt, id };
}

type SearchFilter = Pick<repo.ListFilter, "trackingCodeHash" | "trackingPrefixHash" | "textTokens" | "textReadable">;

/**
 * The search box. What is shaped like a tracking code, or its beginning, is looked up as one; its words are searched
 * as well, since many words are also valid beginnings of a code ("fees", "payments"). Anything else is words, each of
 * which must be in the description; nothing searchable left (only short or common words) matches nothing.
 */
async function querySearch(ctx: Ctx, q: string | undefined): Promise<SearchFilter> {
  if (!q) return {};
  const { cipher } = ctx.services;
  const code = trackingSearch(cipher, q);
  const words = searchWords(q);
  if (words.length === 0) return code ?? { textTokens: [] };
  return { ...code, textTokens: words.map((w) => cipher.searchToken(w)), textReadable: await textReadableSql(ctx) };
}

/**
 * A whole tracking code, or its first group (the half a caller reads out), is looked up by its keyed hash: codes are
 * stored only hashed and encrypted, so no other beginning can be searched.
 */
function trackingSearch(
  cipher: FieldCipher,
  q: string,
): Pick<repo.ListFilter, "trackingCodeHash" | "trackingPrefixHash"> | undefined {
  const upper = q.toUpperCase();
  const compact = upper.replace(/[\s-]/g, "");
  if (/[^\sA-Z0-9-]/.test(upper)) return undefined;
  if (compact.length === 4 && [...compact].every((ch) => TRACKING_ALPHABET.includes(ch)))
    return { trackingPrefixHash: trackingPrefixHash(cipher, compact) };
  const code = normaliseTrackingCode(compact);
  return code ? { trackingCodeHash: trackingCodeHash(cipher, code) } : undefined;
}

/**
 * The reports whose description the actor may read (inbox.policy.ts maySeePersonalData, as SQL): a word search must
 * not tell a responder what the text of a colleague's report says. Undefined: every report in scope.
 */
async function textReadableSql(ctx: Ctx): Promise<SQL | undefined> {
  const actor = ctx.actor;
  if (actor.type !== "staff" || !roleHas(actor.role, "report:read_personal")) return sql`false`;
  if (actor.role === "data_manager") return undefined;
  return repo.handledBySql(actor.userId, await myTeamIds(ctx));
}

const dayEnd = (d: string) => (d.length === 10 ? new Date(`${d}T23:59:59.999Z`) : new Date(d));

export async function listInbox(ctx: Ctx, q: z.output<typeof listInboxQuerySchema>) {
  const now = new Date();
  const [scope, sla, windowDays] = await Promise.all([scopeSql(ctx), slaSettings(ctx.db), duplicateWindowDays(ctx.db)]);
  const me = ctx.actor.type === "staff" ? ctx.actor.userId : undefined;
  const duplicates = { days: windowDays, readable: readableSql(await actorScope(ctx), repo.duplicatePlacement) };
  const filter: repo.ListFilter = {
    set: setForActor(ctx.actor, q.set),
    statuses: q.status,
    categoryCode: q.categoryCode,
    subcategoryCode: q.subcategoryCode,
    districtIds: q.areaId ? await leafIdsUnder(ctx.db, [q.areaId]) : undefined,
    facilityId: q.facilityId,
    assigneeId: q.assigneeId === "none" ? null : q.assigneeId === "me" ? me : q.assigneeId,
    assigneeTeamIds: q.teamId === "mine" ? await myTeamIds(ctx) : q.teamId ? [q.teamId] : undefined,
    from: q.from ? new Date(q.from) : undefined,
    to: q.to ? dayEnd(q.to) : undefined,
    ...(await querySearch(ctx, q.q)),
    overdue: q.overdue === undefined ? undefined : q.overdue === "true",
    channels: q.channel,
    reporterModes: q.reporterMode,
    reporterReplied: q.replied === "true",
    duplicates: q.duplicate === "true" ? duplicates : undefined,
    reopened: q.reopened === "true",
  };
  const overdue = repo.overdueSql(sla, now);
  const where = and(scope, ...repo.filterSql(filter, sla, now));
  // Counts belong to the first page only: a client paging on keeps the ones it has.
  const [rows, counts] = await Promise.all([
    repo.listPage(
      ctx.db,
      where,
      overdue,
      repo.possibleDuplicateSql(duplicates.days, duplicates.readable),
      q.sort,
      q.cursor ? decodeCursor(q.cursor) : undefined,
      q.limit + 1,
    ),
    q.cursor ? Promise.resolve([]) : statusCounts(ctx, filter, scope, sla, now),
  ]);
  const page = rows.slice(0, q.limit);
  const { cipher } = ctx.services;
  return {
    items: page.map(({ trackingCodeEnc, legacyTrackingCode, erasedAt, erasedBy, ...r }) => ({
      ...r,
      trackingCode: erasedAt ? null : revealTrackingCode(cipher, { trackingCodeEnc, legacyTrackingCode }),
      erasure: presentErasure({ erasedAt, erasedBy }),
      status: r.status as ReportStatus,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      overdue: Boolean(r.overdue),
      reopenedByReporter: Boolean(r.reopenedByReporter),
      reporterReplied: Boolean(r.reporterReplied),
      possibleDuplicate: Boolean(r.possibleDuplicate),
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
  const teams = await myTeamIds(ctx);
  const personal = maySeePersonalData(ctx.actor, r, teams);
  const [events, messages, dupes, registration, retention, smsNotices] = await Promise.all([
    repo.timelineOf(ctx.db, r.id),
    repo.messagesOf(ctx.db, r.id),
    listDuplicateCandidatesFor(ctx, r),
    registrationRequired(ctx.db),
    retentionSetting(ctx.db),
    noticesAbout(ctx.db, r.id),
  ]);
  const names = await repo.namesOf(ctx.db, namedIn(r, events));
  // An erased report has no personal data left to view (nor to audit a view of).
  if (personal && !r.erasedAt) {
    // Every view of personal data (description, phone, messages, notes) is recorded.
    await withTransaction(ctx, async (tx) =>
      audit(ctx, tx, { action: "report.view_personal", entity: "report", entityId: r.id }),
    );
  }
  return {
    id: r.id,
    trackingCode: r.erasedAt ? null : revealTrackingCode(cipher, r),
    erasure: presentErasure(r),
    status: r.status as ReportStatus,
    categoryCode: r.categoryCode,
    subcategoryCode: r.subcategoryCode,
    districtId: r.districtId,
    facilityId: r.facilityId,
    channel: r.channel,
    reporterMode: r.reporterMode,
    assigneeId: r.assigneeId,
    assigneeTeamId: r.assigneeTeamId,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
    training: r.training,
    overdue: Boolean(r.overdue),
    assigneeName: r.assigneeId ? (names[r.assigneeId] ?? null) : null,
    assigneeTeamName: r.assigneeTeamId ? (names[r.assigneeTeamId] ?? null) : null,
    reopenedByReporter: r.reporterConfirmed === false && openStatuses.includes(r.status as ReportStatus),
    reporterReplied: messages.at(-1)?.from === "reporter",
    possibleDuplicate: dupes.length > 0,
    names,
    challengeTypes: r.challengeTypes,
    occurredOn: r.occurredOn,
    regionId: r.regionId,
    gender: r.gender,
    ageGroup: r.ageGroup,
    keyPopulations: r.keyPopulations,
    consent: presentConsent(r),
    declineReason: r.declineReason,
    language: r.language,
    assistedBy: r.assistedBy,
    assistance: r.assistantKind
      ? {
          kind: r.assistantKind,
          consentMethod: r.consentMethod,
          consentReference: personal && !r.erasedAt ? cipher.decryptOptional(r.consentReferenceEnc) : null,
        }
      : null,
    validatedAt: r.validatedAt?.toISOString() ?? null,
    firstResponseAt: r.firstResponseAt?.toISOString() ?? null,
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
    reporterConfirmed: r.reporterConfirmed,
    registrationRequired: registration,
    handledByYou: isHandler(ctx.actor, r, teams),
    registeredWithProgramme: r.registeredWithProgramme,
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
      // Notes are free text (a health condition, a name): the personal-data rule applies to them too.
      note: personal ? cipher.decryptOptional(e.noteEnc) : null,
      details: e.details,
    })),
    messages: messages.map((m) => ({
      from: m.from,
      body: personal ? cipher.decrypt(m.bodyEnc) : null,
      at: m.at.toISOString(),
    })),
    duplicateCandidateCount: dupes.length,
    smsNotices: smsNotices.map((n) => ({ status: n.status, at: (n.statusAt ?? n.createdAt).toISOString() })),
    retention: retentionDates(r, retention),
  };
}

/** The staff and teams a report's detail names: its holders, and each actor and assignee of its timeline. */
function namedIn(r: repo.ReportRow, events: { actorId: string | null; details: Record<string, unknown> }[]): string[] {
  const ids = [r.assigneeId, r.assigneeTeamId];
  for (const e of events) {
    ids.push(e.actorId);
    for (const key of ["assigneeId", "assigneeTeamId", "previousAssigneeId", "previousAssigneeTeamId"]) {
      const v = e.details[key];
      if (typeof v === "string") ids.push(v);
    }
  }
  return ids.filter((id): id is string => Boolean(id));
}

async function listDuplicateCandidatesFor(ctx: Ctx, r: repo.ReportRow) {
  const rows = await repo.duplicateCandidates(ctx.db, r, await duplicateWindowDays(ctx.db), await scopeSql(ctx));
  return rows.map((d) => ({
    id: d.id,
    trackingCode: revealTrackingCode(ctx.services.cipher, d),
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

/** Staff and teams who can take a report: responders, data managers and teams whose scope covers its district. */
export async function listAssignees(ctx: Ctx, id: string) {
  const r = await loadInScope(ctx, id);
  return assigneesFor(ctx, [r.districtId], r.training);
}

/** Choices for a bulk assignment; districts outside the caller's scope are ignored (they reveal nothing). */
export async function listBulkAssignees(ctx: Ctx, districtIds: string[]) {
  const scope = await actorScope(ctx);
  const known = districtIds.filter((d) => scope.districtIds.includes(d));
  if (known.length === 0) return { items: [], teams: [] };
  return assigneesFor(ctx, [...new Set(known)], isTrainee(ctx.actor));
}

/**
 * Staff and teams whose scope covers every one of these districts (the choices a bulk assignment offers). Trainee
 * accounts are offered for practice reports only: they could not open a live one.
 */
export async function assigneesFor(ctx: Ctx, districtIds: string[], practice = false) {
  const covers = (reach: string[]) => districtIds.every((d) => reach.includes(d));
  const [staff, teams] = await Promise.all([
    repo.staffWithRoles(ctx.db, ["first_responder", "data_manager"]),
    teamsRepo.listTeams(ctx.db),
  ]);
  const items = [];
  for (const s of staff) {
    if (s.trainee && !practice) continue;
    const scope = await resolveScope(ctx.db, { areaIds: s.scopeAreaIds, facilityIds: s.scopeFacilityIds });
    if (covers(scope.districtIds)) items.push({ id: s.id, displayName: s.displayName, email: s.email, role: s.role });
  }
  const eligibleTeams = [];
  for (const t of teams) if (covers(await teamDistricts(ctx.db, t))) eligibleTeams.push({ id: t.id, name: t.name });
  return { items, teams: eligibleTeams };
}
