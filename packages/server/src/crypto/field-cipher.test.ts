import assert from "node:assert/strict";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { FieldCipher, loadMasterKey } from "./field-cipher.js";

test("round-trips text, never stores it readable, and detects tampering", () => {
  const c = new FieldCipher(crypto.randomBytes(32));
  const stored = c.encrypt("+999 55 123 4567");
  assert.doesNotMatch(stored, /123/);
  assert.notEqual(c.encrypt("same"), c.encrypt("same"), "a fresh IV each time");
  assert.equal(c.decrypt(stored), "+999 55 123 4567");
  const [version, keyId, payload] = stored.split(":");
  const raw = Buffer.from(payload ?? "", "base64");
  raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
  assert.throws(() => c.decrypt(`${version}:${keyId}:${raw.toString("base64")}`));
  assert.throws(() => new FieldCipher(crypto.randomBytes(32)).decrypt(stored), "another key cannot read it");
});

test("a keyring reads what the previous key wrote, including ciphertexts without a key id, and writes only with the new key", () => {
  const oldKey = crypto.randomBytes(32);
  const old = new FieldCipher(oldKey);
  const written = old.encrypt("+999 55 123 4567");
  const legacy = `v1:${written.split(":")[2]}`;
  const ring = new FieldCipher(crypto.randomBytes(32), { previous: [oldKey] });
  assert.equal(ring.decrypt(written), "+999 55 123 4567");
  assert.equal(ring.decrypt(legacy), "+999 55 123 4567");
  assert.equal(ring.isCurrent(written), false);
  assert.equal(ring.isCurrent(ring.encrypt("x")), true);
  assert.throws(() => old.decrypt(ring.encrypt("x")), /key this process does not hold/);
  assert.deepEqual(ring.previousFingerprints, [old.fingerprint]);
  // The keyed hashes follow the index keys adopted, not the data key.
  assert.notEqual(ring.hash("phone", "1"), old.hash("phone", "1"));
  ring.adoptIndexKeys(ring.indexMaterialOf(old.fingerprint) as Buffer);
  assert.equal(ring.hash("phone", "1"), old.hash("phone", "1"));
  assert.equal(ring.searchToken("clinic"), old.searchToken("clinic"));
});

test("keyed hashes match equal values only, and differ per key and purpose", () => {
  const k = crypto.randomBytes(32);
  const a = new FieldCipher(k);
  assert.equal(a.hash("phone", "+9995512"), new FieldCipher(k).hash("phone", "+9995512"));
  assert.notEqual(a.hash("phone", "+9995512"), a.hash("phone", "+9995513"));
  assert.notEqual(a.hash("phone", "+9995512"), a.hash("device", "+9995512"));
  assert.notEqual(a.hash("phone", "+9995512"), new FieldCipher(crypto.randomBytes(32)).hash("phone", "+9995512"));
});

test("search tokens are 96-bit keyed hashes of one word", () => {
  const c = new FieldCipher(crypto.randomBytes(32));
  const token = c.searchToken("medicines");
  assert.match(token, /^[A-Za-z0-9_-]{16}$/);
  assert.equal(token, c.searchToken("medicines"));
  assert.notEqual(token, c.searchToken("medicine"));
});

test("a generated key file is created once, with mode 0600", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "openclm-key-"));
  try {
    const first = loadMasterKey({ dataDir: dir });
    const second = loadMasterKey({ dataDir: dir });
    assert.deepEqual(first, second);
    assert.equal(fs.statSync(path.join(dir, "encryption.key")).mode & 0o777, 0o600);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
