import crypto from "node:crypto";
import { and, desc, eq, gt, inArray, isNull } from "drizzle-orm";
import { audit } from "../audit/audit.service.js";
import { loadChannelTexts } from "../channels/conversation-texts.js";
import { noticeProvider, queueSms } from "../channels/sms-outbound.js";
import { withTransaction } from "../db/database.js";
import { holds } from "../geography/facilities-setup.service.js";
import { facilities } from "../geography/geography.schema.js";
import { actorScope } from "../identity/scope.js";
import { hashToken } from "../identity/sessions.js";
import { sendReporterNotifications } from "../notifications/notify-reporter.js";
import { AppError } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import { pickText } from "../platform/i18n-text.js";
import { revealTrackingCode, storedCodeColumns } from "../reports/reports.repo.js";
import { reports } from "../reports/reports.schema.js";
import { newTrackingCode, normaliseTrackingCode } from "../reports/tracking-code.js";
import { facilityDesks } from "./desks.schema.js";

const codeHash = (ctx: Ctx, code: string) => ctx.services.cipher.hash("desk-code", code);

function staffId(ctx: Ctx): string {
  if (ctx.actor.type !== "staff") throw new AppError("UNAUTHENTICATED", "Sign in first");
  return ctx.actor.userId;
}

/** `issueDeskCode`: a new desk for a facility, with a one-time code shown once (only its keyed hash is kept). */
export async function issueDeskCode(ctx: Ctx, facilityId: string) {
  const by = staffId(ctx);
  const [facility] = await ctx.db
    .select({ id: facilities.id, districtId: facilities.districtId })
    .from(facilities)
    .where(eq(facilities.id, facilityId));
  if (!facility) throw new AppError("UNKNOWN_FACILITY", "Unknown facility");
  // A region's administrator sets up desks for the facilities they manage only; another region's reads as unknown.
  if (!holds(await actorScope(ctx), facility.districtId)) throw new AppError("UNKNOWN_FACILITY", "Unknown facility");
  const code = newTrackingCode();
  const id = await withTransaction(ctx, async (tx) => {
    const [row] = await tx
      .insert(facilityDesks)
      .values({ facilityId, codeHash: codeHash(ctx, code), createdBy: by })
      .returning({ id: facilityDesks.id });
    const deskId = row?.id ?? "";
    await audit(ctx, tx, { action: "desk.issue", entity: "facility_desk", entityId: deskId, details: { facilityId } });
    return deskId;
  });
  return { id, facilityId, code };
}

export async function listDesks(ctx: Ctx) {
  const scope = await actorScope(ctx);
  if (scope.type !== "country" && scope.areaDistrictIds.length === 0) return { items: [] };
  // Filtered in the query, as facilitiesInScope does: a filter after the LIMIT could drop desks the caller manages.
  const rows = await ctx.db
    .select({ desk: facilityDesks })
    .from(facilityDesks)
    .innerJoin(facilities, eq(facilities.id, facilityDesks.facilityId))
    .where(scope.type === "country" ? undefined : inArray(facilities.districtId, scope.areaDistrictIds))
    .orderBy(desc(facilityDesks.createdAt))
    .limit(500)
    .then((found) => found.map((r) => r.desk));
  return {
    items: rows.map((r) => ({
      id: r.id,
      facilityId: r.facilityId,
      createdAt: r.createdAt.toISOString(),
      activatedAt: r.activatedAt?.toISOString() ?? null,
      revokedAt: r.revokedAt?.toISOString() ?? null,
    })),
  };
}

/** `revokeDesk`: the code no longer works and the desk's device reports as nobody from its next request. */
export async function revokeDesk(ctx: Ctx, id: string): Promise<{ ok: true }> {
  staffId(ctx);
  const scope = await actorScope(ctx);
  const [desk] = await ctx.db
    .select({ districtId: facilities.districtId })
    .from(facilityDesks)
    .innerJoin(facilities, eq(facilities.id, facilityDesks.facilityId))
    .where(eq(facilityDesks.id, id));
  if (!desk || !holds(scope, desk.districtId))
    throw new AppError("NOT_FOUND", "No such desk, or it was revoked already");
  await withTransaction(ctx, async (tx) => {
    const [row] = await tx
      .update(facilityDesks)
      .set({ revokedAt: new Date(), codeHash: null, tokenHash: null })
      .where(and(eq(facilityDesks.id, id), isNull(facilityDesks.revokedAt)))
      .returning({ id: facilityDesks.id });
    if (!row) throw new AppError("NOT_FOUND", "No such desk, or it was revoked already");
    await audit(ctx, tx, { action: "desk.revoke", entity: "facility_desk", entityId: id });
  });
  return { ok: true };
}

