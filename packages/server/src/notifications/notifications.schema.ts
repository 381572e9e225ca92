import { bigserial, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { reports } from "../reports/reports.schema.js";

/**
 * The installation's VAPID key pair for web push (issue 14 item 5): made once, on first use; the private key
 * field-encrypted (rotated with the key), the public key handed to browsers in the public configuration.
 */
export const webPushKeys = pgTable("web_push_keys", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** Always "vapid": the unique key makes a second, concurrent generation lose and read the first. */
  name: text("name").notNull().unique(),
  publicKey: text("public_key").notNull(),
  privateKeyEnc: text("private_key_enc").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A browser that follows a report ("Tell me when someone answers"): its push endpoint and keys field-encrypted, found
 * again by a keyed hash of the endpoint. Gone with the report (erasure deletes them), when the person turns it off, or
 * when the push service says the endpoint no longer exists (404/410).
 */
export const pushSubscriptions = pgTable(
  "push_subscriptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reportId: uuid("report_id")
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    endpointHash: text("endpoint_hash").notNull(),
    endpointEnc: text("endpoint_enc").notNull(),
    keysEnc: text("keys_enc").notNull(),
    language: text("language"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("push_subscriptions_report_idx").on(t.reportId, t.endpointHash)],
);

/**
 * Notifications waiting to go, one per follower (a reply, an update): the job sends them, each retried on its own, so
 * a follower whose push service failed does not make the others hear twice.
 */
export const pushOutbox = pgTable(
  "push_outbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    reportId: uuid("report_id")
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    subscriptionId: uuid("subscription_id")
      .notNull()
      .references(() => pushSubscriptions.id, { onDelete: "cascade" }),
    event: text("event").$type<"reply" | "update">().notNull(),
    /** The message, only when the platform setting includes content in notifications (field-encrypted). */
    contentEnc: text("content_enc"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("push_outbox_due_idx").on(t.sentAt, t.nextAttemptAt)],
);
