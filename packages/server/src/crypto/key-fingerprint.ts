import { eq, isNull, sql } from "drizzle-orm";
import { appendAudit } from "../audit/audit.repo.js";
import { type Db, queryRows, withTransaction } from "../db/database.js";
import { StartupError } from "../platform/startup-error.js";
import { encryptionKeyFingerprint, keyRotations } from "./crypto.schema.js";
import { ENCRYPTED_COLUMNS } from "./encrypted-columns.js";
import type { FieldCipher } from "./field-cipher.js";

/** The process holds another key than the one the database's personal data is encrypted with. */
export class KeyMismatchError extends StartupError {}

/**
 * `rotating`: the data is moving from a previous key of this process to its current one (crypto/key-rotation.ts);
 * `retire-previous`: matched, and the previous keys this process was given are no longer needed.
 */
export type KeyCheck = "matched" | "recorded" | "rotating" | "retire-previous";

interface KeyState {
  fingerprint: string;
  indexKeysEnc: string | null;
}

/**
 * Refuses a key other than the database's. Without this, a process started with another key (another DATA_DIR, a
 * mistyped variable) joins silently: what it stores cannot be read by the others, and staff cannot sign in through
 * it. The first process records its key's fingerprint; on a database that already holds ciphertext but no
 * fingerprint (first start after the upgrade), the key is adopted only if it decrypts that ciphertext.
 *
 * Key rotation (docs/key-rotation.md): a process whose current key is new and whose previous keys hold the recorded
 * one begins a rotation (or joins the one under way); it then writes with the new key and reads with both. It also
 * takes the database's keyed-hash subkeys, which a rotation keeps (FieldCipher.adoptIndexKeys).
 */
export async function checkKeyFingerprint(db: Db, cipher: FieldCipher): Promise<KeyCheck> {
  const state = await readState(db);
  if (state === undefined) return recordFirstKey(db, cipher);
  const rotation = await unfinishedRotation(db);
  if (rotation) {
    requireRotationKeys(cipher, rotation);
    adoptIndexKeys(cipher, state);
    return "rotating";
  }
  if (state.fingerprint === cipher.fingerprint) {
    adoptIndexKeys(cipher, state);
    return cipher.previousFingerprints.length > 0 ? "retire-previous" : "matched";
  }
  if (!cipher.previousFingerprints.includes(state.fingerprint)) throw mismatch(cipher.fingerprint, state.fingerprint);
  await beginRotation(db, cipher);
  return "rotating";
}

/**
 * Only takes the database's keyed-hash subkeys, writing nothing (for tools such as audit:verify). False when the
 * database has no key recorded yet.
 */
export async function loadIndexKeys(db: Db, cipher: FieldCipher): Promise<boolean> {
  const state = await readState(db);
  if (state) adoptIndexKeys(cipher, state);
  return state !== undefined;
}

async function recordFirstKey(db: Db, cipher: FieldCipher): Promise<"recorded"> {
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
  const winner = await readState(db);
  if (winner?.fingerprint !== cipher.fingerprint) throw mismatch(cipher.fingerprint, winner?.fingerprint ?? "none");
  return "recorded";
}

/**
 * Starts a rotation from the recorded key to this process's current key: one row in key_rotations, and the
 * keyed-hash subkeys stored encrypted under the new key, so they outlive the old one. Two processes starting together
 * serialise on the fingerprint row; the second joins the first's rotation.
 */
