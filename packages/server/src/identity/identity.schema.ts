import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const staffUsers = pgTable("staff_users", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** Stored lower-cased; the unique index makes sign-in lookups exact. */
  email: text("email").notNull().unique(),
  displayName: text("display_name").notNull().default(""),
  role: text("role").notNull(),
  /** Areas the user may see (any level). Empty = no area restriction beyond `scopeFacilityIds`. */
  scopeAreaIds: uuid("scope_area_ids").array().notNull().default(sql`'{}'::uuid[]`),
  scopeFacilityIds: uuid("scope_facility_ids").array().notNull().default(sql`'{}'::uuid[]`),
  passwordHash: text("password_hash").notNull(),
  passwordChangedAt: timestamp("password_changed_at", { withTimezone: true }).notNull().defaultNow(),
  /** Set when someone else chose the password (an admin creating the account): only changePassword is allowed. */
  mustChangePassword: boolean("must_change_password").notNull().default(false),
  /** TOTP secret, encrypted with the field key; null until enrolment starts. */
  totpSecretEnc: text("totp_secret_enc"),
  totpEnabledAt: timestamp("totp_enabled_at", { withTimezone: true }),
  /** Last accepted TOTP time step: a code from that step or earlier is refused (no replay). */
  totpLastStep: integer("totp_last_step").notNull().default(0),
  /** argon2id hashes of unused one-time recovery codes. */
  recoveryCodeHashes: jsonb("recovery_code_hashes").$type<string[]>().notNull().default([]),
  disabledAt: timestamp("disabled_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
  /** E-mail about new reports in scope, assignments and escalations (notifications/staff-mail.ts): each at once,
   * in one daily digest, or not at all. */
  /**
   * A trainee (issue 25, ADR 0023 addendum): the account works on practice reports only. The inbox is forced into its
   * training view and a live report answers 404, as one out of scope does. Set by an administrator who manages staff.
   */
  trainee: boolean("trainee").notNull().default(false),
  emailNotifications: text("email_notifications").$type<"immediate" | "digest" | "off">().notNull().default("digest"),
});

export const staffSessions = pgTable(
  "staff_sessions",
  {
    /** SHA-256 of the cookie token: a leaked table does not yield usable sessions. */
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => staffUsers.id, { onDelete: "cascade" }),
    /** `password`: only the second factor may follow; `full`: signed in. */
    stage: text("stage").$type<"password" | "full">().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    reauthAt: timestamp("reauth_at", { withTimezone: true }),
    userAgent: text("user_agent"),
  },
  (t) => [index("staff_sessions_user_idx").on(t.userId)],
);

/**
 * One-time password-reset links issued by an administrator. Only the SHA-256 of the token is stored; a row is used at
 * most once (`used_at`) and only before `expires_at`. Issuing a new link for the same person voids the older ones.
 */
export const staffPasswordResets = pgTable(
  "staff_password_resets",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => staffUsers.id, { onDelete: "cascade" }),
    createdBy: uuid("created_by").references(() => staffUsers.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("staff_password_resets_user_idx").on(t.userId)],
);
