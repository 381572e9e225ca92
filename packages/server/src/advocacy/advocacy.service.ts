import crypto from "node:crypto";
import {
  ADVOCACY_DOCUMENT_MAX_BYTES,
  type AddAdvocacyActionInput,
  type AdvocacyCase,
  type AdvocacyCaseSummary,
  advocacyDocumentTypes,
  advocacyTransitions,
  type ChangeAdvocacyCaseStatusInput,
  type CreateAdvocacyCaseInput,
  type IndicatorFilter,
  placeDimensions,
  type UpdateAdvocacyCaseInput,
} from "@openclm/contracts";
import { sql } from "drizzle-orm";
import { audit } from "../audit/audit.service.js";
import { areaInScope, visibleAreaIds } from "../dashboard-setup/area-scope.js";
import { withTransaction } from "../db/database.js";
import { leafIdsUnder } from "../geography/geography.repo.js";
import { permissionsByRole } from "../identity/roles.js";
import { actorScope, readableSql, scopeOfStaff } from "../identity/scope.js";
import { AppError, notFound } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import { reports } from "../reports/reports.schema.js";
import { isTrainee, refuseTrainee, reportsOfSet } from "../reports/training.js";
import * as repo from "./advocacy.repo.js";
import { sniffDocument } from "./advocacy-documents.js";
import { beforeAfter, caseThreshold, caseTrend, controlledCount, controlledCounts } from "./advocacy-figures.js";
import { announceCase, notifyCaseReporters } from "./advocacy-loop.js";

const LIST_LIMIT = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const staffId = (ctx: Ctx) => (ctx.actor.type === "staff" ? ctx.actor.userId : null);
const today = () => new Date().toISOString().slice(0, 10);

/** The selection must be one a report can match: no time dimension (`from` says when), no decline reason. */
function checkFilters(filters: IndicatorFilter[]): void {
  const bad = filters.filter(([, d]) => !repo.matchableDimensions.includes(d));
  if (bad.length)
    throw new AppError("VALIDATION_FAILED", "A case follows reports by what they are about and where, not by time", {
      dimensions: bad.map(([, d]) => d),
    });
  const places = filters.filter(([, d]) => (placeDimensions as readonly string[]).includes(d));
  if (places.some(([, , values]) => values.some((v) => !UUID.test(v))))
    throw new AppError("VALIDATION_FAILED", "Areas and facilities are named by their ids");
  const dims = filters.map(([, d]) => d);
  if (new Set(dims).size !== dims.length) throw new AppError("VALIDATION_FAILED", "A dimension is filtered twice");
}

/**
 * The area the case is about, checked against the caller's scope (404 outside it, as for any area). One region or
 * district in the selection: that area. None: the whole country for a country-wide reader; a reader with one area
 * gets that area added to the selection, so the case counts only reports they may see.
 */
async function caseArea(
  ctx: Ctx,
  filters: IndicatorFilter[],
): Promise<{ areaId: string | null; filters: IndicatorFilter[] }> {
  const place = filters.find(([, d]) => d === "district") ?? filters.find(([, d]) => d === "region");
  const scope = await actorScope(ctx);
  if (place && place[2].length === 1) {
    await areaInScope(ctx, place[2][0] as string);
    return { areaId: place[2][0] as string, filters };
  }
  if (scope.type === "country") return { areaId: null, filters };
  if (scope.type === "areas" && scope.areaIds.length === 1 && !place) {
    const area = await areaInScope(ctx, scope.areaIds[0] as string);
    return { areaId: area.id, filters: [...filters, ["is", area.isLeaf ? "district" : "region", [area.id]]] };
  }
  throw new AppError("VALIDATION_FAILED", "Choose one region or district in your scope for this case", {
    problem: "area_required",
  });
}

/**
 * The case, if the caller sees its area whole; 404 otherwise (never revealing it exists). Inside a transaction, pass
 * the reader's areas worked out before it: PGlite has one connection, and the transaction holds it.
 */
async function visibleCase(
  ctx: Ctx,
  id: string,
  opts: { forUpdate?: boolean; db?: Ctx["db"]; visible?: "all" | string[] } = {},
) {
  const visible = opts.visible ?? (await visibleAreaIds(ctx));
  const row = await repo.caseById(opts.db ?? ctx.db, id, opts);
  if (!row || (visible !== "all" && (!row.areaId || !visible.includes(row.areaId)))) throw notFound("advocacy case");
  return row;
}

