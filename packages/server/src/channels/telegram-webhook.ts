import type { TelegramWebhookStatus } from "@openclm/contracts";
import { z } from "zod";
import { auditAlone } from "../audit/audit.service.js";
import { AppError } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import { channelSettings } from "./channel-settings.js";

/** Where Telegram posts updates (messenger.routes.ts `receiveTelegramUpdate`). */
export const TELEGRAM_WEBHOOK_PATH = "/api/channels/telegram/webhook";
const TIMEOUT_MS = 10_000;

const answerSchema = z.object({
  ok: z.boolean(),
  description: z.string().optional(),
  result: z.unknown().optional(),
});
const infoSchema = z.object({
  url: z.string(),
  pending_update_count: z.number().int(),
  last_error_date: z.number().int().optional(),
  last_error_message: z.string().optional(),
});

async function botCall(ctx: Ctx, method: string, body: Record<string, unknown>) {
  const t = (await channelSettings(ctx)).telegram;
  if (!t.botToken) throw new AppError("SERVICE_UNAVAILABLE", "Enter the Telegram bot token first");
  let res: Response;
  try {
    res = await fetch(`${t.baseUrl}/bot${t.botToken}/${method}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (err) {
    // The address and the error, never the token (it is in the URL).
    throw new AppError("SERVICE_UNAVAILABLE", `Telegram could not be reached: ${(err as Error).name}`);
  }
  const parsed = answerSchema.safeParse(await res.json().catch(() => null));
  if (!parsed.success) throw new AppError("SERVICE_UNAVAILABLE", `Telegram answered HTTP ${res.status}`);
  return parsed.data;
}

function expectedUrl(ctx: Ctx): string | null {
  const base = ctx.services.config.publicUrl;
  return base ? `${base}${TELEGRAM_WEBHOOK_PATH}` : null;
}

/** `getTelegramWebhookInfo`: what Telegram knows of the webhook (address, pending updates, last error). */
export async function telegramWebhookInfo(ctx: Ctx): Promise<TelegramWebhookStatus> {
  const answer = await botCall(ctx, "getWebhookInfo", {});
  const info = infoSchema.safeParse(answer.result);
  return {
    ok: answer.ok && info.success,
    expectedUrl: expectedUrl(ctx),
    description: answer.description ?? null,
    info: info.success
      ? {
          url: info.data.url,
          pendingUpdateCount: info.data.pending_update_count,
          lastErrorDate: info.data.last_error_date ? new Date(info.data.last_error_date * 1000).toISOString() : null,
          lastErrorMessage: info.data.last_error_message ?? null,
        }
      : null,
  };
}

/**
 * `registerTelegramWebhook`: calls setWebhook with `PUBLIC_URL` + the webhook path and the webhook secret (which
 * Telegram then sends in `X-Telegram-Bot-Api-Secret-Token`), for messages and button presses; answers what Telegram
 * said and its getWebhookInfo. Audited (the address, never the token or the secret).
 */
export async function registerTelegramWebhook(ctx: Ctx): Promise<TelegramWebhookStatus> {
  const url = expectedUrl(ctx);
  if (!url)
    throw new AppError("SERVICE_UNAVAILABLE", "Set PUBLIC_URL on the server first: it is the webhook's address");
  const t = (await channelSettings(ctx)).telegram;
  if (!t.webhookSecret) throw new AppError("SERVICE_UNAVAILABLE", "Enter the webhook secret token first");
  const answer = await botCall(ctx, "setWebhook", {
    url,
    secret_token: t.webhookSecret,
    allowed_updates: ["message", "callback_query"],
  });
  await auditAlone(ctx, {
    action: "channels.telegram_webhook",
    entity: "channel_providers",
    details: { url, ok: answer.ok },
  });
  const status = await telegramWebhookInfo(ctx);
  return { ...status, ok: answer.ok && status.ok, description: answer.description ?? status.description };
}
