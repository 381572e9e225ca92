import crypto from "node:crypto";
import {
  channelAckSchema,
  telegramUpdateSchema,
  whatsAppVerifyQuerySchema,
  whatsAppWebhookBodySchema,
} from "@openclm/contracts";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../platform/app-error.js";
import { ctxOf } from "../platform/request-context.js";
import { errors } from "../platform/responses.js";
import { channelSettings } from "./channel-settings.js";
import { takeChatTurn } from "./chat-turn.js";
import {
  answerCallbackQuery,
  deliverDueMessenger,
  queueMessenger,
  telegramMessage,
  whatsAppMessage,
} from "./messenger-outbound.js";

const tags = ["channels"];
/** Telegram updates and WhatsApp notifications are small; a batch of WhatsApp events stays well below this. */
const JSON_LIMIT = 256 * 1024;

/** Constant-time comparison of a secret given by the caller with the configured one. */
function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = crypto.createHash("sha256").update(given).digest();
  const b = crypto.createHash("sha256").update(expected).digest();
  return crypto.timingSafeEqual(a, b) && given.length === expected.length;
}

declare module "fastify" {
  interface FastifyRequest {
    /** The body's bytes as received (this plugin only): the WhatsApp signature is computed over them. */
    rawBody?: Buffer;
  }
}

/**
 * Telegram and WhatsApp webhooks (PRODUCT.md 7, issue 14 item 4): the same conversation as USSD and SMS, with buttons.
 * Telegram proves itself with the `secret_token` given to setWebhook (`X-Telegram-Bot-Api-Secret-Token`); Meta signs
 * every WhatsApp POST with the app secret (`X-Hub-Signature-256`, HMAC-SHA256 of the raw body). Both are checked
 * before the body is validated or used; a refused request stores nothing.
 */
