import { and, eq, isNull, lt, lte, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../db/database.js";
import type { Ctx } from "../platform/context.js";
import { defineJob } from "../platform/job-runner.js";
import { messengerOutbox } from "./channel-providers.schema.js";
import { type ChannelSettings, channelSettings } from "./channel-settings.js";
import type { ChatReply } from "./chat-turn.js";
import { BACK } from "./conversation.js";

const SEND_TIMEOUT_MS = 10_000;
export const MAX_MESSENGER_ATTEMPTS = 8;
/** Telegram allows 100 buttons to a keyboard; longer lists are numbered text (the person types the number). */
const TELEGRAM_MAX_BUTTONS = 60;

/** What goes out: the provider's API method and its JSON body (chat id or number included, hence encrypted). */
export interface OutboundCall {
  path: string;
  body: Record<string, unknown>;
}

function numbered(reply: ChatReply): string {
  const lines = reply.choices.map((label, i) => `${i + 1} ${label}`);
  if (reply.canGoBack) lines.push(`${BACK} ${reply.backLabel ?? ""}`);
  return [reply.text, ...lines].join("\n");
}

/** Telegram `sendMessage`: the question with an inline keyboard, one button a row (callback_data = the number). */
export function telegramMessage(chatId: string, reply: ChatReply): OutboundCall {
  const back = reply.canGoBack ? [[{ text: reply.backLabel ?? "", callback_data: BACK }]] : [];
  if (reply.final) return { path: "sendMessage", body: { chat_id: chatId, text: reply.text } };
  if (reply.choices.length > TELEGRAM_MAX_BUTTONS) {
    return { path: "sendMessage", body: { chat_id: chatId, text: numbered(reply) } };
  }
  const rows = reply.choices.map((label, i) => [{ text: label, callback_data: String(i + 1) }]);
  const keyboard = [...rows, ...back];
  return {
    path: "sendMessage",
    body: {
      chat_id: chatId,
      text: reply.text,
      ...(keyboard.length > 0 ? { reply_markup: { inline_keyboard: keyboard } } : {}),
    },
  };
}

/**
 * WhatsApp `messages`: reply buttons when the options (with Back) are at most 3 of ≤ 20 characters, a list message
 * when at most 10 of ≤ 24, numbered text otherwise (the person types the number).
 */
export function whatsAppMessage(phoneNumberId: string, to: string, reply: ChatReply): OutboundCall {
  const path = `${phoneNumberId}/messages`;
  const base = { messaging_product: "whatsapp", recipient_type: "individual", to };
  const text = (body: string) => ({ path, body: { ...base, type: "text", text: { body: body.slice(0, 4096) } } });
  if (reply.final || (reply.choices.length === 0 && !reply.canGoBack)) return text(reply.text);
  const options = reply.choices.map((title, i) => ({ id: String(i + 1), title }));
  if (reply.canGoBack) options.push({ id: BACK, title: reply.backLabel ?? "" });
  const body = reply.text.slice(0, 1024) || "…";
  if (reply.choices.length === 0 || options.length > 10 || options.some((o) => o.title.length > 24)) {
    return text(numbered(reply));
  }
  if (options.length <= 3 && options.every((o) => o.title.length <= 20)) {
    return {
      path,
      body: {
        ...base,
        type: "interactive",
        interactive: {
          type: "button",
          body: { text: body },
          action: { buttons: options.map((o) => ({ type: "reply", reply: o })) },
        },
      },
    };
  }
  return {
    path,
    body: {
      ...base,
      type: "interactive",
      interactive: {
        type: "list",
        body: { text: body },
        action: {
          button: (reply.chooseLabel ?? "").slice(0, 20),
          sections: [{ title: (reply.chooseLabel ?? "").slice(0, 24), rows: options }],
        },
      },
    },
  };
}

/** Queues a call (inside the turn's transaction): recipient and body encrypted. */
export async function queueMessenger(
  ctx: Ctx,
  tx: Db,
  provider: "telegram" | "whatsapp",
  to: string,
  call: OutboundCall,
  reportId: string | null = null,
): Promise<number> {
  const { cipher } = ctx.services;
  const [row] = await tx
    .insert(messengerOutbox)
    .values({ provider, reportId, toEnc: cipher.encrypt(to), bodyEnc: cipher.encrypt(JSON.stringify(call)) })
    .returning({ id: messengerOutbox.id });
  if (!row) throw new Error("outbound message not queued");
  return row.id;
}

/** Sends what is due (or only `ids`, just queued, or one report's new notices), one at a time, outside any transaction. */
export async function deliverDueMessenger(
  ctx: Ctx,
  now = new Date(),
  ids?: number[],
  reportId?: string,
): Promise<{ sent: number; failed: number }> {
  const due = await ctx.db
    .select()
    .from(messengerOutbox)
    .where(
      and(
        isNull(messengerOutbox.sentAt),
        ids || reportId ? undefined : lte(messengerOutbox.nextAttemptAt, now),
        reportId ? and(eq(messengerOutbox.reportId, reportId), eq(messengerOutbox.attempts, 0)) : undefined,
        lt(messengerOutbox.attempts, MAX_MESSENGER_ATTEMPTS),
        ids ? sql`${messengerOutbox.id} = ANY(${`{${ids.join(",")}}`}::bigint[])` : undefined,
      ),
    )
    .orderBy(messengerOutbox.id)
    .limit(50);
  if (due.length === 0) return { sent: 0, failed: 0 };
  const settings = await channelSettings(ctx);
  let sent = 0;
  let failed = 0;
  for (const row of due) {
    try {
      const call = JSON.parse(ctx.services.cipher.decrypt(row.bodyEnc)) as OutboundCall;
      const id = await callProvider(settings, row.provider, call);
      await ctx.db
        .update(messengerOutbox)
        .set({ sentAt: new Date(), providerMessageId: id, attempts: row.attempts + 1, lastError: null })
        .where(eq(messengerOutbox.id, row.id));
      sent++;
    } catch (err) {
      // The provider's answer (a status), never the recipient or the text.
      const error = (err as Error).message.slice(0, 200);
      await ctx.db
        .update(messengerOutbox)
        .set({
          attempts: row.attempts + 1,
          lastError: error,
          nextAttemptAt: new Date(now.getTime() + 60_000 * 2 ** row.attempts),
        })
        .where(eq(messengerOutbox.id, row.id));
      ctx.log.warn({ outboxId: row.id, provider: row.provider, error }, "chat message not sent; will retry");
      failed++;
    }
  }
  return { sent, failed };
}

async function callProvider(
  settings: ChannelSettings,
  provider: "telegram" | "whatsapp",
  call: OutboundCall,
): Promise<string | null> {
  if (provider === "telegram") {
    const t = settings.telegram;
    if (!t.botToken) throw new Error("Telegram is not configured");
    const res = await postJson(`${t.baseUrl}/bot${t.botToken}/${call.path}`, call.body, {});
    const answer = res.json as { ok?: boolean; result?: { message_id?: number } } | null;
    if (res.status !== 200 || answer?.ok !== true) throw new Error(`Telegram answered HTTP ${res.status}`);
    return answer.result?.message_id !== undefined ? String(answer.result.message_id) : null;
  }
  const w = settings.whatsapp;
  if (!w.token) throw new Error("WhatsApp is not configured");
  const res = await postJson(`${w.baseUrl}/${call.path}`, call.body, { Authorization: `Bearer ${w.token}` });
  const answer = res.json as { messages?: { id?: string }[] } | null;
  if (res.status !== 200) throw new Error(`WhatsApp answered HTTP ${res.status}`);
  return answer?.messages?.[0]?.id ?? null;
}

async function postJson(url: string, body: unknown, headers: Record<string, string>) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json", ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, json };
}

/**
 * Telegram wants every button press acknowledged (`answerCallbackQuery`), or the button keeps spinning. Done at once
 * and not retried: the answer is the next message, sent through the outbox.
 */
export async function answerCallbackQuery(ctx: Ctx, callbackQueryId: string): Promise<void> {
  const t = (await channelSettings(ctx)).telegram;
  if (!t.botToken) return;
  try {
    await postJson(`${t.baseUrl}/bot${t.botToken}/answerCallbackQuery`, { callback_query_id: callbackQueryId }, {});
  } catch (err) {
    ctx.log.warn({ error: (err as Error).message }, "answerCallbackQuery failed");
  }
}

/** Retries what could not be sent, every minute, with the back-off each row records; forgets sent rows after 7 days. */
export const messengerOutboxJob = defineJob({
  id: "channels.messenger-outbox",
  payload: z.object({}),
  cron: "* * * * *",
  async handler(ctx) {
    await deliverDueMessenger(ctx);
    await ctx.db.delete(messengerOutbox).where(lt(messengerOutbox.createdAt, new Date(Date.now() - 7 * 86_400_000)));
  },
});
