import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/**
 * Optional accounts for community members: a nickname and a PIN or password, nothing else (no email, no phone), so
 * an account identifies no one by itself.
 */
export const communityAccounts = pgTable(
  "community_accounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    nickname: text("nickname").notNull(),
    /**
     * The nickname's comparison key (community/nickname.ts: NFKC, case folded, Unicode confusables skeleton):
     * "Anna" and "Аnna" (Cyrillic А) share one, so only one of them can exist. Filled at start-up for older rows.
     */
    nicknameKey: text("nickname_key"),
    /** argon2id hash of the PIN or password. */
    secretHash: text("secret_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Set when the member deletes the account; the nickname is then released. */
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("community_accounts_nickname_idx").on(sql`lower(${t.nickname})`).where(sql`deleted_at IS NULL`),
    uniqueIndex("community_accounts_nickname_key_idx").on(t.nicknameKey).where(sql`deleted_at IS NULL`),
  ],
);

export const communitySessions = pgTable(
  "community_sessions",
  {
    /** SHA-256 of the cookie token. */
    tokenHash: text("token_hash").primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => communityAccounts.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("community_sessions_account_idx").on(t.accountId)],
);
