import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * A conversation over a text channel (USSD, SMS), in the database so that it survives a restart and any process
 * can take the next turn. `session_key` is a keyed hash of the provider's session (USSD `sessionId`) or of the
 * sender's number (SMS has no session): never the number itself. `client_id` is the report's idempotency key, chosen
 * once when the conversation starts, so a replayed final turn answers the same report. `version` makes every turn a
 * conditional update: two processes taking the same turn cannot both move the conversation on.
 */
export const channelSessions = pgTable(
  "channel_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    channel: text("channel").$type<"ussd" | "sms" | "telegram" | "whatsapp">().notNull(),
    sessionKey: text("session_key").notNull(),
    clientId: uuid("client_id").notNull(),
    /** The conversation's answers and position (channels/conversation.ts); holds no phone number. */
    state: jsonb("state").notNull(),
    /** USSD: how many `*`-joined inputs were taken, so a repeated request re-answers instead of moving on. */
    inputs: integer("inputs").notNull().default(0),
    version: integer("version").notNull().default(0),
    /** SMS only: where to send the next question (field-encrypted; rotated with the key). */
    phoneEnc: text("phone_enc"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("channel_sessions_key_idx").on(t.channel, t.sessionKey),
    index("channel_sessions_expires_idx").on(t.expiresAt),
  ],
);

/**
 * Provider message ids already taken (keyed hash of the id): the primary key makes a replayed inbound message a
 * no-op, decided by the database rather than by a check-then-insert.
 */
export const channelMessages = pgTable(
  "channel_messages",
  {
    channel: text("channel").notNull(),
    messageKey: text("message_key").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.channel, t.messageKey] }), index("channel_messages_received_idx").on(t.receivedAt)],
);

/**
 * Outbound SMS waiting to go (or sent): the number and the text field-encrypted (the last text carries the tracking
 * code). Sent right after the turn commits; a job retries what failed, with back-off, and records the provider's id.
 * `status`: `queued` (to send, or to try again), `held` (the monthly SMS limit is reached: sent when the limit is
 * raised or the month turns), `sent` (the provider took it), `delivered` / `failed` (the provider's delivery report,
 * or `failed` after the last attempt). `report_id` names the report a notification is about (never in the text).
 */
export const channelOutbox = pgTable(
  "channel_outbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    provider: text("provider").$type<SmsProvider>().notNull(),
    toEnc: text("to_enc").notNull(),
    bodyEnc: text("body_enc").notNull(),
    status: text("status").$type<OutboxStatus>().notNull().default("queued"),
    /** `answer` (a step of a conversation the person started) or `notice` (the platform writes first). */
    purpose: text("purpose").$type<"answer" | "notice">().notNull().default("answer"),
    reportId: uuid("report_id"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    providerMessageId: text("provider_message_id"),
    lastError: text("last_error"),
    statusAt: timestamp("status_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("channel_outbox_due_idx").on(t.sentAt, t.nextAttemptAt),
    index("channel_outbox_provider_id_idx").on(t.provider, t.providerMessageId),
    index("channel_outbox_report_idx").on(t.reportId),
  ],
);

export type SmsProvider = "africastalking" | "twilio";
export type OutboxStatus = "queued" | "held" | "sent" | "delivered" | "failed";

/**
 * SMS sent per calendar month (UTC, `YYYY-MM`), for the monthly limit (setting `sms.monthlyLimit`): kept apart from
 * the outbox, whose rows are forgotten after 7 days. `held_since` is when the limit first held a message this month
 * (audited once).
 */
export const channelSmsUsage = pgTable("channel_sms_usage", {
  month: text("month").primaryKey(),
  sent: integer("sent").notNull().default(0),
  heldSince: timestamp("held_since", { withTimezone: true }),
});
