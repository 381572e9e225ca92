import crypto from "node:crypto";
import { type Db, withTransaction } from "../db/database.js";
import { AppError } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import * as repo from "./channel-sessions.repo.js";
import { type ChatChannel, chatHash, findChatReport, linkReportChat, touchChat } from "./chat-notify.js";
import { advance, type ConversationState, choicesOf, startConversation } from "./conversation.js";
import { type ConversationWorld, loadConversationWorld } from "./conversation-world.js";
import { completeTurn, SESSION_LIFETIME_MS } from "./converse.js";
import { takeReporterReply } from "./sms-notify.js";

const TURN_ATTEMPTS = 4;
const RESTART = new Set(["/start", "start", "report", "signaler", "relatar", "сообщить"]);

/** What a chat channel shows next: the text, and the choices it can offer as buttons. */
export interface ChatReply {
  text: string;
  final: boolean;
  /** The question's options (answered by their number), unless the conversation ended or wants typed text. */
  choices: string[];
  canGoBack: boolean;
  language: string;
  /** The words of the Back button and of WhatsApp's list button, in the conversation's language (not final replies). */
  backLabel?: string;
  chooseLabel?: string;
}

/**
 * One message (or button press) of a Telegram or WhatsApp conversation. The provider's message or update id is
 * recorded in the same transaction as the turn and as the answer queued for sending (`queue`), so a replay changes
 * nothing, sends nothing, and answers null. The first message of a conversation (whatever it says), or `/start`,
 * begins one; the chat id or number is never stored: the session key is its keyed hash.
 */
export async function takeChatTurn(
  ctx: Ctx,
  input: {
    channel: "telegram" | "whatsapp";
    messageId: string;
    chatId: string;
    text: string;
    /** WhatsApp: the sender's number (kept with the report only if they agree to be contacted). */
    phone: string | null;
    /** WhatsApp: the business number the message came to, which answers later notices. */
    phoneNumberId?: string | null;
  },
  queue: (tx: Db, reply: ChatReply) => Promise<number>,
  now = new Date(),
): Promise<{ reply: ChatReply; outboxId: number } | null> {
  const { cipher } = ctx.services;
  const sessionKey = chatHash(ctx, input.channel, input.chatId);
  const messageKey = cipher.hash(`${input.channel}-message`, input.messageId);
  const typed = input.text.trim();
  await touchChat(ctx, input.channel, sessionKey, now);
  for (let attempt = 1; ; attempt++) {
    const world = await loadConversationWorld(ctx.db);
    const row = await repo.findSession(ctx.db, input.channel, sessionKey);
    const active = row && row.expiresAt > now && row.state.step !== "submit";
    const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS[input.channel]);
    const restart = !active || RESTART.has(typed.toLowerCase());
    if (!active && typed && !RESTART.has(typed.toLowerCase())) {
      // Outside a guided report, a message in a chat that has an open report answers it (like an SMS reply).
      const replied = await takeChatReply(ctx, input.channel, { sessionKey, messageKey, typed }, queue, now);
      if (replied !== "none") return replied;
    }
    let state: ConversationState;
    let clientId: string;
    if (restart) {
      state = startConversation(world);
      clientId = crypto.randomUUID();
    } else {
      state = advance(row.state, typed, world);
      clientId = row.clientId;
    }
    const done = await completeTurn(ctx, input.channel, state, world, { clientId, phone: input.phone, now });
    if (state.step === "submit" && state.contactMe) {
      // The reporter agreed to hear back here: replies come to this chat (chat-notify.ts).
      const { channel, chatId } = input;
      await linkReportChat(ctx, { channel, chatId, phoneNumberId: input.phoneNumberId ?? null, clientId, now });
    }
    const reply = chatReply(state, world, done, restart);
    const outcome = await withTransaction(ctx.db, async (tx) => {
      if (!(await repo.recordMessage(tx, input.channel, messageKey))) return null;
      const saved = !row
        ? (
            await repo.createSession(tx, {
              channel: input.channel,
              sessionKey,
              clientId,
              state,
              phoneEnc: null,
              expiresAt,
            })
          ).clientId === clientId
        : restart
          ? await repo.restartSession(tx, row, { clientId, state, phoneEnc: null, expiresAt })
          : await repo.saveTurn(tx, row, { state, inputs: row.inputs + 1, expiresAt });
      if (!saved) throw new RetryTurn();
      return queue(tx, reply);
    }).catch((err: unknown) => {
      if (err instanceof RetryTurn) return "retry" as const;
      throw err;
    });
    if (outcome === null) return null;
    if (outcome !== "retry") return { reply, outboxId: outcome };
    if (attempt >= TURN_ATTEMPTS) throw new AppError("CONFLICT", "The conversation changed meanwhile; try again");
  }
}

class RetryTurn extends Error {}

/**
 * The person's message as an answer to the open report this chat is linked to, exactly once, acknowledged in the
 * chat. "none": the chat has no open report (the message starts a guided report instead); null: a replay.
 */
async function takeChatReply(
  ctx: Ctx,
  channel: ChatChannel,
  input: { sessionKey: string; messageKey: string; typed: string },
  queue: (tx: Db, reply: ChatReply) => Promise<number>,
  now: Date,
): Promise<{ reply: ChatReply; outboxId: number } | null | "none"> {
  const report = await findChatReport(ctx, channel, input.sessionKey, input.typed);
  if (!report) return "none";
  const language = report.language ?? "en";
  const asChat = (r: { text: string }): ChatReply => ({
    text: r.text,
    final: true,
    choices: [],
    canGoBack: false,
    language,
  });
  const taken = await takeReporterReply(
    ctx,
    report,
    { channel, messageKey: input.messageKey, text: input.typed },
    now,
    (tx, r) => queue(tx, asChat(r)),
  );
  if (!taken || taken.outboxId === undefined) return null;
  return { reply: asChat(taken), outboxId: taken.outboxId };
}

function chatReply(
  state: ConversationState,
  world: ConversationWorld,
  done: { text: string; final: boolean },
  first: boolean,
): ChatReply {
  const language = state.language ?? world.defaultLanguage;
  if (done.final) return { text: done.text, final: true, choices: [], canGoBack: false, language };
  const q = choicesOf(state, world);
  const intro = first ? `${world.text("chatStart", language)}\n\n` : "";
  // A chat has no number to send SMS to: it asks whether responders may write back in this chat.
  const title = state.step === "contactMe" ? world.text("contactMeChat", language) : q.title;
  return {
    text: `${intro}${title}`,
    final: false,
    choices: q.labels,
    canGoBack: q.canGoBack,
    language,
    backLabel: world.text("back", language),
    chooseLabel: world.text("choose", language),
  };
}
