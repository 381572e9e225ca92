import { z } from "zod";
import { audit } from "../audit/audit.service.js";
import { type Db, withTransaction } from "../db/database.js";
import type { Ctx } from "../platform/context.js";
import { defineJob } from "../platform/job-runner.js";
import * as repo from "./channel-sessions.repo.js";
import { type ChannelSettings, channelSettings } from "./channel-settings.js";
import type { SmsProvider } from "./channels.schema.js";
import { SMS_SETTING, smsSetting } from "./sms-setting.js";

/** How long a send to the provider may take before it counts as failed (and is tried again later). */
const SEND_TIMEOUT_MS = 10_000;
/** A message being sent is left alone by other senders this long (well past the send's timeout). */
const LEASE_MS = 5 * 60_000;
/** How far the clocks of this process and of the database may differ when a message just queued is taken. */
const CLAIM_SKEW_MS = 60_000;

/** The calendar month (UTC) an SMS counts against. */
export function smsMonth(now: Date): string {
  return now.toISOString().slice(0, 7);
}

/**
 * Which provider sends what the platform writes first (a notification): Africa's Talking when it is switched on and
 * its account is set, else Twilio when it is on and its account and sender are; null when neither (nothing is
 * queued). Read through `channelSettings` (Set-up's values with the environment laid over them).
 */
export async function noticeProvider(ctx: Ctx, db: Db = ctx.db): Promise<SmsProvider | null> {
  const { africastalking: at, twilio } = await channelSettings(ctx, db);
  if (at.enabled && at.username && at.apiKey) return "africastalking";
  if (twilio.enabled && twilio.accountSid && twilio.authToken && twilio.from) return "twilio";
  return null;
}

/**
 * Queues an SMS: number and text are stored encrypted (the last text of a report carries its tracking code). The
 * caller sends it after its transaction commits (`deliverDueSms`); what fails is retried by `smsOutboxJob`.
 */
export async function queueSms(
  ctx: Ctx,
  to: string,
  body: string,
  opts: { provider?: SmsProvider; purpose?: "answer" | "notice"; reportId?: string | null; db?: Db } = {},
): Promise<number> {
  const { cipher } = ctx.services;
  return repo.queueOutbound(opts.db ?? ctx.db, {
    provider: opts.provider ?? "africastalking",
    toEnc: cipher.encrypt(to),
    bodyEnc: cipher.encrypt(body),
    purpose: opts.purpose ?? "answer",
    reportId: opts.reportId ?? null,
  });
}

/**
 * Sends what is due (or only `ids`, or only one report's new notices), one at a time; never inside a transaction
 * (network I/O). Each message is first taken (so no other process sends it too), then counted against the monthly
 * limit: past it, the message is held, not sent, and the first hold of the month is audited.
 */
export async function deliverDueSms(
  ctx: Ctx,
  now = new Date(),
  ids?: number[],
  reportId?: string,
): Promise<{ sent: number; failed: number; held: number }> {
  const { cipher } = ctx.services;
  const due = await repo.dueOutbound(ctx.db, now, ids, reportId);
  const result = { sent: 0, failed: 0, held: 0 };
  if (due.length === 0) return result;
  const { monthlyLimit } = await smsSetting(ctx.db);
  const month = smsMonth(now);
  const settings = await channelSettings(ctx);
  for (const row of due) {
    const claimBefore = new Date((ids || reportId ? Date.now() : now.getTime()) + CLAIM_SKEW_MS);
    if (!(await repo.claimOutbound(ctx.db, row.id, claimBefore, new Date(claimBefore.getTime() + LEASE_MS)))) continue;
    const account = providerAccount(settings, ctx.services.config.publicUrl, row.provider);
    if (!account) {
      await repo.markFailed(ctx.db, row.id, row.attempts, `${row.provider} is not configured`, now);
      result.failed++;
      continue;
    }
    if (!(await repo.reserveSend(ctx.db, month, monthlyLimit))) {
      await holdForLimit(ctx, row.id, month, monthlyLimit, now);
      result.held++;
      continue;
    }
    try {
      const id = await account.send(cipher.decrypt(row.toEnc), cipher.decrypt(row.bodyEnc));
      await repo.markSent(ctx.db, row.id, id);
      result.sent++;
    } catch (err) {
      await repo.releaseSend(ctx.db, month);
      // The provider's answer, never the number or the text.
      await repo.markFailed(ctx.db, row.id, row.attempts, (err as Error).message, now);
      ctx.log.warn({ outboxId: row.id, error: (err as Error).message }, "SMS not sent; will retry");
      result.failed++;
    }
  }
  return result;
}

