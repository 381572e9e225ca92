import { and, eq, isNull, lt, lte, sql } from "drizzle-orm";
import type { Db } from "../db/database.js";
import { channelMessages, channelOutbox, channelSessions } from "./channels.schema.js";
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
  values: { provider: "africastalking"; toEnc: string; bodyEnc: string },
): Promise<number> {
  const [row] = await db.insert(channelOutbox).values(values).returning({ id: channelOutbox.id });
  if (!row) throw new Error("outbound message not queued");
  return row.id;
}

export async function dueOutbound(db: Db, now: Date, ids?: number[]) {
  return db
    .select()
    .from(channelOutbox)
    .where(
      and(
        isNull(channelOutbox.sentAt),
        // Named rows are the ones just queued: sent now, whatever the clocks of the database and this process say.
        ids ? undefined : lte(channelOutbox.nextAttemptAt, now),
        lt(channelOutbox.attempts, MAX_SEND_ATTEMPTS),
        ids ? sql`${channelOutbox.id} = ANY(${`{${ids.join(",")}}`}::bigint[])` : undefined,
      ),
    )
    .orderBy(channelOutbox.id)
    .limit(50);
}

export const MAX_SEND_ATTEMPTS = 8;

export async function markSent(db: Db, id: number, providerMessageId: string | null): Promise<void> {
  await db
    .update(channelOutbox)
    .set({ sentAt: new Date(), providerMessageId, attempts: sql`${channelOutbox.attempts} + 1`, lastError: null })
    .where(eq(channelOutbox.id, id));
}

/** A failed attempt: the next one waits twice as long as the last (1, 2, 4 … minutes). */
export async function markFailed(db: Db, id: number, attempts: number, error: string, now: Date): Promise<void> {
  await db
    .update(channelOutbox)
    .set({
      attempts: attempts + 1,
      lastError: error.slice(0, 200),
      nextAttemptAt: new Date(now.getTime() + 60_000 * 2 ** attempts),
    })
    .where(eq(channelOutbox.id, id));
}
