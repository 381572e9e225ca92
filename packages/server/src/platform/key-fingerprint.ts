import { isNotNull } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { encryptionKeyFingerprint } from "../crypto/crypto.schema.js";
import type { FieldCipher } from "../crypto/field-cipher.js";
import type { Db } from "../db/database.js";
import { staffUsers } from "../identity/identity.schema.js";
import { reportMessages, reports } from "../reports/reports.schema.js";
import { StartupError } from "./startup-error.js";

/** The process holds another key than the one the database's personal data is encrypted with. */
export class KeyMismatchError extends StartupError {}

/** Columns that hold ciphertext, tried in turn when a database from before fingerprints meets its first key. */
const encryptedColumns: [PgTable, PgColumn][] = [
  [staffUsers, staffUsers.totpSecretEnc],
  [reports, reports.descriptionEnc],
  [reports, reports.phoneEnc],
  [reportMessages, reportMessages.bodyEnc],
];

/**
 * Refuses a key other than the database's. Without this, a process started with another key (another DATA_DIR, a
 * mistyped variable) joins silently: what it stores cannot be read by the others, and staff cannot sign in through
 * it. The first process records its key's fingerprint; on a database that already holds ciphertext but no
 * fingerprint (first start after the upgrade), the key is adopted only if it decrypts that ciphertext.
 */
export async function checkKeyFingerprint(db: Db, cipher: FieldCipher): Promise<"matched" | "recorded"> {
  const recorded = await readFingerprint(db);
  if (recorded !== undefined) {
    if (recorded !== cipher.fingerprint) throw mismatch(cipher.fingerprint, recorded);
    return "matched";
  }
  const sample = await anyCiphertext(db);
  if (sample !== undefined && !decrypts(cipher, sample)) {
    throw new KeyMismatchError(
      "The database holds personal data encrypted with another key than this process's (a sample did not decrypt). " +
        "Start with the key it was written with (CLM_ENCRYPTION_KEY, CLM_ENCRYPTION_KEY_FILE, or the encryption.key " +
        "of the DATA_DIR it was created with).",
    );
  }
  // Two processes starting together on an empty database: the first insert wins, the other compares against it.
  await db
    .insert(encryptionKeyFingerprint)
    .values({ fingerprint: cipher.fingerprint })
    .onConflictDoNothing({ target: encryptionKeyFingerprint.id });
  const winner = await readFingerprint(db);
  if (winner !== cipher.fingerprint) throw mismatch(cipher.fingerprint, winner ?? "none");
  return "recorded";
}

async function readFingerprint(db: Db): Promise<string | undefined> {
  const [row] = await db.select({ fingerprint: encryptionKeyFingerprint.fingerprint }).from(encryptionKeyFingerprint);
  return row?.fingerprint;
}

function mismatch(mine: string, theirs: string): KeyMismatchError {
  return new KeyMismatchError(
    `The encryption key does not match this database: the key's fingerprint is ${mine}, the database was written ` +
      `with the key whose fingerprint is ${theirs}. Every process on one database needs the same key ` +
      "(CLM_ENCRYPTION_KEY or CLM_ENCRYPTION_KEY_FILE); refusing to start rather than store data no other process " +
      "could read.",
  );
}

async function anyCiphertext(db: Db): Promise<string | undefined> {
  for (const [table, column] of encryptedColumns) {
    const [row] = await db.select({ value: column }).from(table).where(isNotNull(column)).limit(1);
    if (typeof row?.value === "string") return row.value;
  }
  return undefined;
}

function decrypts(cipher: FieldCipher, ciphertext: string): boolean {
  try {
    cipher.decrypt(ciphertext);
    return true;
  } catch {
    return false;
  }
}