/** Roles whose staff manage cases, so may own one (read from the permissions, not listed twice). */
const managingRoles = Object.entries(permissionsByRole)
  .filter(([, permissions]) => (permissions as readonly string[]).includes("advocacy:manage"))
  .map(([role]) => role);

/**
 * Staff who may own a case about `areaId` (null: the whole country): active, managing cases, and seeing the area whole
 * — the same rule as for reading the case, so an owner can always open what they own.
 */
async function eligibleOwners(ctx: Ctx, areaId: string | null) {
  const leaves = areaId ? await leafIdsUnder(ctx.db, [areaId]) : [];
  const staff = await repo.staffOfRoles(ctx.db, managingRoles);
  const out: { id: string; name: string }[] = [];
  for (const s of staff) {
    const scope = await scopeOfStaff(ctx.db, s);
    const sees =
      scope.type === "country" ||
      (areaId !== null &&
        scope.type === "areas" &&
        leaves.length > 0 &&
        leaves.every((d) => scope.districtIds.includes(d)));
    if (sees) out.push({ id: s.id, name: s.name || s.email });
  }
  return out;
}

async function checkOwner(ctx: Ctx, areaId: string | null, ownerId: string) {
  if (!(await eligibleOwners(ctx, areaId)).some((o) => o.id === ownerId))
    throw new AppError("VALIDATION_FAILED", "The owner must manage advocacy cases and see the case's area", {
      field: "ownerId",
      problem: "owner_not_eligible",
    });
}

/** `createAdvocacyCase`: from a dashboard selection, escalated reports, or both (audited). */
export async function createAdvocacyCase(ctx: Ctx, input: CreateAdvocacyCaseInput): Promise<{ id: string }> {
  checkFilters(input.filters);
  const { areaId, filters } = await caseArea(ctx, input.filters);
  const scope = await actorScope(ctx);
  const inScope = readableSql(scope, { district: reports.districtId, facility: reports.facilityId });
  const reportIds = [...new Set(input.reportIds ?? [])];
  // A trainee account holds no live report to start a case from (reports/training.ts).
  if (reportIds.length) refuseTrainee(ctx.actor);
  const found = await repo.reportsInScope(ctx.db, reportIds, inScope);
  if (found.length !== reportIds.length) throw notFound("report");
  const ownerId = input.ownerId ?? staffId(ctx);
  if (input.ownerId) await checkOwner(ctx, areaId, input.ownerId);
  const dutyBearer =
    typeof input.dutyBearer === "string" ? { name: input.dutyBearer, type: "other" as const } : input.dutyBearer;
  return withTransaction(ctx, async (tx) => {
    const row = await repo.insertCase(tx, {
      title: input.title,
      filters,
      fromDate: input.from,
      areaId,
      dutyBearer: dutyBearer.name,
      dutyBearerType: dutyBearer.type,
      ask: input.ask,
      ownerId,
      dueOn: input.dueOn ?? null,
      createdBy: staffId(ctx),
    });
    await repo.linkReports(tx, row.id, found);
    await repo.insertStatusChange(tx, { caseId: row.id, fromStatus: null, toStatus: "open", by: staffId(ctx) });
    await audit(ctx, tx, {
      action: "advocacy_case.create",
      entity: "advocacy_case",
      entityId: row.id,
      details: { filters, from: input.from, linkedReports: found.length },
    });
    return { id: row.id };
  });
}

