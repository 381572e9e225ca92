import type { FollowReportByPushInput, UnfollowReportByPushInput } from "@openclm/contracts";
import { and, eq, isNull, lt, lte, sql } from "drizzle-orm";
import webpush from "web-push";
import { z } from "zod";
import type { Db } from "../db/database.js";
import { AppError } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import { defineJob } from "../platform/job-runner.js";
import { reports } from "../reports/reports.schema.js";
import { findTracked } from "../reports/track-report.js";
import { pushOutbox, pushSubscriptions, webPushKeys } from "./notifications.schema.js";
import {
  type NotifiedReport,
  type ReporterEvent,
  reporterNotice,
  reporterShouldHear,
} from "./reporter-notifications.js";

export const MAX_PUSH_ATTEMPTS = 6;
const SEND_TIMEOUT_MS = 10_000;
/** A browser that follows a report this long without news forgets nothing, but the push service may: a day's TTL. */
const TTL_SECONDS = 86_400;
/** One browser follows at most this many reports; one report is followed by at most this many browsers. */
const MAX_FOLLOWERS = 10;
/** The VAPID contact push services may write to about abuse; the platform publishes no address of its own. */
const subject = "mailto:no-reply@openclm.invalid";

/** The keys never change once made: read once per process (and database, for tests that run several). */
const keysByDb = new WeakMap<object, { publicKey: string; privateKey: string }>();

/**
 * The installation's VAPID keys: generated on first use and kept (private key encrypted). Two processes racing both
 * generate; the unique name lets one insert win and both read it.
 */
export async function vapidKeys(ctx: Ctx): Promise<{ publicKey: string; privateKey: string }> {
  const known = keysByDb.get(ctx.db);
  if (known) return known;
  const read = async () => (await ctx.db.select().from(webPushKeys).where(eq(webPushKeys.name, "vapid")))[0];
  let row = await read();
  if (!row) {
    const made = webpush.generateVAPIDKeys();
    await ctx.db
      .insert(webPushKeys)
      .values({ name: "vapid", publicKey: made.publicKey, privateKeyEnc: ctx.services.cipher.encrypt(made.privateKey) })
      .onConflictDoNothing();
    row = await read();
  }
  if (!row) throw new Error("VAPID keys not stored");
  const keys = { publicKey: row.publicKey, privateKey: ctx.services.cipher.decrypt(row.privateKeyEnc) };
  keysByDb.set(ctx.db, keys);
  return keys;
}

/**
 * A push endpoint the server will POST to: https only (a browser vendor's push service). Tests run a fake push
 * service on the loopback address, allowed under NODE_ENV=test only: anywhere else that would let whoever holds a
 * tracking code make the server call its own network.
 */
function acceptableEndpoint(ctx: Ctx, endpoint: string): boolean {
  if (endpoint.startsWith("https://")) return true;
  return ctx.services.config.nodeEnv === "test" && /^http:\/\/127\.0\.0\.1[:/]/.test(endpoint);
}

const endpointHash = (ctx: Ctx, endpoint: string) => ctx.services.cipher.hash("push_endpoint", endpoint);

/** "Tell me when someone answers": this browser follows the report whose code it holds. Idempotent. */
export async function followReportByPush(ctx: Ctx, input: FollowReportByPushInput): Promise<void> {
  const report = await findTracked(ctx, input.trackingCode);
  if (!acceptableEndpoint(ctx, input.subscription.endpoint)) {
    throw new AppError("VALIDATION_FAILED", "A push subscription's endpoint is an https address");
  }
  const hash = endpointHash(ctx, input.subscription.endpoint);
  const { cipher } = ctx.services;
  await ctx.db.transaction(async (tx) => {
    await tx
      .delete(pushSubscriptions)
      .where(and(eq(pushSubscriptions.reportId, report.id), eq(pushSubscriptions.endpointHash, hash)));
    const [count] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.reportId, report.id));
    if ((count?.n ?? 0) >= MAX_FOLLOWERS) {
      // The oldest follower makes room: a report is followed from a few devices, never from many.
      await tx.execute(
        sql`DELETE FROM push_subscriptions WHERE id = (SELECT id FROM push_subscriptions WHERE report_id = ${report.id} ORDER BY created_at LIMIT 1)`,
      );
    }
    await tx.insert(pushSubscriptions).values({
      reportId: report.id,
      endpointHash: hash,
      endpointEnc: cipher.encrypt(input.subscription.endpoint),
      keysEnc: cipher.encrypt(JSON.stringify(input.subscription.keys)),
      language: input.language ?? null,
    });
  });
}

/** The person turns it off: this browser no longer follows the report. */
export async function unfollowReportByPush(ctx: Ctx, input: UnfollowReportByPushInput) {
  const report = await findTracked(ctx, input.trackingCode);
  await ctx.db
    .delete(pushSubscriptions)
    .where(
      and(
        eq(pushSubscriptions.reportId, report.id),
        eq(pushSubscriptions.endpointHash, endpointHash(ctx, input.endpoint)),
      ),
    );
}

