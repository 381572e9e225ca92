import crypto from "node:crypto";
import {
  africasTalkingDeliveryBodySchema,
  africasTalkingSmsBodySchema,
  africasTalkingUssdBodySchema,
  channelAckSchema,
  channelWebhookQuerySchema,
  smsUsageSchema,
  twilioSmsBodySchema,
  twilioStatusBodySchema,
} from "@openclm/contracts";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../platform/app-error.js";
import { ctxOf } from "../platform/request-context.js";
import { errors } from "../platform/responses.js";
import { channelSettings } from "./channel-settings.js";
import { takeSmsTurn, takeUssdTurn } from "./converse.js";
import { deliverDueSms, queueSms } from "./sms-outbound.js";
import { countTwimlAnswer, recordDelivery, smsUsage } from "./sms-receipts.js";
import { validTwilioSignature } from "./twilio-signature.js";

const tags = ["channels"];
/** Provider callbacks are a handful of short fields. */
const FORM_LIMIT = 16 * 1024;
const FORM = "application/x-www-form-urlencoded";

/**
 * Provider webhooks (PRODUCT.md 7): public routes, each authenticated the way its provider allows. Twilio signs every
 * request (`X-Twilio-Signature`); Africa's Talking signs nothing, so its callback URLs carry a secret token when
 * `AT_WEBHOOK_TOKEN` is set (integrations.md §2.3: "secret path token + IP allow-list + idempotency on id"; the
 * allow-list belongs to the reverse proxy, docs/channels.md).
 */