function summaryOf(row: repo.CaseRow, reportCount: number | null): AdvocacyCaseSummary {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    dutyBearer: { name: row.dutyBearer, type: row.dutyBearerType as AdvocacyCaseSummary["dutyBearer"]["type"] },
    dueOn: row.dueOn,
    ownerId: row.ownerId,
    reportCount,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * `listAdvocacyCases`: the cases whose area the caller sees, newest change first, counts under disclosure control —
 * all the counts in one statement (`controlledCounts`), not a query per case.
 */
export async function listAdvocacyCases(ctx: Ctx): Promise<{ items: AdvocacyCaseSummary[] }> {
  const rows = await repo.listCases(ctx.db, await visibleAreaIds(ctx), LIST_LIMIT);
  const counts = await controlledCounts(ctx.db, rows, false);
  return { items: rows.map((r) => summaryOf(r, counts.get(r.id) ?? null)) };
}

/** `getAdvocacyCase`: the case with its actions, history and the trend either side of the commitment. */
export async function getAdvocacyCase(ctx: Ctx, id: string): Promise<AdvocacyCase> {
  const row = await visibleCase(ctx, id);
  const threshold = await caseThreshold(ctx.db, row.filters);
  const actions = await repo.actionsOf(ctx.db, id);
  const history = await repo.historyOf(ctx.db, id);
  return {
    ...summaryOf(row, await controlledCount(ctx.db, repo.caseReportsSql(row, false), threshold)),
    filters: row.filters,
    from: row.fromDate,
    ask: row.ask,
    owner: await repo.ownerOf(ctx.db, row.ownerId),
    commitmentOn: row.commitmentOn,
    outcome: row.outcome,
    published: row.published,
    announcementId: row.announcementId,
    linkedReports: await repo.linkedCount(ctx.db, id),
    actions: actions.map((a) => ({
      id: a.id,
      kind: a.kind as AdvocacyCase["actions"][number]["kind"],
      on: a.on,
      note: a.note,
      documents: a.documents.map(({ actionId: _a, ...d }) => d),
      createdAt: a.createdAt.toISOString(),
    })),
    history: history.map((h) => ({
      from: h.fromStatus as AdvocacyCase["status"] | null,
      to: h.toStatus as AdvocacyCase["status"],
      note: h.note,
      at: h.at.toISOString(),
    })),
    trend: await caseTrend(ctx.db, repo.caseReportsSql(row, false), threshold, row.commitmentOn, today()),
    perMonth: row.commitmentOn
      ? await beforeAfter(ctx.db, repo.caseReportsSql(row, false), threshold, row.commitmentOn, today())
      : { before: null, after: null },
    suppressionThreshold: threshold,
  };
}

/** `listAdvocacyCaseOwners`: who may carry the case (the owner picker's choices). */
export async function listAdvocacyCaseOwners(ctx: Ctx, id: string) {
  const row = await visibleCase(ctx, id);
  return { items: await eligibleOwners(ctx, row.areaId) };
}

/**
 * `updateAdvocacyCase`: the title, the ask, the duty bearer, the target date and the owner (audited with the fields
 * that changed, never their text). A resolved case is a record: 409.
 */
export async function updateAdvocacyCase(ctx: Ctx, id: string, input: UpdateAdvocacyCaseInput) {
  const visible = await visibleAreaIds(ctx);
  const current = await visibleCase(ctx, id, { visible });
  if (input.ownerId && input.ownerId !== current.ownerId) await checkOwner(ctx, current.areaId, input.ownerId);
  return withTransaction(ctx, async (tx) => {
    const row = await visibleCase(ctx, id, { forUpdate: true, db: tx, visible });
    if (row.status === "resolved")
      throw new AppError("INVALID_TRANSITION", "A resolved case is not edited", { status: row.status });
    const set: Partial<repo.CaseRow> = {};
    const changed: ("title" | "ask" | "dutyBearer" | "dueOn" | "ownerId")[] = [];
    if (input.title !== undefined && input.title !== row.title) {
      set.title = input.title;
      changed.push("title");
    }
    if (input.ask !== undefined && input.ask !== row.ask) {
      set.ask = input.ask;
      changed.push("ask");
    }
    if (
      input.dutyBearer &&
      (input.dutyBearer.name !== row.dutyBearer || input.dutyBearer.type !== row.dutyBearerType)
    ) {
      set.dutyBearer = input.dutyBearer.name;
      set.dutyBearerType = input.dutyBearer.type;
      changed.push("dutyBearer");
    }
    if (input.dueOn !== undefined && input.dueOn !== row.dueOn) {
      set.dueOn = input.dueOn;
      changed.push("dueOn");
    }
    if (input.ownerId !== undefined && input.ownerId !== row.ownerId) {
      set.ownerId = input.ownerId;
      changed.push("ownerId");
    }
    if (!changed.length) return { id, changed };
    await repo.updateCase(tx, id, set);
    await audit(ctx, tx, {
      action: "advocacy_case.update",
      entity: "advocacy_case",
      entityId: id,
      details: {
        changed,
        ...(set.ownerId !== undefined ? { ownerId: set.ownerId, previousOwnerId: row.ownerId } : {}),
        ...(set.dueOn !== undefined ? { dueOn: set.dueOn } : {}),
      },
    });
    return { id, changed };
  });
}

/** The report in the caller's scope (404 otherwise, as for any report; a live one to a trainee account too). */
async function reportInScope(ctx: Ctx, reportId: string) {
  const scope = await actorScope(ctx);
  const readable = readableSql(scope, { district: reports.districtId, facility: reports.facilityId });
  const inScope = isTrainee(ctx.actor) ? sql`(${readable} AND ${reportsOfSet("training")})` : readable;
  const report = await repo.reportForLinking(ctx.db, reportId, inScope);
  if (!report) throw notFound("report");
  return report;
}

/**
 * `listReportAdvocacyCases`: for a report in the inbox, the cases it is linked to and the cases not yet resolved
 * about its place that it could join (only cases the caller sees).
 */
export async function listReportAdvocacyCases(ctx: Ctx, reportId: string) {
  const report = await reportInScope(ctx, reportId);
  const visible = await visibleAreaIds(ctx);
  const linked = await repo.casesLinkedTo(ctx.db, report.id, visible);
  // A practice report (training mode) joins no real case: none is offered.
  if (report.training) return { linked, open: [] };
  const ids = new Set(linked.map((c) => c.id));
  const open = (await repo.openCasesAbout(ctx.db, report.districtId, visible, LIST_LIMIT)).filter(
    (c) => !ids.has(c.id),
  );
  return { linked, open };
}

/**
 * `linkReportToAdvocacyCase`: a responder or data manager, from the inbox, adds a report to a case it is about
 * (audited on the case). The report and the case must both be the caller's to see (404); a resolved case, or a
 * report that is declined, merged or a practice report and so never counted, is 409.
 */
export async function linkReportToAdvocacyCase(ctx: Ctx, reportId: string, caseId: string) {
  const report = await reportInScope(ctx, reportId);
  // A practice report never joins a real case: a trainee account, who sees practice reports only, links none, and
  // nobody links a practice report (it would count in the case's figures and its review pack).
  refuseTrainee(ctx.actor);
  if (report.training)
    throw new AppError("INVALID_TRANSITION", "A practice report is not counted in a case", {
      problem: "practice_report",
    });
  if (report.status === "declined" || report.status === "merged")
    throw new AppError("INVALID_TRANSITION", "A declined or merged report is not counted in a case", {
      problem: "report_not_counted",
      status: report.status,
    });
  const visible = await visibleAreaIds(ctx);
  return withTransaction(ctx, async (tx) => {
    const row = await visibleCase(ctx, caseId, { forUpdate: true, db: tx, visible });
    if (row.status === "resolved")
      throw new AppError("INVALID_TRANSITION", "The case is resolved", { status: row.status });
    const linked = await repo.linkReport(tx, caseId, report.id);
    if (linked) {
      await repo.updateCase(tx, caseId, {});
      await audit(ctx, tx, {
        action: "advocacy_case.link",
        entity: "advocacy_case",
        entityId: caseId,
        details: { reportId: report.id },
      });
    }
    return { caseId, linked };
  });
}

/** `addAdvocacyAction`: a meeting, letter, media piece, policy brief or legal referral (audited). */
export async function addAdvocacyAction(ctx: Ctx, id: string, input: AddAdvocacyActionInput): Promise<{ id: string }> {
  const visible = await visibleAreaIds(ctx);
  return withTransaction(ctx, async (tx) => {
    const row = await visibleCase(ctx, id, { forUpdate: true, db: tx, visible });
    if (row.status === "resolved")
      throw new AppError("INVALID_TRANSITION", "The case is resolved", { status: row.status });
    const action = await repo.insertAction(tx, {
      caseId: id,
      kind: input.kind,
      on: input.on,
      note: input.note,
      createdBy: staffId(ctx),
    });
    await repo.updateCase(tx, id, {});
    await audit(ctx, tx, {
      action: "advocacy_case.action",
      entity: "advocacy_case",
      entityId: id,
      details: { actionId: action.id, kind: input.kind, on: input.on },
    });
    return action;
  });
}

const notADocument = () =>
  new AppError("UNSUPPORTED_MEDIA_TYPE", "Documents must be PDF, PNG, JPEG, WebP or office documents", {
    problem: "not_an_allowed_document",
    allowed: advocacyDocumentTypes,
  });

/**
 * Attaches a document to an action: the declared type must be allowed and agree with what the bytes are, at most
 * ADVOCACY_DOCUMENT_MAX_BYTES (audited with its hash and size).
 */
export async function uploadAdvocacyDocument(
  ctx: Ctx,
  ids: { id: string; actionId: string },
  name: string,
  declaredType: string | undefined,
  body: unknown,
) {
  if (!Buffer.isBuffer(body)) throw notADocument();
  if (body.length === 0) throw new AppError("VALIDATION_FAILED", "The file is empty", { problem: "empty" });
  if (body.length > ADVOCACY_DOCUMENT_MAX_BYTES)
    throw new AppError("PAYLOAD_TOO_LARGE", "The document is too large", { maxBytes: ADVOCACY_DOCUMENT_MAX_BYTES });
  const sniffed = sniffDocument(body);
  const declared = declaredType?.split(";")[0]?.trim().toLowerCase();
  if (!sniffed || sniffed !== declared) throw notADocument();
  const sha256 = crypto.createHash("sha256").update(body).digest("hex");
  const visible = await visibleAreaIds(ctx);
  return withTransaction(ctx, async (tx) => {
    await visibleCase(ctx, ids.id, { db: tx, visible });
    if (!(await repo.actionOfCase(tx, ids.id, ids.actionId))) throw notFound("action");
    const doc = await repo.insertDocument(tx, {
      actionId: ids.actionId,
      name,
      contentType: sniffed,
      data: body,
      sha256,
    });
    await audit(ctx, tx, {
      action: "advocacy_case.document",
      entity: "advocacy_case",
      entityId: ids.id,
      details: { documentId: doc.id, contentType: sniffed, bytes: body.length, sha256 },
    });
    return { id: doc.id, name, contentType: sniffed, bytes: body.length };
  });
}

export async function getAdvocacyDocument(ctx: Ctx, ids: { id: string; documentId: string }) {
  await visibleCase(ctx, ids.id);
  const doc = await repo.documentOfCase(ctx.db, ids.id, ids.documentId);
  if (!doc) throw notFound("document");
  return doc;
}

/**
 * `changeAdvocacyCaseStatus`: open → in dialogue → commitment made → resolved, or stalled (and taken up again), each
 * change in the case's history and the audit chain. Resolving may list the case publicly, publish a "What changed"
 * announcement and tell the linked reports' reporters (after the commit: side effects never hold the transaction).
 */
export async function changeAdvocacyCaseStatus(ctx: Ctx, id: string, input: ChangeAdvocacyCaseStatusInput) {
  const resolving = input.status === "resolved";
  const visible = await visibleAreaIds(ctx);
  const row = await withTransaction(ctx, async (tx) => {
    const current = await visibleCase(ctx, id, { forUpdate: true, db: tx, visible });
    if (!advocacyTransitions[current.status].includes(input.status))
      throw new AppError("INVALID_TRANSITION", `A case cannot go from ${current.status} to ${input.status}`, {
        status: current.status,
        allowed: advocacyTransitions[current.status],
      });
    if (resolving && !input.outcome?.trim() && !current.outcome)
      throw new AppError("VALIDATION_FAILED", "Say what changed to resolve the case", { field: "outcome" });
    const set = {
      status: input.status,
      ...(input.status === "commitment_made" ? { commitmentOn: input.commitmentOn ?? today() } : {}),
      ...(input.outcome?.trim() ? { outcome: input.outcome.trim() } : {}),
      ...(resolving ? { resolvedAt: new Date(), published: input.publish ?? false } : {}),
    };
    await repo.updateCase(tx, id, set);
    await repo.insertStatusChange(tx, {
      caseId: id,
      fromStatus: current.status,
      toStatus: input.status,
      note: input.note ?? null,
      by: staffId(ctx),
    });
    await audit(ctx, tx, {
      action: "advocacy_case.status",
      entity: "advocacy_case",
      entityId: id,
      details: { from: current.status, to: input.status, ...(resolving ? { published: input.publish ?? false } : {}) },
    });
    return { ...current, ...set };
  });
  const announcementId = resolving && input.announcement ? await announceCase(ctx, row, input.announcement) : null;
  const notified = resolving && input.notifyReporters ? await notifyCaseReporters(ctx, row) : 0;
  return { status: input.status, announcementId, notified };
}

/** The public dashboard's list: resolved cases the programme chose to publish, figures of publishable reports only. */
export async function listPublicAdvocacyCases(ctx: Ctx) {
  const rows = await repo.publishedCases(ctx.db, LIST_LIMIT);
  const counts = await controlledCounts(ctx.db, rows, true);
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      dutyBearer: r.dutyBearer,
      outcome: r.outcome,
      resolvedOn: (r.resolvedAt ?? r.updatedAt).toISOString().slice(0, 10),
      reportCount: counts.get(r.id) ?? null,
    })),
  };
}
