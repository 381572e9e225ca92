import { bigserial, boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

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
