import { sql } from "drizzle-orm";
import { check, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/**
 * The fingerprint of the key the database's personal data is encrypted with (FieldCipher.fingerprint): one row,
 * written by the first process that starts, compared by every later one (key-fingerprint.ts). A finished key rotation
 * records the new key's fingerprint here.
 */
export const encryptionKeyFingerprint = pgTable(
  "encryption_key_fingerprint",
  {
    id: smallint("id").primaryKey().default(1),
    fingerprint: text("fingerprint").notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * The keyed-hash subkeys (phone, device, tracking-code and recovery-code hashes, search tokens, audit checkpoint
     * signatures: 96 bytes) encrypted with the current key. Null until the first rotation: they are then derived from
     * the key itself. A rotation keeps them (docs/key-rotation.md), so the old key can retire without recomputing
     * hashes of values the database does not hold (device ids, recovery codes).
     */
    indexKeysEnc: text("index_keys_enc"),
  },
  (t) => [check("encryption_key_fingerprint_one_row", sql`${t.id} = 1`)],
);

/** Progress of one encrypted column in a rotation: the last row id done (rows are taken in id order) and counts. */
export interface ColumnProgress {
  afterId: string | null;
  done: boolean;
  reencrypted: number;
  unreadable: number;
}

/**
 * Key rotations (crypto/key-rotation.ts): from the recorded key to a new one. At most one is unfinished; its
 * progress is written in the same short transaction as each batch it re-encrypts, so a killed rotation resumes.
 */
export const keyRotations = pgTable(
  "key_rotations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    fromFingerprint: text("from_fingerprint").notNull(),
    toFingerprint: text("to_fingerprint").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    /** Per encrypted column (`table.column`): counts only, never a value. */
    progress: jsonb("progress").$type<Record<string, ColumnProgress>>().notNull().default({}),
  },
  (t) => [uniqueIndex("key_rotations_one_unfinished_idx").on(sql`(true)`).where(sql`${t.finishedAt} IS NULL`)],
);
