import type { SmsUsage } from "@openclm/contracts";
import type { Ctx } from "../platform/context.js";
import * as repo from "./channel-sessions.repo.js";
import type { SmsProvider } from "./channels.schema.js";
import { smsMonth } from "./sms-outbound.js";
import { smsSetting } from "./sms-setting.js";

/**
 * A provider's delivery report: the outbox row it sent under `providerMessageId` becomes `sent`, `delivered` or
 * `failed` (a final status is not overwritten by a late "on the way"). False when no message of ours matches (a report
 * for a message already forgotten after 7 days, or one sent by another system on the account). Logged without numbers.
 */
export async function recordDelivery(
  ctx: Ctx,
  provider: SmsProvider,
  providerMessageId: string,
  status: "sent" | "delivered" | "failed",
  detail: string | undefined,
  now = new Date(),
): Promise<boolean> {
  const found = await repo.recordDeliveryStatus(ctx.db, provider, providerMessageId, status, detail ?? null, now);
  if (found && status === "failed") ctx.log.warn({ provider, detail }, "SMS not delivered");
  return found;
}

/**
 * A Twilio answer given as TwiML (Twilio sends it as an SMS of ours): counted in the month's SMS, never held (it
 * answers a message the person just sent, inside the request).
 */
export async function countTwimlAnswer(ctx: Ctx, now = new Date()): Promise<void> {
  await repo.reserveSend(ctx.db, smsMonth(now), null);
}

/** This month's SMS against the limit, and the outbox (the last 7 days) by status, for the settings page. */
export async function smsUsage(ctx: Ctx, now = new Date()): Promise<SmsUsage> {
  const month = smsMonth(now);
  const [{ monthlyLimit }, usage] = await Promise.all([smsSetting(ctx.db), repo.usageOf(ctx.db, month)]);
  const n = (s: keyof SmsUsage["outbox"]) => usage.byStatus[s] ?? 0;
  return {
    month,
    sent: usage.sent,
    monthlyLimit,
    heldSince: usage.heldSince ? usage.heldSince.toISOString() : null,
    outbox: { queued: n("queued"), held: n("held"), sent: n("sent"), delivered: n("delivered"), failed: n("failed") },
  };
}