async function beginRotation(db: Db, cipher: FieldCipher): Promise<void> {
  await withTransaction(db, async (tx) => {
    await queryRows(tx, sql`SELECT id FROM encryption_key_fingerprint WHERE id = 1 FOR UPDATE`);
    const state = await readState(tx);
    const rotation = await unfinishedRotation(tx);
    if (!state) throw new Error("the key fingerprint row vanished");
    if (rotation) {
      requireRotationKeys(cipher, rotation);
      adoptIndexKeys(cipher, state);
      return;
    }
    adoptIndexKeys(cipher, state);
    await tx.insert(keyRotations).values({ fromFingerprint: state.fingerprint, toFingerprint: cipher.fingerprint });
    await tx
      .update(encryptionKeyFingerprint)
      .set({ indexKeysEnc: cipher.encrypt(cipher.indexMaterial().toString("base64")) })
      .where(eq(encryptionKeyFingerprint.id, 1));
    await appendAudit(tx, {
      actorType: "system",
      actorId: null,
      actorRole: null,
      action: "encryption_key.rotation_started",
      entity: "encryption_key",
      entityId: null,
      outcome: "success",
      requestId: "key-rotation",
      details: { fromFingerprint: state.fingerprint, toFingerprint: cipher.fingerprint },
    });
  });
}

function requireRotationKeys(cipher: FieldCipher, rotation: { fromFingerprint: string; toFingerprint: string }) {
  if (rotation.toFingerprint !== cipher.fingerprint) {
    throw new KeyMismatchError(
      `A key rotation is under way to the key whose fingerprint is ${rotation.toFingerprint}; this process's key ` +
        `is ${cipher.fingerprint}. Start every process with the new key in CLM_ENCRYPTION_KEY (or _FILE) and the old ` +
        "one in CLM_ENCRYPTION_PREVIOUS_KEYS (or _FILE) until `npm run keys:rotate` reports the rotation done.",
    );
  }
  if (!cipher.previousFingerprints.includes(rotation.fromFingerprint)) {
    throw new KeyMismatchError(
      `A key rotation is under way: data not yet re-encrypted still needs the old key (fingerprint ` +
        `${rotation.fromFingerprint}) in CLM_ENCRYPTION_PREVIOUS_KEYS (or _FILE) until \`npm run keys:rotate\` ` +
        "reports the rotation done.",
    );
  }
}

/** The keyed-hash subkeys: kept in the database after a rotation, else derived from the recorded key. */
function adoptIndexKeys(cipher: FieldCipher, state: KeyState): void {
  if (state.indexKeysEnc) {
    cipher.adoptIndexKeys(Buffer.from(cipher.decrypt(state.indexKeysEnc), "base64"));
    return;
  }
  const material = cipher.indexMaterialOf(state.fingerprint);
  if (!material) throw mismatch(cipher.fingerprint, state.fingerprint);
  cipher.adoptIndexKeys(material);
}

async function readState(db: Db): Promise<KeyState | undefined> {
  const [row] = await db
    .select({ fingerprint: encryptionKeyFingerprint.fingerprint, indexKeysEnc: encryptionKeyFingerprint.indexKeysEnc })
    .from(encryptionKeyFingerprint);
  return row;
}

export async function unfinishedRotation(db: Db) {
  const [row] = await db.select().from(keyRotations).where(isNull(keyRotations.finishedAt));
  return row;
}

function mismatch(mine: string, theirs: string): KeyMismatchError {
  return new KeyMismatchError(
    `The encryption key does not match this database: the key's fingerprint is ${mine}, the database was written ` +
      `with the key whose fingerprint is ${theirs}. Every process on one database needs the same key ` +
      "(CLM_ENCRYPTION_KEY or CLM_ENCRYPTION_KEY_FILE); refusing to start rather than store data no other process " +
      "could read. To rotate to a new key, give the old one in CLM_ENCRYPTION_PREVIOUS_KEYS (docs/key-rotation.md).",
  );
}

async function anyCiphertext(db: Db): Promise<string | undefined> {
  for (const c of ENCRYPTED_COLUMNS) {
    const [row] = await queryRows<{ value: string }>(
      db,
      sql`SELECT ${sql.identifier(c.column)} AS value FROM ${sql.identifier(c.table)}
           WHERE ${sql.identifier(c.column)} IS NOT NULL LIMIT 1`,
    );
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