/**
 * `activateDesk`: the device that types the code becomes the desk; the code is used up (a second device typing it
 * gets NOT_FOUND). Answers the desk token for the cookie and what the device prefills.
 */
export async function activateDesk(ctx: Ctx, typed: string) {
  const code = normaliseTrackingCode(typed);
  if (!code) throw new AppError("NOT_FOUND", "Unknown or used desk code");
  const token = crypto.randomBytes(32).toString("base64url");
  const desk = await withTransaction(ctx, async (tx) => {
    const [row] = await tx
      .update(facilityDesks)
      .set({ codeHash: null, tokenHash: hashToken(token), activatedAt: new Date() })
      .where(and(eq(facilityDesks.codeHash, codeHash(ctx, code)), isNull(facilityDesks.revokedAt)))
      .returning({ id: facilityDesks.id, facilityId: facilityDesks.facilityId });
    if (!row) throw new AppError("NOT_FOUND", "Unknown or used desk code");
    await audit(ctx, tx, { action: "desk.activate", entity: "facility_desk", entityId: row.id, actorId: null });
    return row;
  });
  return { token, device: await deskDevice(ctx, desk.facilityId) };
}

/** The desk a device token belongs to, while it is not revoked. */
export async function lookupDesk(ctx: Pick<Ctx, "db">, token: string) {
  const [row] = await ctx.db
    .select({ id: facilityDesks.id, facilityId: facilityDesks.facilityId })
    .from(facilityDesks)
    .where(and(eq(facilityDesks.tokenHash, hashToken(token)), isNull(facilityDesks.revokedAt)));
  return row;
}

/** `getDesk`: what this desk's device prefills. */
export async function getDesk(ctx: Ctx) {
  if (ctx.actor.type !== "desk") throw new AppError("UNAUTHENTICATED", "This device is not a facility desk");
  return deskDevice(ctx, ctx.actor.facilityId);
}

async function deskDevice(ctx: Ctx, facilityId: string) {
  const [f] = await ctx.db
    .select({ id: facilities.id, districtId: facilities.districtId, names: facilities.names })
    .from(facilities)
    .where(eq(facilities.id, facilityId));
  if (!f) throw new AppError("UNKNOWN_FACILITY", "Unknown facility");
  return { facilityId: f.id, districtId: f.districtId, facilityName: pickText(f.names, ctx.language) };
}

/** How long after sending a desk may still send a report's code by SMS (the visitor is still at the desk). */
const SMS_WINDOW_MS = 30 * 60_000;

/**
 * `sendDeskCodeBySms`: the desk sends the tracking code of the report it just made to the phone the visitor gave
 * (with their agreement to be contacted), through the SMS outbox, so the desk itself need not keep or print it.
 */
export async function sendDeskCodeBySms(ctx: Ctx, clientId: string): Promise<{ ok: true }> {
  const actor = ctx.actor;
  if (actor.type !== "desk") throw new AppError("UNAUTHENTICATED", "This device is not a facility desk");
  const since = new Date(Date.now() - SMS_WINDOW_MS);
  const [report] = await ctx.db
    .select({
      id: reports.id,
      consent: reports.consentContactMe,
      phoneEnc: reports.phoneEnc,
      language: reports.language,
      ...storedCodeColumns,
    })
    .from(reports)
    .where(
      and(
        eq(reports.clientId, clientId),
        eq(reports.facilityId, actor.facilityId),
        eq(reports.assistantKind, "facility_desk"),
        gt(reports.createdAt, since),
        isNull(reports.erasedAt),
      ),
    );
  if (!report) throw new AppError("NOT_FOUND", "No report of this desk to send a code for");
  const code = revealTrackingCode(ctx.services.cipher, report);
  if (!report.consent || !report.phoneEnc || !code)
    throw new AppError("VALIDATION_FAILED", "The visitor gave no phone number to send the code to", [
      { path: "contact.phone", message: "required, with consent to be contacted" },
    ]);
  const provider = await noticeProvider(ctx);
  if (!provider) throw new AppError("CONFLICT", "No SMS provider is set up");
  const text = (await loadChannelTexts(ctx.db))("done", report.language ?? "en", { code });
  await withTransaction(ctx, async (tx) => {
    await queueSms(ctx, ctx.services.cipher.decrypt(report.phoneEnc ?? ""), text, {
      provider,
      purpose: "notice",
      reportId: report.id,
      db: tx,
    });
    await audit(ctx, tx, { action: "desk.code_sms", entity: "report", entityId: report.id });
  });
  await sendReporterNotifications(ctx, report.id);
  return { ok: true };
}
