import { and, eq, inArray, isNull, lt, lte, sql } from "drizzle-orm";
import type { Db } from "../db/database.js";
import {
  channelMessages,
  channelOutbox,
  channelSessions,
  channelSmsUsage,
  type OutboxStatus,
  type SmsProvider,
} from "./channels.schema.js";
import type { ConversationState } from "./conversation.js";
import type { ConversationChannel } from "./converse.js";

export interface SessionRow {
  id: string;
  clientId: string;
  state: ConversationState;
  inputs: number;
  version: number;
  phoneEnc: string | null;
  expiresAt: Date;
}

const columns = {
  id: channelSessions.id,
  clientId: channelSessions.clientId,
  state: channelSessions.state,
  inputs: channelSessions.inputs,
  version: channelSessions.version,
  phoneEnc: channelSessions.phoneEnc,
  expiresAt: channelSessions.expiresAt,
};

export async function findSession(
  db: Db,
  channel: ConversationChannel,
  sessionKey: string,
): Promise<SessionRow | undefined> {
  const [row] = await db
    .select(columns)
    .from(channelSessions)
    .where(and(eq(channelSessions.channel, channel), eq(channelSessions.sessionKey, sessionKey)));
  return row as SessionRow | undefined;
}

/**
 * Starts a conversation, or answers the one another process started a moment ago for the same key (the unique
 * index on channel and key decides which).
 */
export async function createSession(
  db: Db,
  values: {
    channel: ConversationChannel;
    sessionKey: string;
    clientId: string;
    state: ConversationState;
    phoneEnc: string | null;
    expiresAt: Date;
  },
): Promise<SessionRow> {
  const [row] = await db.insert(channelSessions).values(values).onConflictDoNothing().returning(columns);
  if (row) return row as SessionRow;
  const existing = await findSession(db, values.channel, values.sessionKey);
  if (!existing) throw new Error("channel session vanished while it was being created");
  return existing;
}

/** A finished or expired conversation begins again in its row (SMS: one conversation per number at a time). */
export async function restartSession(
  db: Db,
  row: Pick<SessionRow, "id" | "version">,
  values: { clientId: string; state: ConversationState; phoneEnc: string | null; expiresAt: Date },
): Promise<boolean> {
  const done = await db
    .update(channelSessions)
    .set({ ...values, inputs: 0, version: row.version + 1, updatedAt: new Date() })
    .where(and(eq(channelSessions.id, row.id), eq(channelSessions.version, row.version)))
    .returning({ id: channelSessions.id });
  return done.length === 1;
}

/** Saves a turn only if nobody took a turn since `row` was read (false: read again and retry). */
export async function saveTurn(
  db: Db,
  row: Pick<SessionRow, "id" | "version">,
  values: { state: ConversationState; inputs: number; expiresAt: Date },
): Promise<boolean> {
  const done = await db
    .update(channelSessions)
    .set({ ...values, version: row.version + 1, updatedAt: new Date() })
    .where(and(eq(channelSessions.id, row.id), eq(channelSessions.version, row.version)))
    .returning({ id: channelSessions.id });
  return done.length === 1;
}

/** Records a provider message id; false when it was recorded before (a replay). */
export async function recordMessage(db: Db, channel: string, messageKey: string): Promise<boolean> {
  const rows = await db
    .insert(channelMessages)
    .values({ channel, messageKey })
    .onConflictDoNothing()
    .returning({ key: channelMessages.messageKey });
  return rows.length === 1;
}

/**
 * Forgets conversations past their expiry, message ids older than `messagesBefore`, and outbound SMS (number and
 * text) older than `outboxBefore`, sent or given up.
 */
export async function deleteExpired(db: Db, now: Date, before: { messages: Date; outbox: Date }): Promise<void> {
  await db.delete(channelSessions).where(lt(channelSessions.expiresAt, now));
  await db.delete(channelMessages).where(lt(channelMessages.receivedAt, before.messages));
  await db.delete(channelOutbox).where(lt(channelOutbox.createdAt, before.outbox));
}

export async function queueOutbound(
  db: Db,
  values: {
    provider: SmsProvider;
    toEnc: string;
    bodyEnc: string;
    purpose?: "answer" | "notice";
    reportId?: string | null;
  },
): Promise<number> {
  const [row] = await db.insert(channelOutbox).values(values).returning({ id: channelOutbox.id });
  if (!row) throw new Error("outbound message not queued");
  return row.id;
}

/**
 * What is due: queued (its back-off over) or held by the monthly limit (tried again each run); or only `ids`, or only
 * the notices of one report not tried yet (sent right after the staff action that queued them).
 */
export async function dueOutbound(db: Db, now: Date, ids?: number[], reportId?: string) {
  return db
    .select()
    .from(channelOutbox)
    .where(
      and(
        isNull(channelOutbox.sentAt),
        inArray(channelOutbox.status, ["queued", "held"]),
        // Named rows are the ones just queued: sent now, whatever the clocks of the database and this process say.
        ids ? undefined : lte(channelOutbox.nextAttemptAt, now),
        lt(channelOutbox.attempts, MAX_SEND_ATTEMPTS),
        ids ? sql`${channelOutbox.id} = ANY(${`{${ids.join(",")}}`}::bigint[])` : undefined,
        reportId ? and(eq(channelOutbox.reportId, reportId), eq(channelOutbox.attempts, 0)) : undefined,
      ),
    )
    .orderBy(channelOutbox.id)
    .limit(50);
}

export const MAX_SEND_ATTEMPTS = 8;

