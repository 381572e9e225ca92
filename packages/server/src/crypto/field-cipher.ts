import crypto from "node:crypto";
import { type KeySource, loadMasterKey, loadPreviousKeys } from "./master-key.js";
import { randomBytes } from "./random-pool.js";

// Where the key comes from (environment, key file, DATA_DIR outside production) is master-key.ts's business.
export { loadMasterKey } from "./master-key.js";

/** The process's keyring as configured: the current key and, during a rotation, the previous ones. */
export function loadFieldCipher(source: KeySource, notice?: (message: string) => void): FieldCipher {
  return new FieldCipher(loadMasterKey(source, notice), { previous: loadPreviousKeys(source) });
}

/** Written before key rotation existed: no key id; whichever key of the ring opens it (GCM proves which). */
const LEGACY = "v1";
/** `v2:<key id>:<iv | tag | ciphertext>`: the id names the key, so rotation and reads know it without trying. */
const VERSION = "v2";

/** The three keyed-hash subkeys (mac, search, audit checkpoint), 32 bytes each. */
const INDEX_MATERIAL_LENGTH = 96;

interface DataKey {
  id: string;
  fingerprint: string;
  encKey: Buffer;
  /** The keyed-hash subkeys this key would derive (used when the database's index keys come from it). */
  indexMaterial: Buffer;
}

function subkey(masterKey: Buffer, label: string): Buffer {
  return Buffer.from(crypto.hkdfSync("sha256", masterKey, Buffer.alloc(0), label, 32));
}

function dataKey(masterKey: Buffer): DataKey {
  if (masterKey.length !== 32) throw new Error("the encryption key must be 32 bytes");
  const fingerprint = crypto
    .createHmac("sha256", masterKey)
    .update("openclm key fingerprint v1")
    .digest()
    .subarray(0, 16)
    .toString("hex");
  return {
    // 32 bits of the fingerprint: enough to tell the few keys of one ring apart (FieldCipher refuses a clash).
    id: fingerprint.slice(0, 8),
    fingerprint,
    encKey: subkey(masterKey, "openclm/enc/v1"),
    // Separate subkeys per purpose, so a hash can never be confused with, or help attack, a ciphertext. A search
    // token of a word never equals the hash of a phone number made of it; the audit subkey signs the chain's
    // checkpoints, so someone who can rewrite the database cannot sign a recomputed chain.
    indexMaterial: Buffer.concat([
      subkey(masterKey, "openclm/mac/v1"),
      subkey(masterKey, "openclm/search/v1"),
      subkey(masterKey, "openclm/audit-checkpoint/v1"),
    ]),
  };
}

export interface FieldCipherOptions {
  /** Keys the data may still be encrypted with (during a rotation): read, never written with. */
  previous?: Buffer[];
}

/**
 * Encrypts personal data at rest (AES-256-GCM) and makes keyed hashes for matching without decrypting (e.g. the
 * salted phone hash used for duplicate detection). The master key never enters the database.
 *
 * A keyring: the current key encrypts; previous keys (during a rotation, docs/key-rotation.md) only decrypt. Each
 * ciphertext names its key. The keyed hashes (phone, device, tracking code, recovery codes, search tokens, audit
 * checkpoints) use index subkeys that rotation keeps: derived from the database's first key, and after a rotation
 * kept in the database encrypted under the current key (adoptIndexKeys).
 */
export class FieldCipher {
  private readonly current: DataKey;
  private readonly ring: Map<string, DataKey>;
  private macKey!: Buffer;
  private searchKey!: Buffer;
  private auditKey!: Buffer;

  constructor(masterKey: Buffer, options: FieldCipherOptions = {}) {
    this.current = dataKey(masterKey);
    this.ring = new Map([[this.current.id, this.current]]);
    for (const key of options.previous ?? []) {
      const k = dataKey(key);
      if (k.fingerprint === this.current.fingerprint) continue;
      if (this.ring.has(k.id)) throw new Error("two keys of the ring share a key id; generate another new key");
      this.ring.set(k.id, k);
    }
    this.adoptIndexKeys(this.current.indexMaterial);
  }

