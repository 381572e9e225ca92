import { bigserial, boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { staffUsers } from "../identity/identity.schema.js";
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

/**
 * The SMTP server staff e-mail goes through (issue 14 item 5), as a system administrator set it up: one row. The
 * password is field-encrypted (rotated with the key) and never returned; `SMTP_URL` in the environment wins over it.
 */
export const mailSettings = pgTable("mail_settings", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** Always "smtp": one row. */
  name: text("name").notNull().unique(),
  host: text("host"),
  port: integer("port"),
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean("secure").notNull().default(false),
  username: text("username"),
  passwordEnc: text("password_enc"),
  fromAddress: text("from_address"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * What a staff member is to be told by e-mail (issue 14 item 5): a new report in their scope, a report assigned to
 * them, an escalation to them. One row per person and event (`event_key`, unique with the person), so an event is
 * told once however often the collector sees it. Codes and ids only: the mail is written when it is sent, from the
 * report's category and district, never its words or its reporter. `immediate` rows go within a minute, `digest`
 * rows wait for the daily digest (`next_attempt_at`); failures are retried with back-off.
 */
export const staffNotifications = pgTable(
  "staff_notifications",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    staffId: uuid("staff_id")
      .notNull()
      .references(() => staffUsers.id, { onDelete: "cascade" }),
    reportId: uuid("report_id")
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    kind: text("kind").$type<"new_report" | "assignment" | "escalation">().notNull(),
    /** `report:<id>` for a new report, `event:<report_events.id>` for an assignment or an escalation. */
    eventKey: text("event_key").notNull(),
    delivery: text("delivery").$type<"immediate" | "digest">().notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("staff_notifications_event_idx").on(t.staffId, t.eventKey),
    index("staff_notifications_due_idx").on(t.sentAt, t.nextAttemptAt),
  ],
);
