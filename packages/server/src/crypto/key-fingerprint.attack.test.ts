import assert from "node:assert/strict";
import crypto from "node:crypto";
import { after, before, test } from "node:test";
import { sql } from "drizzle-orm";
import { bootstrap } from "../bootstrap.js";
import { FieldCipher } from "../crypto/field-cipher.js";
import type { Database } from "../db/database.js";
import { createTestDatabase } from "../testing/test-database.js";
import { checkKeyFingerprint, KeyMismatchError } from "./key-fingerprint.js";

// Issue 22 item 21: a process holding another key must not join a database (PGlite, or PostgreSQL with DATABASE_URL).
const newCipher = () => new FieldCipher(crypto.randomBytes(32));

let database: Database;
before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());

const forgetFingerprint = () => database.db.execute(sql`DELETE FROM encryption_key_fingerprint`);

test("the fingerprint names the key without revealing it", () => {
  const key = crypto.randomBytes(32);
  const cipher = new FieldCipher(key);
  assert.match(cipher.fingerprint, /^[0-9a-f]{32}$/);
  assert.equal(new FieldCipher(Buffer.from(key)).fingerprint, cipher.fingerprint);
  assert.notEqual(newCipher().fingerprint, cipher.fingerprint);
  assert.equal(cipher.fingerprint.includes(key.toString("hex").slice(0, 8)), false);
});

test("the first key is recorded; the same key joins; another key is refused before it writes", async () => {
  const first = newCipher();
  // A demo database: the seed stores ciphertext (TOTP secrets, descriptions) with the first key.
  await bootstrap(database, { demo: true }, { cipher: first });
  assert.equal(await checkKeyFingerprint(database.db, first), "matched");

  const stranger = newCipher();
  const reportsBefore = await database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM reports`);
  await assert.rejects(bootstrap(database, { demo: true }, { cipher: stranger }), (err: unknown) => {
    assert.ok(err instanceof KeyMismatchError);
    assert.match(err.message, new RegExp(`key's fingerprint is ${stranger.fingerprint}`));
    assert.match(err.message, new RegExp(`fingerprint is ${first.fingerprint}`));
    return true;
  });
  assert.deepEqual(await database.rows(sql`SELECT count(*)::int AS n FROM reports`), reportsBefore);
});

test("a database from before fingerprints adopts only the key its data decrypts with", async () => {
  await forgetFingerprint(); // as after the upgrade that added fingerprints

  await assert.rejects(checkKeyFingerprint(database.db, newCipher()), /a sample did not decrypt/);
  assert.deepEqual(await database.rows(sql`SELECT * FROM encryption_key_fingerprint`), [], "nothing adopted");

  // The seed's key is not at hand here, so prove adoption with a cipher whose data we write ourselves.
  await database.db.execute(sql`UPDATE staff_users SET totp_secret_enc = NULL`);
  await database.db.execute(sql`UPDATE reports SET description_enc = NULL, phone_enc = NULL, tracking_code_enc = NULL`);
  await database.db.execute(sql`UPDATE report_events SET note_enc = NULL`);
  await database.db.execute(sql`DELETE FROM report_messages`);
  const owner = newCipher();
  await database.db.execute(sql`UPDATE reports SET phone_enc = ${owner.encrypt("+255 700 000 001")}`);
  assert.equal(await checkKeyFingerprint(database.db, owner), "recorded");
  assert.equal(await checkKeyFingerprint(database.db, owner), "matched");
});

test("two processes with different keys starting together on an empty database: exactly one is accepted", async () => {
  const fresh = await createTestDatabase();
  try {
    const outcomes = await Promise.allSettled([newCipher(), newCipher()].map((c) => checkKeyFingerprint(fresh.db, c)));
    assert.deepEqual(outcomes.map((o) => o.status).sort(), ["fulfilled", "rejected"]);
  } finally {
    await fresh.close();
  }
});
