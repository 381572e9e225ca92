import { and, desc, eq, isNull, ne, type SQL, sql } from "drizzle-orm";
import { audit } from "../audit/audit.service.js";
import { type Db, withTransaction } from "../db/database.js";
import { type ReporterEvent, reporterNotice } from "../notifications/reporter-notifications.js";
import type { Ctx } from "../platform/context.js";
import { getSetting } from "../platform/platform.repo.js";
import { phoneKey } from "../reports/phone.js";
import * as reportsRepo from "../reports/reports.repo.js";
import { reportMessages, reports } from "../reports/reports.schema.js";
import { normaliseTrackingCode, trackingCodeHash } from "../reports/tracking-code.js";
import * as repo from "./channel-sessions.repo.js";
import { loadChannelTexts } from "./conversation-texts.js";
import type { Reply } from "./converse.js";
import { noticeProvider, queueSms } from "./sms-outbound.js";

/**
 * Queues, in the caller's transaction, the SMS telling the reporter of `reportId` that there is a reply or news, when
 * they agreed to be contacted and left (or wrote from) a number, and an SMS provider is configured. Nothing for an
 * erased report. The text is the one builder's (notifications/reporter-notifications.ts). Sent after the commit by
 * `sendReporterNotifications` (and retried by the outbox job).
 */
export async function queueReporterNotice(
  ctx: Ctx,
  tx: Db,
  reportId: string,
  event: ReporterEvent,
  includeContent: boolean,
): Promise<void> {
  const provider = await noticeProvider(ctx, tx);
  if (!provider) return;
  const [report] = await tx
    .select({
      consent: reports.consentContactMe,
      phoneEnc: reports.phoneEnc,
      language: reports.language,
      erasedAt: reports.erasedAt,
      ...reportsRepo.storedCodeColumns,
    })
    .from(reports)
    .where(eq(reports.id, reportId));
  if (!report?.consent || !report.phoneEnc || report.erasedAt) return;
  const { cipher } = ctx.services;
  const code = reportsRepo.revealTrackingCode(cipher, report);
  if (!code) return;
  const { body } = await reporterNotice(tx, event, {
    code,
    channel: "sms",
    language: report.language,
    includeContent,
    publicUrl: ctx.services.config.publicUrl,
  });
  await queueSms(ctx, cipher.decrypt(report.phoneEnc), body, { provider, purpose: "notice", reportId, db: tx });
}

/** A report a reporter's message may answer, as `pickRepliedReport` finds it. */
export interface RepliedReport {
  id: string;
  status: string;
  language: string | null;
  code: string;
}

/**
 * The report an SMS from `from` answers, if any: among the open reports whose reporter agreed to be contacted on that
 * number (matched by the keyed hash of the number), as `pickRepliedReport` chooses. Null: the number has no such report.
 */
export async function findRepliedReport(ctx: Ctx, from: string, text: string): Promise<RepliedReport | null> {
  const country = (await getSetting<{ code?: string }>(ctx.db, "country"))?.code || null;
  const phoneHash = ctx.services.cipher.hash("phone", phoneKey(from, country));
  return pickRepliedReport(ctx, and(eq(reports.phoneHash, phoneHash), eq(reports.consentContactMe, true)), text);
}

/**
 * Among the open reports (not closed, not erased, not merged) that `match` selects, the one whose tracking code the
 * text holds; else the one a responder wrote to last (the reply most likely answers it); else the newest.
 */
export async function pickRepliedReport(ctx: Ctx, match: SQL | undefined, text: string): Promise<RepliedReport | null> {
  const { cipher } = ctx.services;
  const lastResponse = sql<Date | null>`(SELECT max(m.at) FROM ${reportMessages} m WHERE m.report_id = ${reports.id} AND m."from" = 'responder')`;
  const candidates = await ctx.db
    .select({
      id: reports.id,
      status: reports.status,
      language: reports.language,
      trackingCodeHash: reports.trackingCodeHash,
      ...reportsRepo.storedCodeColumns,
    })
    .from(reports)
    .where(and(match, isNull(reports.erasedAt), isNull(reports.mergedIntoId), ne(reports.status, "closed")))
    .orderBy(sql`${lastResponse} DESC NULLS LAST`, desc(reports.createdAt))
    .limit(20);
  if (candidates.length === 0) return null;
  const named = codesIn(text).map((c) => trackingCodeHash(cipher, c));
  const chosen = candidates.find((c) => c.trackingCodeHash && named.includes(c.trackingCodeHash)) ?? candidates[0];
  if (!chosen) return null;
  return {
    id: chosen.id,
    status: chosen.status,
    language: chosen.language,
    code: reportsRepo.revealTrackingCode(cipher, chosen),
  };
}

/** Every group of 8 letters and digits (with or without the dash) that can be a tracking code. */
function codesIn(text: string): string[] {
  const found = text.toUpperCase().match(/\b[A-Z0-9]{4}-?[A-Z0-9]{4}\b/g) ?? [];
  return found.map(normaliseTrackingCode).filter((c): c is string => c !== null);
}

/**
 * A reporter's answer to a responder, by SMS, Telegram or WhatsApp: it lands on the report as the reporter's message,
 * exactly once per provider message id (recorded in the same transaction), and is acknowledged (`queue`: the chat
 * channels queue the acknowledgement in that transaction too). Null: a replay, nothing to say.
 */
export async function takeReporterReply(
  ctx: Ctx,
  report: RepliedReport,
  input: { channel: "sms" | "telegram" | "whatsapp"; messageKey: string; text: string },
  now = new Date(),
  queue?: (tx: Db, reply: Reply) => Promise<number>,
): Promise<(Reply & { outboxId?: number }) | null> {
  const bodyEnc = ctx.services.cipher.encrypt(input.text.trim());
  const text = await loadChannelTexts(ctx.db);
  const reply = { text: text("replyTaken", report.language ?? "en", { code: report.code }), final: true };
  const fresh = await withTransaction(ctx.db, async (tx) => {
    if (!(await repo.recordMessage(tx, input.channel, input.messageKey))) return null;
    await reportsRepo.insertMessage(tx, { reportId: report.id, at: now, from: "reporter", bodyEnc });
    await reportsRepo.insertEvents(tx, [
      { reportId: report.id, at: now, type: "message", actorType: "reporter", actorId: null, visibleToReporter: true },
    ]);
    await reportsRepo.updateReport(tx, report.id, {}, now);
    const action = "report.reporter_message";
    await reportsRepo.notifyReportChange(tx, report.id, report.status, action);
    await audit(ctx, tx, { action, entity: "report", entityId: report.id, details: { channel: input.channel } });
    return { outboxId: queue ? await queue(tx, reply) : undefined };
  });
  if (!fresh) return null;
  return { ...reply, ...fresh };
}
