import { queueChatNotice } from "../channels/chat-notify.js";
import { deliverDueMessenger } from "../channels/messenger-outbound.js";
import { queueReporterNotice } from "../channels/sms-notify.js";
import { deliverDueSms } from "../channels/sms-outbound.js";
import type { Db } from "../db/database.js";
import type { Ctx } from "../platform/context.js";
import { notificationsSetting } from "./notifications-setting.js";
import { type NotifiedReport, type ReporterEvent, reporterShouldHear } from "./reporter-notifications.js";
import { queueReporterPush } from "./web-push.service.js";

/**
 * Tells the reporter of `report` about `event` on every way they asked to hear (in the caller's transaction, so a
 * notice exists exactly when the change does): the browsers that follow it by push; and for a reply (a responder's
 * message, or the platform's own on acceptance, decline, resolution), the Telegram or WhatsApp chat the report came
 * from — or else an SMS, when they agreed to be contacted on a number. A status change alone goes by push only
 * (free), not by SMS (paid). One setting decides for all whether the words go too. Sent after the commit by
 * `sendReporterNotifications`.
 */
export async function notifyReporter(
  ctx: Ctx,
  tx: Db,
  report: NotifiedReport & { id: string },
  event: ReporterEvent,
  now = new Date(),
): Promise<void> {
  if (!reporterShouldHear(report, event)) return;
  const { includeContent } = await notificationsSetting(tx);
  await queueReporterPush(ctx, tx, report, event, includeContent);
  if (event.kind !== "reply") return;
  if (await queueChatNotice(ctx, tx, report.id, event, includeContent, now)) return;
  await queueReporterNotice(ctx, tx, report.id, event, includeContent);
}

/** Sends the SMS and chat notices just queued for a report, after the commit; a failure is left to the retry jobs. */
export async function sendReporterNotifications(ctx: Ctx, reportId: string): Promise<void> {
  try {
    await deliverDueSms(ctx, new Date(), undefined, reportId);
    await deliverDueMessenger(ctx, new Date(), undefined, reportId);
  } catch (err) {
    ctx.log.warn({ error: (err as Error).message }, "notice not sent now; the outbox jobs will retry");
  }
}
