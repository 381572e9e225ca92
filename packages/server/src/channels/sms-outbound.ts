import { z } from "zod";
import type { Ctx } from "../platform/context.js";
import { defineJob } from "../platform/job-runner.js";
import * as repo from "./channel-sessions.repo.js";
import { channelSettings } from "./channel-settings.js";

/** How long a send to the provider may take before it counts as failed (and is tried again later). */
const SEND_TIMEOUT_MS = 10_000;

/**
 * Queues an SMS through Africa's Talking: number and text are stored encrypted (the last text of a report carries
 * its tracking code), then sent at once; what fails is retried by `smsOutboxJob` with back-off.
 */
export async function queueSms(ctx: Ctx, to: string, body: string): Promise<number> {
  const { cipher } = ctx.services;
  return repo.queueOutbound(ctx.db, {
    provider: "africastalking",
    toEnc: cipher.encrypt(to),
    bodyEnc: cipher.encrypt(body),
  });
}

/** Sends what is due (or only `ids`), one at a time; never inside a transaction (network I/O). */
export async function deliverDueSms(
  ctx: Ctx,
  now = new Date(),
  ids?: number[],
): Promise<{ sent: number; failed: number }> {
  const at = (await channelSettings(ctx)).africastalking;
  const due = await repo.dueOutbound(ctx.db, now, ids);
  let sent = 0;
  let failed = 0;
  for (const row of due) {
    if (!at.username || !at.apiKey) {
      await repo.markFailed(ctx.db, row.id, row.attempts, "Africa's Talking is not configured", now);
      failed++;
      continue;
    }
    try {
      const id = await sendThroughAfricasTalking(
        { baseUrl: at.baseUrl, username: at.username, apiKey: at.apiKey, from: at.from },
        ctx.services.cipher.decrypt(row.toEnc),
        ctx.services.cipher.decrypt(row.bodyEnc),
      );
      await repo.markSent(ctx.db, row.id, id);
      sent++;
    } catch (err) {
      // The provider's answer, never the number or the text.
      await repo.markFailed(ctx.db, row.id, row.attempts, (err as Error).message, now);
      ctx.log.warn({ outboxId: row.id, error: (err as Error).message }, "SMS not sent; will retry");
      failed++;
    }
  }
  return { sent, failed };
}

/**
 * `POST {AT_BASE_URL}/version1/messaging`, form-encoded `username, to, message[, from]`, header `apiKey`; success is
 * 201 with the recipient's status "Success" (reference integrations.md §2.3). Answers the provider's message id.
 */
async function sendThroughAfricasTalking(
  account: { baseUrl: string; username: string; apiKey: string; from?: string },
  to: string,
  message: string,
): Promise<string | null> {
  const form = new URLSearchParams({ username: account.username, to, message });
  if (account.from) form.set("from", account.from);
  const res = await fetch(`${account.baseUrl}/version1/messaging`, {
    method: "POST",
    headers: {
      apiKey: account.apiKey,
      Accept: "application/json",
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body: form.toString(),
    signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
  });
  const text = await res.text();
  if (res.status !== 201 && res.status !== 200) throw new Error(`Africa's Talking answered HTTP ${res.status}`);
  const recipient = atRecipient(text);
  if (recipient?.status !== "Success") {
    throw new Error(`Africa's Talking did not accept the message: ${recipient?.status ?? "no recipient"}`);
  }
  return recipient.messageId ?? null;
}

const atAnswerSchema = z.object({
  SMSMessageData: z.object({
    Recipients: z.array(z.object({ status: z.string(), messageId: z.string().optional() })),
  }),
});

function atRecipient(text: string) {
  try {
    return atAnswerSchema.parse(JSON.parse(text)).SMSMessageData.Recipients[0];
  } catch {
    return undefined;
  }
}

/** Retries what could not be sent, every minute, with the back-off each row records. */
export const smsOutboxJob = defineJob({
  id: "channels.sms-outbox",
  payload: z.object({}),
  cron: "* * * * *",
  async handler(ctx) {
    await deliverDueSms(ctx);
  },
});

/**
 * Forgets expired conversations; after 7 days the outbound SMS (sent, or given up after the last retry); after 30
 * days the provider message ids kept against replays (providers retry for a day at most).
 */
export async function cleanupChannels(ctx: Ctx, now = new Date()): Promise<void> {
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
  await repo.deleteExpired(ctx.db, now, { messages: daysAgo(30), outbox: daysAgo(7) });
}

export const channelCleanupJob = defineJob({
  id: "channels.cleanup",
  payload: z.object({}),
  cron: "17 * * * *",
  async handler(ctx) {
    await cleanupChannels(ctx);
  },
});