export const messengerRoutes: FastifyPluginAsyncZod = async (app) => {
  // JSON kept as bytes as well, in this plugin only: the signature covers the bytes, not a re-serialisation.
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "buffer", bodyLimit: JSON_LIMIT }, (req, body, done) => {
    req.rawBody = body as Buffer;
    try {
      done(null, JSON.parse((body as Buffer).toString("utf8")));
    } catch {
      // Left to validation (400), after the signature check (401) has had its say.
      done(null, null);
    }
  });

  app.post(
    "/channels/telegram/webhook",
    {
      config: { auth: "public" },
      preValidation: async (req: FastifyRequest) => {
        const telegram = (await channelSettings(ctxOf(req))).telegram;
        if (!telegram.enabled || !telegram.webhookSecret || !telegram.botToken) {
          throw new AppError("SERVICE_UNAVAILABLE", "Telegram is not configured on this server");
        }
        const given = req.headers["x-telegram-bot-api-secret-token"];
        if (!sameSecret(typeof given === "string" ? given : undefined, telegram.webhookSecret)) {
          throw new AppError("UNAUTHENTICATED", "Missing or wrong X-Telegram-Bot-Api-Secret-Token");
        }
      },
      schema: {
        operationId: "receiveTelegramUpdate",
        tags,
        summary:
          "Telegram Bot API webhook (X-Telegram-Bot-Api-Secret-Token): a step of the guided report, answered with sendMessage and inline buttons",
        body: telegramUpdateSchema,
        response: { 200: channelAckSchema, ...errors(400, 401, 409, 415, 503) },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const update = req.body;
      const press = update.callback_query;
      const chat = press ? press.message?.chat : update.message?.chat;
      const text = press ? press.data : update.message?.text;
      if (press) await answerCallbackQuery(ctx, press.id);
      // Private chats only (a group would share one conversation among its members); other updates are acknowledged.
      if (chat?.type !== "private" || text === undefined) return { received: false };
      const chatId = String(chat.id);
      const turn = await takeChatTurn(
        ctx,
        { channel: "telegram", messageId: `update:${update.update_id}`, chatId, text, phone: null },
        (tx, reply) => queueMessenger(ctx, tx, "telegram", chatId, telegramMessage(chatId, reply)),
      );
      if (!turn) return { received: false };
      // Sent now, after the turn committed; a failure stays queued for the retry job.
      await deliverDueMessenger(ctx, new Date(), [turn.outboxId]);
      return { received: true };
    },
  );

  app.get(
    "/channels/whatsapp/webhook",
    {
      config: { auth: "public" },
      schema: {
        operationId: "verifyWhatsAppWebhook",
        tags,
        summary: "Meta's webhook verification: answers hub.challenge when hub.verify_token is WHATSAPP_VERIFY_TOKEN",
        querystring: whatsAppVerifyQuerySchema,
        response: { 200: z.any().meta({ description: "text/plain: hub.challenge" }), ...errors(403, 503) },
      },
    },
    async (req, reply) => {
      const whatsapp = (await channelSettings(ctxOf(req))).whatsapp;
      const q = req.query;
      if (!whatsapp.enabled || !whatsapp.verifyToken) {
        throw new AppError("SERVICE_UNAVAILABLE", "WhatsApp is not configured on this server");
      }
      if (
        q["hub.mode"] !== "subscribe" ||
        !sameSecret(q["hub.verify_token"], whatsapp.verifyToken) ||
        !q["hub.challenge"]
      ) {
        throw new AppError("FORBIDDEN", "Verification refused");
      }
      return reply.type("text/plain; charset=utf-8").send(q["hub.challenge"]);
    },
  );

  app.post(
    "/channels/whatsapp/webhook",
    {
      config: { auth: "public" },
      preValidation: async (req: FastifyRequest) => {
        const whatsapp = (await channelSettings(ctxOf(req))).whatsapp;
        if (!whatsapp.enabled || !whatsapp.appSecret) {
          throw new AppError("SERVICE_UNAVAILABLE", "WhatsApp is not configured on this server");
        }
        const given = req.headers["x-hub-signature-256"];
        const expected = `sha256=${crypto
          .createHmac("sha256", whatsapp.appSecret)
          .update(req.rawBody ?? Buffer.alloc(0))
          .digest("hex")}`;
        if (!sameSecret(typeof given === "string" ? given.toLowerCase() : undefined, expected)) {
          throw new AppError("UNAUTHENTICATED", "Missing or wrong X-Hub-Signature-256");
        }
      },
      schema: {
        operationId: "receiveWhatsAppMessage",
        tags,
        summary:
          "WhatsApp Cloud API webhook (X-Hub-Signature-256): messages are steps of the guided report, answered with buttons or lists; statuses are acknowledged",
        body: whatsAppWebhookBodySchema,
        response: { 200: channelAckSchema, ...errors(400, 401, 409, 415, 503) },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const queued: number[] = [];
      for (const change of req.body.entry.flatMap((e) => e.changes)) {
        const phoneNumberId = change.value.metadata?.phone_number_id;
        // Statuses (sent, delivered, read, failed) of our own messages need nothing: acknowledged.
        if (change.field !== "messages" || !phoneNumberId) continue;
        for (const message of change.value.messages ?? []) {
          const interactive = message.interactive?.button_reply ?? message.interactive?.list_reply;
          const text = interactive?.id ?? message.text?.body ?? "";
          const turn = await takeChatTurn(
            ctx,
            {
              channel: "whatsapp",
              messageId: message.id,
              chatId: message.from,
              text,
              phone: `+${message.from}`,
              phoneNumberId,
            },
            (tx, reply) =>
              queueMessenger(ctx, tx, "whatsapp", message.from, whatsAppMessage(phoneNumberId, message.from, reply)),
          );
          if (turn) queued.push(turn.outboxId);
        }
      }
      if (queued.length > 0) await deliverDueMessenger(ctx, new Date(), queued);
      return { received: queued.length > 0 };
    },
  );
};
