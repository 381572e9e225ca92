import crypto from "node:crypto";
import {
  channelProviderParamSchema,
  channelProviderStateSchema,
  channelSettingsSchema,
  simulateChannelBodySchema,
  simulateChannelResultSchema,
  telegramWebhookStatusSchema,
  updateChannelProviderBodySchema,
} from "@openclm/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { AppError } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import { ctxOf } from "../platform/request-context.js";
import { errors } from "../platform/responses.js";
import { getChannelSettings, updateChannelProvider } from "./channel-settings.js";
import { takeSmsTurn, takeUssdTurn } from "./converse.js";
import { registerTelegramWebhook, telegramWebhookInfo } from "./telegram-webhook.js";

const tags = ["channels"];

/**
 * Set-up of the channel providers (system administrator: credentials) and the channel simulator (system and country
 * administrators: training and checking a configuration), issue 14 item 6.
 */
export const channelSetupRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/channels/providers",
    {
      config: { permission: "integrations:manage" },
      schema: {
        operationId: "getChannelSettings",
        tags,
        summary: "Channel providers: on or off, plain settings, and for credentials only whether they are set",
        response: { 200: channelSettingsSchema, ...errors(401, 403) },
      },
    },
    async (req) => getChannelSettings(ctxOf(req)),
  );
  app.put(
    "/channels/providers/:provider",
    {
      config: { permission: "integrations:manage" },
      schema: {
        operationId: "updateChannelProvider",
        tags,
        summary: "Switch a channel provider on or off, replace or clear its settings (credentials encrypted); audited",
        params: channelProviderParamSchema,
        body: updateChannelProviderBodySchema,
        response: { 200: channelProviderStateSchema, ...errors(400, 401, 403) },
      },
    },
    async (req) => updateChannelProvider(ctxOf(req), req.params.provider, req.body),
  );
  app.get(
    "/channels/telegram/webhook-info",
    {
      config: { permission: "integrations:manage" },
      schema: {
        operationId: "getTelegramWebhookInfo",
        tags,
        summary: "Telegram's getWebhookInfo: the registered address, pending updates, the last delivery error",
        response: { 200: telegramWebhookStatusSchema, ...errors(401, 403, 503) },
      },
    },
    async (req) => telegramWebhookInfo(ctxOf(req)),
  );
  app.post(
    "/channels/telegram/webhook-registration",
    {
      config: { permission: "integrations:manage" },
      schema: {
        operationId: "registerTelegramWebhook",
        tags,
        summary: "Calls Telegram's setWebhook with PUBLIC_URL's webhook address and the secret token; audited",
        response: { 200: telegramWebhookStatusSchema, ...errors(401, 403, 503) },
      },
    },
    async (req) => registerTelegramWebhook(ctxOf(req)),
  );
  app.post(
    "/channels/simulator",
    {
      config: { permission: "setup:manage" },
      schema: {
        operationId: "simulateChannel",
        tags,
        summary:
          "One turn of a simulated USSD or SMS conversation through the real conversation code: no report is stored, nothing is sent",
        body: simulateChannelBodySchema,
        response: { 200: simulateChannelResultSchema, ...errors(400, 401, 403, 409) },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const { channel, sessionId, text } = req.body;
      const session = simulatedSession(ctx, sessionId);
      if (channel === "ussd") {
        const reply = await takeUssdTurn(
          ctx,
          { sessionId: session.id, serviceCode: "*simulator#", phoneNumber: session.phone, text },
          new Date(),
          { simulated: true },
        );
        return { text: reply.text, final: reply.final, simulated: true as const };
      }
      const reply = await takeSmsTurn(
        ctx,
        { provider: "africastalking", messageId: crypto.randomUUID(), from: session.phone, text },
        new Date(),
        { simulated: true },
      );
      return { text: reply?.text ?? "", final: reply?.final ?? false, simulated: true as const };
    },
  );
};

/**
 * A simulated conversation belongs to the person running it: its session id and pretend number are derived from
 * their account and the page's session id, so two trainers never share one, and it never meets a real conversation
 * (simulated turns hash their keys under purposes of their own, converse.ts).
 */
function simulatedSession(ctx: Ctx, sessionId: string): { id: string; phone: string } {
  if (ctx.actor.type !== "staff") throw new AppError("UNAUTHENTICATED", "Sign in first");
  const digest = crypto.createHash("sha256").update(`${ctx.actor.userId}\u0000${sessionId}`).digest("hex");
  return {
    id: `sim-${digest.slice(0, 32)}`,
    phone: `+999${BigInt(`0x${digest.slice(0, 10)}`)
      .toString()
      .slice(0, 11)}`,
  };
}
