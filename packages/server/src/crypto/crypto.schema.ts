import { sql } from "drizzle-orm";
import { check, pgTable, smallint, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The fingerprint of the key the database's personal data is encrypted with (FieldCipher.fingerprint): one row,
 * written by the first process that starts, compared by every later one (key-fingerprint.ts).
 */
export const encryptionKeyFingerprint = pgTable(
  "encryption_key_fingerprint",
  {
    id: smallint("id").primaryKey().default(1),
    fingerprint: text("fingerprint").notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("encryption_key_fingerprint_one_row", sql`${t.id} = 1`)],
);
