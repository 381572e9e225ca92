import { and, desc, eq, isNull, ne, sql } from "drizzle-orm";
import { audit } from "../audit/audit.service.js";
import { type Db, withTransaction } from "../db/database.js";
import type { Ctx } from "../platform/context.js";
import { getSetting } from "../platform/platform.repo.js";
import { phoneKey } from "../reports/phone.js";
import * as reportsRepo from "../reports/reports.repo.js";
import { reportMessages, reports } from "../reports/reports.schema.js";
import { normaliseTrackingCode, trackingCodeHash } from "../reports/tracking-code.js";
import * as repo from "./channel-sessions.repo.js";
import type { SmsProvider } from "./channels.schema.js";
import { channelText } from "./conversation-texts.js";
import type { Reply } from "./converse.js";
import { deliverDueSms, noticeProvider, queueSms } from "./sms-outbound.js";
import { smsSetting } from "./sms-setting.js";

/** A notice's words are cut here when the setting lets them go out (a long message costs several SMS). */
const CONTENT_LIMIT = 300;

/**
 * The SMS a reporter gets when a responder writes to them (`reply`) or their report moves in a way they are told
 * about (`update`: validated, declined, resolved). By default it says only that there is something about report
 * XXXX-XXXX and how to read it: never the illness, never the words (phones are shared); the `sms.includeContent`
 * setting lets the words go. In the report's language.
 */
export function reporterNoticeText(
  kind: "reply" | "update",
  opts: { code: string; language: string; content: string; includeContent: boolean; publicUrl?: string },
): string {
  if (opts.includeContent && opts.content.trim()) {
    const words = opts.content.trim().replace(/\s+/g, " ");
    const content = words.length > CONTENT_LIMIT ? `${words.slice(0, CONTENT_LIMIT - 1)}…` : words;
    return channelText("noticeContent", opts.language, { code: opts.code, content });
  }
  const how = opts.publicUrl
    ? channelText("noticeHowUrl", opts.language, { url: `${opts.publicUrl}/track` })
    : channelText("noticeHow", opts.language);
  return channelText(kind === "reply" ? "noticeReply" : "noticeUpdate", opts.language, { code: opts.code, how });
}

/**
 * Queues, in the caller's transaction, the SMS telling the reporter of `reportId` that there is a reply or an update,
 * when they agreed to be contacted and left (or wrote from) a number, and an SMS provider is configured. Nothing for an
 * erased report. Sent after the commit by `sendReporterNotices` (and retried by the outbox job).
 */
export async function queueReporterNotice(
  ctx: Ctx,
  tx: Db,
  reportId: string,
  kind: "reply" | "update",
  content: string,
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
  const { includeContent } = await smsSetting(tx);
  const text = reporterNoticeText(kind, {
    code,
    language: report.language ?? "en",
    content,
    includeContent,
    publicUrl: ctx.services.config.publicUrl,
  });
  await queueSms(ctx, cipher.decrypt(report.phoneEnc), text, { provider, purpose: "notice", reportId, db: tx });
}

/** Sends the notices just queued for a report, after the staff action's commit; a failure is left to the retry job. */
export async function sendReporterNotices(ctx: Ctx, reportId: string): Promise<void> {
  try {
    await deliverDueSms(ctx, new Date(), undefined, reportId);
  } catch (err) {
    ctx.log.warn({ error: (err as Error).message }, "SMS notice not sent now; the outbox job will retry");
  }
}

/**
 * The report an SMS from `from` answers, if any: among the open reports (not closed, not erased, not merged) whose
 * reporter agreed to be contacted on that number, the one whose tracking code the text holds; else the one a
 * responder wrote to last (the reply most likely answers it); else the newest. Null: the number has no such report.
 */
export async function findRepliedReport(
  ctx: Ctx,
  from: string,
  text: string,
): Promise<{ id: string; status: string; language: string | null; code: string } | null> {
  const { cipher } = ctx.services;
  const country = (await getSetting<{ code?: string }>(ctx.db, "country"))?.code || null;
  const phoneHash = cipher.hash("phone", phoneKey(from, country));
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
    .where(
      and(
        eq(reports.phoneHash, phoneHash),
        eq(reports.consentContactMe, true),
        isNull(reports.erasedAt),
        isNull(reports.mergedIntoId),
        ne(reports.status, "closed"),
      ),
    )
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
 * A reporter's SMS answer to a responder: it lands on the report as the reporter's message, exactly once per provider
 * message id (recorded in the same transaction), and is acknowledged. Null: a replay, nothing to say.
 */
export async function takeReporterReply(
  ctx: Ctx,
  report: { id: string; status: string; language: string | null; code: string },
  input: { provider: SmsProvider; messageKey: string; text: string },
  now = new Date(),
): Promise<Reply | null> {
  const bodyEnc = ctx.services.cipher.encrypt(input.text.trim());
  const fresh = await withTransaction(ctx.db, async (tx) => {
    if (!(await repo.recordMessage(tx, "sms", input.messageKey))) return false;
    await reportsRepo.insertMessage(tx, { reportId: report.id, at: now, from: "reporter", bodyEnc });
    await reportsRepo.insertEvents(tx, [
      { reportId: report.id, at: now, type: "message", actorType: "reporter", actorId: null, visibleToReporter: true },
    ]);
    await reportsRepo.updateReport(tx, report.id, {}, now);
    const action = "report.reporter_message";
    await reportsRepo.notifyReportChange(tx, report.id, report.status, action);
    await audit(ctx, tx, { action, entity: "report", entityId: report.id, details: { channel: "sms" } });
    return true;
  });
  if (!fresh) return null;
  return { text: channelText("replyTaken", report.language ?? "en", { code: report.code }), final: true };
}