/**
 * Takes a due row for one sender: moves its next attempt to `leaseUntil` (past the send's timeout), only if nobody
 * took it already (its next attempt is still before `claimBefore`). Two processes (the job, a request sending at
 * once) cannot both send one message.
 */
export async function claimOutbound(db: Db, id: number, claimBefore: Date, leaseUntil: Date): Promise<boolean> {
  const rows = await db
    .update(channelOutbox)
    .set({ nextAttemptAt: leaseUntil })
    .where(and(eq(channelOutbox.id, id), lt(channelOutbox.nextAttemptAt, claimBefore), isNull(channelOutbox.sentAt)))
    .returning({ id: channelOutbox.id });
  return rows.length === 1;
}

export async function markSent(db: Db, id: number, providerMessageId: string | null): Promise<void> {
  await db
    .update(channelOutbox)
    .set({
      status: "sent",
      sentAt: new Date(),
      statusAt: new Date(),
      providerMessageId,
      attempts: sql`${channelOutbox.attempts} + 1`,
      lastError: null,
    })
    .where(eq(channelOutbox.id, id));
}

/** A failed attempt: the next one waits twice as long as the last (1, 2, 4 … minutes); after the last, `failed`. */
export async function markFailed(db: Db, id: number, attempts: number, error: string, now: Date): Promise<void> {
  const last = attempts + 1 >= MAX_SEND_ATTEMPTS;
  await db
    .update(channelOutbox)
    .set({
      status: last ? "failed" : "queued",
      statusAt: now,
      attempts: attempts + 1,
      lastError: error.slice(0, 200),
      nextAttemptAt: new Date(now.getTime() + 60_000 * 2 ** attempts),
    })
    .where(eq(channelOutbox.id, id));
}

/**
 * The monthly limit is reached: the message waits (no attempt counted), due again at the next run, until the limit is
 * raised or the month turns.
 */
export async function markHeld(db: Db, id: number, now: Date): Promise<void> {
  await db
    .update(channelOutbox)
    .set({ status: "held", statusAt: now, lastError: "monthly SMS limit reached", nextAttemptAt: now })
    .where(eq(channelOutbox.id, id));
}

/**
 * Counts one SMS against `month` if the limit allows it (null: no limit): true when it may go. The conditional
 * upsert decides, so two processes cannot both take the last one.
 */
export async function reserveSend(db: Db, month: string, limit: number | null): Promise<boolean> {
  if (limit !== null && limit <= 0) return false;
  const rows = await db
    .insert(channelSmsUsage)
    .values({ month, sent: 1 })
    .onConflictDoUpdate({
      target: channelSmsUsage.month,
      set: { sent: sql`${channelSmsUsage.sent} + 1` },
      setWhere: limit === null ? undefined : lt(channelSmsUsage.sent, limit),
    })
    .returning({ sent: channelSmsUsage.sent });
  return rows.length === 1;
}

/** A reserved send that did not go (the provider refused it) does not count. */
export async function releaseSend(db: Db, month: string): Promise<void> {
  await db
    .update(channelSmsUsage)
    .set({ sent: sql`greatest(${channelSmsUsage.sent} - 1, 0)` })
    .where(eq(channelSmsUsage.month, month));
}

/** Marks the month as held from now; true only the first time (so the limit being reached is audited once). */
export async function startHolding(db: Db, month: string, now: Date): Promise<boolean> {
  const rows = await db
    .insert(channelSmsUsage)
    .values({ month, sent: 0, heldSince: now })
    .onConflictDoUpdate({
      target: channelSmsUsage.month,
      set: { heldSince: now },
      setWhere: isNull(channelSmsUsage.heldSince),
    })
    .returning({ month: channelSmsUsage.month });
  return rows.length === 1;
}

export async function usageOf(db: Db, month: string) {
  const [usage] = await db.select().from(channelSmsUsage).where(eq(channelSmsUsage.month, month));
  const counts = await db
    .select({ status: channelOutbox.status, n: sql<number>`count(*)::int` })
    .from(channelOutbox)
    .groupBy(channelOutbox.status);
  const byStatus = Object.fromEntries(counts.map((c) => [c.status, Number(c.n)])) as Partial<
    Record<OutboxStatus, number>
  >;
  return { sent: usage?.sent ?? 0, heldSince: usage?.heldSince ?? null, byStatus };
}

/**
 * A provider's delivery report for one of our messages (by the id it gave when it took it). A later `sent` never
 * overwrites a final `delivered` or `failed`. Answers whether a message of ours was found and changed.
 */
export async function recordDeliveryStatus(
  db: Db,
  provider: SmsProvider,
  providerMessageId: string,
  status: "sent" | "delivered" | "failed",
  detail: string | null,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(channelOutbox)
    .set({ status, statusAt: now, ...(status === "failed" ? { lastError: (detail ?? "failed").slice(0, 200) } : {}) })
    .where(
      and(
        eq(channelOutbox.provider, provider),
        eq(channelOutbox.providerMessageId, providerMessageId),
        status === "sent" ? eq(channelOutbox.status, "sent") : inArray(channelOutbox.status, ["sent", "delivered"]),
      ),
    )
    .returning({ id: channelOutbox.id });
  return rows.length > 0;
}

/** The SMS notices about a report (status and times only, never number or text), oldest first. */
export async function noticesAbout(db: Db, reportId: string) {
  return db
    .select({ status: channelOutbox.status, statusAt: channelOutbox.statusAt, createdAt: channelOutbox.createdAt })
    .from(channelOutbox)
    .where(and(eq(channelOutbox.reportId, reportId), eq(channelOutbox.purpose, "notice")))
    .orderBy(channelOutbox.id);
}
