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
} from "@openclm/contracts";
import { eq } from "drizzle-orm";
import { audit } from "../audit/audit.service.js";
import { areaInScope, visibleAreaIds } from "../dashboard-setup/area-scope.js";
import { withTransaction } from "../db/database.js";
import { staffUsers } from "../identity/identity.schema.js";
import { actorScope, readableSql } from "../identity/scope.js";
import { AppError, notFound } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import { reports } from "../reports/reports.schema.js";
import * as repo from "./advocacy.repo.js";
import { sniffDocument } from "./advocacy-documents.js";
import { beforeAfter, caseThreshold, caseTrend, controlledCount } from "./advocacy-figures.js";
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

/** `createAdvocacyCase`: from a dashboard selection, escalated reports, or both (audited). */
export async function createAdvocacyCase(ctx: Ctx, input: CreateAdvocacyCaseInput): Promise<{ id: string }> {
  checkFilters(input.filters);
  const { areaId, filters } = await caseArea(ctx, input.filters);
  const scope = await actorScope(ctx);
  const inScope = readableSql(scope, { district: reports.districtId, facility: reports.facilityId });
  const reportIds = [...new Set(input.reportIds ?? [])];
  const found = await repo.reportsInScope(ctx.db, reportIds, inScope);
  if (found.length !== reportIds.length) throw notFound("report");
  const ownerId = input.ownerId ?? staffId(ctx);
  if (input.ownerId) {
    const [owner] = await ctx.db.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.id, input.ownerId));
    if (!owner) throw new AppError("VALIDATION_FAILED", "No such member of staff", { field: "ownerId" });
  }
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

async function summaryOf(ctx: Ctx, row: repo.CaseRow): Promise<AdvocacyCaseSummary> {
  const threshold = await caseThreshold(ctx.db, row.filters);
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    dutyBearer: { name: row.dutyBearer, type: row.dutyBearerType as AdvocacyCaseSummary["dutyBearer"]["type"] },
    dueOn: row.dueOn,
    reportCount: await controlledCount(ctx.db, repo.caseReportsSql(row, false), threshold),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** `listAdvocacyCases`: the cases whose area the caller sees, newest change first, counts under disclosure control. */
export async function listAdvocacyCases(ctx: Ctx): Promise<{ items: AdvocacyCaseSummary[] }> {
  const rows = await repo.listCases(ctx.db, await visibleAreaIds(ctx), LIST_LIMIT);
  return { items: await Promise.all(rows.map((r) => summaryOf(ctx, r))) };
}

/** `getAdvocacyCase`: the case with its actions, history and the trend either side of the commitment. */
export async function getAdvocacyCase(ctx: Ctx, id: string): Promise<AdvocacyCase> {
  const row = await visibleCase(ctx, id);
  const threshold = await caseThreshold(ctx.db, row.filters);
  const actions = await repo.actionsOf(ctx.db, id);
  const history = await repo.historyOf(ctx.db, id);
  return {
    ...(await summaryOf(ctx, row)),
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
  const items = await Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      title: r.title,
      dutyBearer: r.dutyBearer,
      outcome: r.outcome,
      resolvedOn: (r.resolvedAt ?? r.updatedAt).toISOString().slice(0, 10),
      reportCount: await controlledCount(ctx.db, repo.caseReportsSql(r, true), await caseThreshold(ctx.db, r.filters)),
    })),
  );
  return { items };
}
