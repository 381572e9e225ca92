import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/database.js";
import { type ReporterEvent, reporterNotice } from "../notifications/reporter-notifications.js";
import type { Ctx } from "../platform/context.js";
import * as reportsRepo from "../reports/reports.repo.js";
import { reports } from "../reports/reports.schema.js";
import { reportChats } from "./channel-providers.schema.js";
import { channelSettings } from "./channel-settings.js";
import { type OutboundCall, queueMessenger } from "./messenger-outbound.js";
import { pickRepliedReport, type RepliedReport } from "./sms-notify.js";

/** Meta's customer-service window: free-form WhatsApp messages only this long after the person's last message. */
export const WHATSAPP_WINDOW_MS = 24 * 3_600_000;

export type ChatChannel = "telegram" | "whatsapp";

/** The keyed hash a chat is known by (the conversation's session key is the same hash). */
export const chatHash = (ctx: Ctx, channel: ChatChannel, chatId: string) =>
  ctx.services.cipher.hash(`${channel}-chat`, chatId);

/**
 * Remembers the chat a report came from, once the report is stored and only when the reporter agreed to be contacted:
 * replies go back there and what the person writes there later lands on the report. Idempotent (a replayed final turn).
 */
export async function linkReportChat(
  ctx: Ctx,
  input: { channel: ChatChannel; chatId: string; phoneNumberId: string | null; clientId: string; now: Date },
): Promise<void> {
  const [report] = await ctx.db
    .select({ id: reports.id, consent: reports.consentContactMe })
    .from(reports)
    .where(eq(reports.clientId, input.clientId));
  if (!report?.consent) return;
  await ctx.db
    .insert(reportChats)
    .values({
      reportId: report.id,
      channel: input.channel,
      chatHash: chatHash(ctx, input.channel, input.chatId),
      chatEnc: ctx.services.cipher.encrypt(input.chatId),
      phoneNumberId: input.phoneNumberId,
      lastInboundAt: input.now,
    })
    .onConflictDoNothing();
}

/** The person wrote in this chat: WhatsApp's 24-hour window opens again for every report linked to it. */
export async function touchChat(ctx: Ctx, channel: ChatChannel, hash: string, now: Date): Promise<void> {
  await ctx.db
    .update(reportChats)
    .set({ lastInboundAt: now })
    .where(and(eq(reportChats.channel, channel), eq(reportChats.chatHash, hash)));
}

/** The open report a message in this chat answers (see `pickRepliedReport`), if the chat has any. */
export async function findChatReport(ctx: Ctx, channel: ChatChannel, hash: string, text: string) {
  const linked = ctx.db
    .select({ id: reportChats.reportId })
    .from(reportChats)
    .where(and(eq(reportChats.channel, channel), eq(reportChats.chatHash, hash)));
  return pickRepliedReport(ctx, inArray(reports.id, linked), text) as Promise<RepliedReport | null>;
}

/**
 * Queues, in the caller's transaction, the notice about a report that came by Telegram or WhatsApp and whose reporter
 * agreed to be contacted, in that chat. WhatsApp outside the 24-hour window takes only a pre-approved template: the
 * one configured in Set-up (`replyTemplate`, its `{{1}}` the tracking code), else nothing goes by WhatsApp. Answers
 * whether a notice was queued (otherwise the caller may try SMS).
 */
export async function queueChatNotice(
  ctx: Ctx,
  tx: Db,
  reportId: string,
  event: ReporterEvent,
  includeContent: boolean,
  now = new Date(),
): Promise<boolean> {
  const [row] = await tx
    .select({
      channel: reportChats.channel,
      chatEnc: reportChats.chatEnc,
      phoneNumberId: reportChats.phoneNumberId,
      lastInboundAt: reportChats.lastInboundAt,
      language: reports.language,
      erasedAt: reports.erasedAt,
      ...reportsRepo.storedCodeColumns,
    })
    .from(reportChats)
    .innerJoin(reports, eq(reports.id, reportChats.reportId))
    .where(eq(reportChats.reportId, reportId));
  if (!row || row.erasedAt) return false;
  const settings = (await channelSettings(ctx, tx))[row.channel];
  if (!settings.enabled) return false;
  const { cipher } = ctx.services;
  const code = reportsRepo.revealTrackingCode(cipher, row);
  if (!code) return false;
  const to = cipher.decrypt(row.chatEnc);
  const { body } = await reporterNotice(tx, event, {
    code,
    channel: "chat",
    language: row.language,
    includeContent,
    publicUrl: ctx.services.config.publicUrl,
  });
  let call: OutboundCall | null;
  if (row.channel === "telegram") {
    call = { path: "sendMessage", body: { chat_id: to, text: body } };
  } else {
    if (!row.phoneNumberId) return false;
    const open = now.getTime() - row.lastInboundAt.getTime() < WHATSAPP_WINDOW_MS;
    const w = (await channelSettings(ctx, tx)).whatsapp;
    call = open
      ? whatsAppText(row.phoneNumberId, to, body)
      : w.replyTemplate
        ? whatsAppTemplate(
            row.phoneNumberId,
            to,
            w.replyTemplate,
            w.replyTemplateLanguage ?? row.language ?? "en",
            code,
          )
        : null;
  }
  if (!call) return false;
  await queueMessenger(ctx, tx, row.channel, to, call, reportId);
  return true;
}

function whatsAppText(phoneNumberId: string, to: string, body: string): OutboundCall {
  return {
    path: `${phoneNumberId}/messages`,
    body: { messaging_product: "whatsapp", recipient_type: "individual", to, type: "text", text: { body } },
  };
}

/**
 * A template message (the only kind Meta delivers outside the 24-hour window): the approved template `name` in
 * `language`, its one body variable the report's tracking code. Its approved words say that there is a reply and how
 * to read it; nothing else can go in it.
 */
export function whatsAppTemplate(
  phoneNumberId: string,
  to: string,
  name: string,
  language: string,
  code: string,
): OutboundCall {
  return {
    path: `${phoneNumberId}/messages`,
    body: {
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to,
      type: "template",
      template: {
        name,
        language: { code: language },
        components: [{ type: "body", parameters: [{ type: "text", text: code }] }],
      },
    },
  };
}