/**
 * Queues a notification to the report's followers (inside the caller's transaction), when the reporter should hear of
 * the event. Content is kept only when the setting says notifications include it.
 */
export async function queueReporterPush(
  ctx: Ctx,
  tx: Db,
  report: NotifiedReport & { id: string },
  event: ReporterEvent,
  includeContent: boolean,
): Promise<void> {
  if (!reporterShouldHear(report, event)) return;
  const followers = await tx
    .select({ id: pushSubscriptions.id })
    .from(pushSubscriptions)
    .where(eq(pushSubscriptions.reportId, report.id));
  if (followers.length === 0) return;
  const contentEnc = includeContent && event.kind === "reply" ? ctx.services.cipher.encrypt(event.body) : null;
  // The platform's own messages (accepted, declined, resolved) are told as news, a responder's as a reply.
  const kind: "reply" | "update" = event.kind === "reply" && event.from === "responder" ? "reply" : "update";
  await tx
    .insert(pushOutbox)
    .values(followers.map((f) => ({ reportId: report.id, subscriptionId: f.id, event: kind, contentEnc })));
}

/** Sends what is due to every follower, outside any transaction; an endpoint that is gone (404/410) is removed. */
export async function deliverDuePush(
  ctx: Ctx,
  now = new Date(),
): Promise<{ sent: number; failed: number; removed: number }> {
  const due = await ctx.db
    .select()
    .from(pushOutbox)
    .where(
      and(isNull(pushOutbox.sentAt), lte(pushOutbox.nextAttemptAt, now), lt(pushOutbox.attempts, MAX_PUSH_ATTEMPTS)),
    )
    .orderBy(pushOutbox.id)
    .limit(100);
  const result = { sent: 0, failed: 0, removed: 0 };
  if (due.length === 0) return result;
  const keys = await vapidKeys(ctx);
  const { cipher } = ctx.services;
  for (const item of due) {
    const [report] = await ctx.db
      .select({ trackingCodeEnc: reports.trackingCodeEnc, erasedAt: reports.erasedAt })
      .from(reports)
      .where(eq(reports.id, item.reportId));
    const [f] = await ctx.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.id, item.subscriptionId));
    if (!f || !report || report.erasedAt || !report.trackingCodeEnc) {
      await ctx.db.delete(pushOutbox).where(eq(pushOutbox.id, item.id));
      continue;
    }
    const content = item.contentEnc ? cipher.decrypt(item.contentEnc) : "";
    const event: ReporterEvent =
      item.event === "reply"
        ? { kind: "reply", from: "responder", body: content }
        : content
          ? { kind: "reply", from: "system", body: content }
          : { kind: "update", toStatus: "" };
    const text = await reporterNotice(ctx.db, event, {
      code: cipher.decrypt(report.trackingCodeEnc),
      channel: "push",
      language: f.language,
      includeContent: item.contentEnc !== null,
    });
    // The service worker opens My reports: the tracking code is in no URL (it is kept on the device only).
    const payload = JSON.stringify({ title: text.title, body: text.body, url: "/app/my-reports" });
    try {
      // web-push signs and encrypts (RFC 8292, RFC 8291); the request itself goes out with fetch, like every
      // other outbound call here (and so also to the test's push service on the loopback address).
      const request = webpush.generateRequestDetails(
        { endpoint: cipher.decrypt(f.endpointEnc), keys: JSON.parse(cipher.decrypt(f.keysEnc)) },
        payload,
        {
          vapidDetails: { subject, publicKey: keys.publicKey, privateKey: keys.privateKey },
          TTL: TTL_SECONDS,
          contentEncoding: "aes128gcm",
        },
      );
      const res = await fetch(request.endpoint, {
        method: request.method,
        headers: request.headers as Record<string, string>,
        body: request.body ? new Uint8Array(request.body) : null,
        redirect: "error",
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      });
      if (res.status === 404 || res.status === 410) {
        // The browser unsubscribed or the push service forgot it: the follower goes (and its queued rows with it).
        await ctx.db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, f.id));
        result.removed++;
        continue;
      }
      if (!res.ok) throw new Error(`push service answered ${res.status}`);
      await ctx.db.update(pushOutbox).set({ sentAt: now, contentEnc: null }).where(eq(pushOutbox.id, item.id));
      result.sent++;
    } catch (e) {
      result.failed++;
      const attempts = item.attempts + 1;
      await ctx.db
        .update(pushOutbox)
        .set({
          attempts,
          lastError: (e as Error).message.slice(0, 200),
          nextAttemptAt: new Date(now.getTime() + 60_000 * 2 ** attempts),
        })
        .where(eq(pushOutbox.id, item.id));
    }
  }
  return result;
}

export const pushOutboxJob = defineJob({
  id: "notifications.push-outbox",
  payload: z.object({}),
  cron: "* * * * *",
  async handler(ctx) {
    await deliverDuePush(ctx);
    await ctx.db.delete(pushOutbox).where(lt(pushOutbox.createdAt, new Date(Date.now() - 7 * 86_400_000)));
  },
});