/** Holds a message for the monthly limit; the first hold of the month is audited (by the system), and logged. */
async function holdForLimit(ctx: Ctx, id: number, month: string, limit: number | null, now: Date): Promise<void> {
  await withTransaction(ctx.db, async (tx) => {
    await repo.markHeld(tx, id, now);
    if (!(await repo.startHolding(tx, month, now))) return;
    const system: Ctx = { ...ctx, actor: { type: "system", process: smsOutboxJob.id } };
    await audit(system, tx, {
      action: "channels.sms_limit_reached",
      entity: "setting",
      entityId: SMS_SETTING,
      details: { month, monthlyLimit: limit },
    });
  });
  ctx.log.warn({ month, monthlyLimit: limit }, "monthly SMS limit reached: outbound SMS are held");
}

interface Account {
  send(to: string, message: string): Promise<string | null>;
}

/** The provider's account as `channelSettings` gives it; null when it is switched off or lacks what sending needs. */
function providerAccount(
  settings: ChannelSettings,
  publicUrl: string | undefined,
  provider: SmsProvider,
): Account | null {
  if (provider === "africastalking") {
    const at = settings.africastalking;
    if (!at.enabled || !at.username || !at.apiKey) return null;
    const account = { baseUrl: at.baseUrl, username: at.username, apiKey: at.apiKey, from: at.from };
    return { send: (to, message) => sendThroughAfricasTalking(account, to, message) };
  }
  const tw = settings.twilio;
  if (!tw.enabled || !tw.accountSid || !tw.authToken || !tw.from) return null;
  const account = {
    baseUrl: tw.baseUrl,
    accountSid: tw.accountSid,
    authToken: tw.authToken,
    from: tw.from,
    statusCallback: publicUrl ? `${publicUrl}${TWILIO_STATUS_PATH}` : undefined,
  };
  return { send: (to, message) => sendThroughTwilio(account, to, message) };
}

/** Where Twilio posts delivery reports (channels.routes.ts `receiveTwilioSmsStatus`). */
export const TWILIO_STATUS_PATH = "/api/channels/twilio/status";

/**
 * `POST {TWILIO_BASE_URL}/2010-04-01/Accounts/{sid}/Messages.json`, form-encoded `To, From, Body[, StatusCallback]`,
 * HTTP basic auth with the account SID and auth token; success is 201 with the message's `sid`.
 */
async function sendThroughTwilio(
  account: { baseUrl: string; accountSid: string; authToken: string; from: string; statusCallback?: string },
  to: string,
  message: string,
): Promise<string | null> {
  const form = new URLSearchParams({ To: to, From: account.from, Body: message });
  if (account.statusCallback) form.set("StatusCallback", account.statusCallback);
  const res = await fetch(
    `${account.baseUrl}/2010-04-01/Accounts/${encodeURIComponent(account.accountSid)}/Messages.json`,
    {
      method: "POST",
      headers: {
        Authorization: `Basic ${Buffer.from(`${account.accountSid}:${account.authToken}`).toString("base64")}`,
        Accept: "application/json",
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: form.toString(),
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    },
  );
  const text = await res.text();
  if (res.status !== 201 && res.status !== 200) throw new Error(`Twilio answered HTTP ${res.status}`);
  const parsed = twilioAnswerSchema.safeParse(safeJson(text));
  if (!parsed.success) throw new Error("Twilio answered without a message sid");
  if (parsed.data.status === "failed") throw new Error("Twilio did not accept the message");
  return parsed.data.sid;
}

const twilioAnswerSchema = z.object({ sid: z.string().min(1), status: z.string().optional() });

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
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