export const channelsRoutes: FastifyPluginAsyncZod = async (app) => {
  // Form bodies, as the providers send them; only in this plugin, so no other route starts accepting forms.
  app.addContentTypeParser(FORM, { parseAs: "string", bodyLimit: FORM_LIMIT }, (_req, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );
  const checkAtToken = async (req: FastifyRequest) => {
    const at = (await channelSettings(ctxOf(req))).africastalking;
    if (!at.enabled) throw new AppError("SERVICE_UNAVAILABLE", "Africa's Talking is switched off on this server");
    const atToken = at.webhookToken;
    if (!atToken) return;
    const given = Buffer.from(String((req.query as { token?: unknown }).token ?? ""));
    const expected = Buffer.from(atToken);
    if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
      throw new AppError("UNAUTHENTICATED", "Missing or wrong webhook token");
    }
  };

  app.post(
    "/channels/africastalking/ussd",
    {
      config: { auth: "public" },
      preValidation: checkAtToken,
      schema: {
        operationId: "receiveAfricasTalkingUssd",
        tags,
        consumes: [FORM],
        summary:
          "Africa's Talking USSD callback: the next screen as text/plain `CON …` (continue) or `END …` (the last, with the tracking code)",
        querystring: channelWebhookQuerySchema,
        body: africasTalkingUssdBodySchema,
        response: { 200: z.any().meta({ description: "text/plain" }), ...errors(400, 401, 409, 415, 503) },
      },
    },
    async (req, reply) => {
      const { text, final } = await takeUssdTurn(ctxOf(req), req.body);
      return reply.type("text/plain; charset=utf-8").send(`${final ? "END" : "CON"} ${text}`);
    },
  );

  app.post(
    "/channels/africastalking/sms",
    {
      config: { auth: "public" },
      preValidation: checkAtToken,
      schema: {
        operationId: "receiveAfricasTalkingSms",
        tags,
        consumes: [FORM],
        summary: "Africa's Talking inbound SMS: a step of the guided report; the answer goes out through the send API",
        querystring: channelWebhookQuerySchema,
        body: africasTalkingSmsBodySchema,
        response: { 200: channelAckSchema, ...errors(400, 401, 409, 415, 503) },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const reply = await takeSmsTurn(ctx, {
        provider: "africastalking",
        messageId: req.body.id,
        from: req.body.from,
        text: req.body.text,
      });
      if (!reply) return { received: false };
      const id = await queueSms(ctx, req.body.from, reply.text);
      // Sent now, after the turn committed; a failure stays queued for the retry job.
      await deliverDueSms(ctx, new Date(), [id]);
      return { received: true };
    },
  );

  const checkTwilioSignature = async (req: FastifyRequest) => {
    const twilio = (await channelSettings(ctxOf(req))).twilio;
    const token = twilio.enabled ? twilio.authToken : undefined;
    if (!token) throw new AppError("SERVICE_UNAVAILABLE", "Twilio is not configured on this server");
    const url = `${req.protocol}://${req.host}${req.url}`;
    const params = Object.fromEntries(
      Object.entries((req.body ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v)]),
    );
    const signature = req.headers["x-twilio-signature"];
    if (!validTwilioSignature(token, url, params, typeof signature === "string" ? signature : undefined)) {
      throw new AppError("UNAUTHENTICATED", "Missing or wrong X-Twilio-Signature");
    }
  };

  app.post(
    "/channels/twilio/sms",
    {
      config: { auth: "public" },
      preValidation: checkTwilioSignature,
      schema: {
        operationId: "receiveTwilioSms",
        tags,
        consumes: [FORM],
        summary: "Twilio inbound SMS (signed): a step of the guided report, answered with TwiML",
        body: twilioSmsBodySchema,
        response: { 200: z.any().meta({ description: "text/xml (TwiML)" }), ...errors(400, 401, 409, 415, 503) },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const answer = await takeSmsTurn(ctx, {
        provider: "twilio",
        messageId: req.body.MessageSid,
        from: req.body.From,
        text: req.body.Body,
      });
      if (answer) await countTwimlAnswer(ctx);
      const message = answer ? `<Message>${escapeXml(answer.text)}</Message>` : "";
      return reply
        .type("text/xml; charset=utf-8")
        .send(`<?xml version="1.0" encoding="UTF-8"?><Response>${message}</Response>`);
    },
  );

  app.post(
    "/channels/africastalking/delivery",
    {
      config: { auth: "public" },
      preValidation: checkAtToken,
      schema: {
        operationId: "receiveAfricasTalkingDeliveryReport",
        tags,
        consumes: [FORM],
        summary:
          "Africa's Talking delivery report of an SMS we sent: its outbox status becomes sent, delivered or failed",
        querystring: channelWebhookQuerySchema,
        body: africasTalkingDeliveryBodySchema,
        response: { 200: channelAckSchema, ...errors(400, 401, 415, 503) },
      },
    },
    async (req) => {
      const status = AT_STATUS[req.body.status] ?? "sent";
      const received = await recordDelivery(ctxOf(req), "africastalking", req.body.id, status, req.body.failureReason);
      return { received };
    },
  );

  app.post(
    "/channels/twilio/status",
    {
      config: { auth: "public" },
      preValidation: checkTwilioSignature,
      schema: {
        operationId: "receiveTwilioSmsStatus",
        tags,
        consumes: [FORM],
        summary:
          "Twilio status callback (signed) of an SMS we sent: its outbox status becomes sent, delivered or failed",
        body: twilioStatusBodySchema,
        response: { 200: channelAckSchema, ...errors(400, 401, 415, 503) },
      },
    },
    async (req) => {
      const status = TWILIO_STATUS[req.body.MessageStatus] ?? "sent";
      const detail = req.body.ErrorCode ? `Twilio error ${req.body.ErrorCode}` : req.body.MessageStatus;
      const received = await recordDelivery(ctxOf(req), "twilio", req.body.MessageSid, status, detail);
      return { received };
    },
  );

  app.get(
    "/channels/sms/usage",
    {
      config: { permission: "security:manage" },
      schema: {
        operationId: "getSmsUsage",
        tags,
        summary: "This month's outbound SMS against the monthly limit, and the outbox by status (held, failed …)",
        response: { 200: smsUsageSchema, ...errors(401, 403) },
      },
    },
    async (req) => smsUsage(ctxOf(req)),
  );
};

/** Africa's Talking delivery statuses (integrations.md §2.3): Success, Rejected and Failed are final. */
const AT_STATUS: Record<string, "sent" | "delivered" | "failed"> = {
  Success: "delivered",
  Rejected: "failed",
  Failed: "failed",
};

/** Twilio message statuses: delivered; undelivered and failed are final; the rest are on the way. */
const TWILIO_STATUS: Record<string, "sent" | "delivered" | "failed"> = {
  delivered: "delivered",
  read: "delivered",
  undelivered: "failed",
  failed: "failed",
  canceled: "failed",
};

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