  /**
   * Names the current key without revealing it (HMAC-SHA-256 of a fixed label, 128 bits), so that every process on
   * one database can check it holds the key the data was written with (key-fingerprint.ts).
   */
  get fingerprint(): string {
    return this.current.fingerprint;
  }

  /** Fingerprints of the previous keys this process holds (read-only during a rotation). */
  get previousFingerprints(): string[] {
    return [...this.ring.values()].filter((k) => k !== this.current).map((k) => k.fingerprint);
  }

  /** The keyed-hash subkeys that key `fingerprint` of the ring derives, if the ring holds it. */
  indexMaterialOf(fingerprint: string): Buffer | undefined {
    return [...this.ring.values()].find((k) => k.fingerprint === fingerprint)?.indexMaterial;
  }

  /** The keyed-hash subkeys in use (to be kept, encrypted, when the key that derived them retires). */
  indexMaterial(): Buffer {
    return Buffer.concat([this.macKey, this.searchKey, this.auditKey]);
  }

  /** Uses these keyed-hash subkeys (read from the database, key-fingerprint.ts) instead of the current key's. */
  adoptIndexKeys(material: Buffer): void {
    if (material.length !== INDEX_MATERIAL_LENGTH) throw new Error("index key material must be 96 bytes");
    this.macKey = Buffer.from(material.subarray(0, 32));
    this.searchKey = Buffer.from(material.subarray(32, 64));
    this.auditKey = Buffer.from(material.subarray(64, 96));
  }

  encrypt(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = crypto.createCipheriv("aes-256-gcm", this.current.encKey, iv);
    const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    return `${VERSION}:${this.current.id}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64")}`;
  }

  decrypt(stored: string): string {
    const first = stored.indexOf(":");
    const version = stored.slice(0, first);
    if (version === VERSION) {
      const second = stored.indexOf(":", first + 1);
      const key = this.ring.get(stored.slice(first + 1, second));
      if (second < 0 || !key) throw new Error("ciphertext of a key this process does not hold");
      return open(key, stored.slice(second + 1));
    }
    if (version !== LEGACY || first < 0) throw new Error("unknown ciphertext format");
    const payload = stored.slice(first + 1);
    let failure: unknown;
    for (const key of this.ring.values()) {
      try {
        return open(key, payload);
      } catch (err) {
        failure = err;
      }
    }
    throw failure;
  }

  /** Whether `stored` is already encrypted with the current key (rotation skips it: never encrypted twice). */
  isCurrent(stored: string): boolean {
    return stored.startsWith(this.currentPrefix);
  }

  /** What every ciphertext under the current key starts with. */
  get currentPrefix(): string {
    return `${VERSION}:${this.current.id}:`;
  }

  encryptOptional(plaintext: string | null | undefined): string | null {
    return plaintext == null || plaintext === "" ? null : this.encrypt(plaintext);
  }

  decryptOptional(stored: string | null | undefined): string | null {
    return stored ? this.decrypt(stored) : null;
  }

  /** Keyed hash (HMAC-SHA-256) of a normalised value, for equality matching only. */
  hash(purpose: string, value: string): string {
    return crypto.createHmac("sha256", this.macKey).update(`${purpose}\0${value}`).digest("base64url");
  }

  /** HMAC-SHA-256 (hex) of an audit checkpoint's canonical text (audit/audit.checkpoint.ts). */
  auditCheckpointMac(text: string): string {
    return crypto.createHmac("sha256", this.auditKey).update(text).digest("hex");
  }

  /**
   * Blind-index token of one normalised word (reports/search-words.ts): HMAC-SHA-256 truncated to 96 bits, 16
   * base64url characters. Equal words give equal tokens; without the key a token tells nothing about its word.
   */
  searchToken(word: string): string {
    return crypto.createHmac("sha256", this.searchKey).update(word).digest().subarray(0, 12).toString("base64url");
  }
}

function open(key: DataKey, payload: string): string {
  const raw = Buffer.from(payload, "base64");
  const decipher = crypto.createDecipheriv("aes-256-gcm", key.encKey, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}
