import { bigserial, boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { reports } from "../reports/reports.schema.js";

/**
 * Channel providers as Set-up configured them (issue 14 item 6): one row per provider, whether it is on, its plain
 * settings (sender id, short code, USSD service code, API address …) and its credentials as one field-encrypted JSON
 * object (rotated with the key; never returned by the API). Environment variables override what is stored
 * (channels/channel-settings.ts).
 */
export const channelProviders = pgTable("channel_providers", {
  id: uuid("id").primaryKey().defaultRandom(),
  provider: text("provider").$type<"africastalking" | "twilio" | "telegram" | "whatsapp">().notNull().unique(),
  enabled: boolean("enabled").notNull().default(false),
  settings: jsonb("settings").notNull(),
  secretsEnc: text("secrets_enc"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Answers to Telegram and WhatsApp conversations waiting to go (or sent): the chat id / WhatsApp number and the
 * message (text and buttons, as JSON) field-encrypted. Sent right after the turn commits; a job retries what failed,
 * with back-off.
 */
export const messengerOutbox = pgTable(
  "messenger_outbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    provider: text("provider").$type<"telegram" | "whatsapp">().notNull(),
    /** A notice about a report (a responder's reply): erased with the report's conversation. */
    reportId: uuid("report_id").references(() => reports.id, { onDelete: "cascade" }),
    toEnc: text("to_enc").notNull(),
    bodyEnc: text("body_enc").notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    providerMessageId: text("provider_message_id"),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("messenger_outbox_due_idx").on(t.sentAt, t.nextAttemptAt)],
);

/**
 * The Telegram chat or WhatsApp number a report came from, kept (field-encrypted) only when the reporter agreed to be
 * contacted: a responder's reply goes back there, and what the person writes in that chat afterwards lands on the
 * report (found by `chat_hash`, the keyed hash the conversation is keyed by too). `last_inbound_at`: the person's
 * last message in that chat, which opens WhatsApp's 24-hour window for free-form messages. Deleted when the report
 * is erased.
 */
export const reportChats = pgTable(
  "report_chats",
  {
    reportId: uuid("report_id")
      .primaryKey()
      .references(() => reports.id, { onDelete: "cascade" }),
    channel: text("channel").$type<"telegram" | "whatsapp">().notNull(),
    chatHash: text("chat_hash").notNull(),
    chatEnc: text("chat_enc").notNull(),
    /** WhatsApp: the business number (phone number id) the person wrote to, which answers them. */
    phoneNumberId: text("phone_number_id"),
    lastInboundAt: timestamp("last_inbound_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("report_chats_chat_idx").on(t.channel, t.chatHash)],
);
