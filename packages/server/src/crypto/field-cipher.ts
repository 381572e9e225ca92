import crypto from "node:crypto";
import { randomBytes } from "./random-pool.js";

// Where the key comes from (environment, key file, DATA_DIR outside production) is master-key.ts's business.
export { loadMasterKey } from "./master-key.js";

const VERSION = "v1";

/**
 * Encrypts personal data at rest (AES-256-GCM) and makes keyed hashes for matching without decrypting (e.g. the
 * salted phone hash used for duplicate detection). The master key never enters the database.
 */
export class FieldCipher {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;
  private readonly searchKey: Buffer;
  /**
   * Names the key without revealing it (HMAC-SHA-256 of a fixed label, 128 bits), so that every process on one
   * database can check it holds the key the data was written with (key-fingerprint.ts).
   */
  readonly fingerprint: string;
  private readonly auditKey: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error("the encryption key must be 32 bytes");
    this.fingerprint = crypto
      .createHmac("sha256", masterKey)
      .update("openclm key fingerprint v1")
      .digest()
      .subarray(0, 16)
      .toString("hex");
    // Separate subkeys per purpose, so a hash can never be confused with, or help attack, a ciphertext.
    this.encKey = Buffer.from(crypto.hkdfSync("sha256", masterKey, Buffer.alloc(0), "openclm/enc/v1", 32));
    this.macKey = Buffer.from(crypto.hkdfSync("sha256", masterKey, Buffer.alloc(0), "openclm/mac/v1", 32));
    // Its own subkey too: a search token of a word never equals the hash of a phone number or device made of it.
    this.searchKey = Buffer.from(crypto.hkdfSync("sha256", masterKey, Buffer.alloc(0), "openclm/search/v1", 32));
    // Signs the audit chain's checkpoints: someone who can rewrite the database cannot sign a recomputed chain.
    this.auditKey = Buffer.from(
      crypto.hkdfSync("sha256", masterKey, Buffer.alloc(0), "openclm/audit-checkpoint/v1", 32),
    );
  }

  encrypt(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = crypto.createCipheriv("aes-256-gcm", this.encKey, iv);
    const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64")}`;
  }

  decrypt(stored: string): string {
    const [version, payload] = stored.split(":", 2);
    if (version !== VERSION || !payload) throw new Error("unknown ciphertext format");
    const raw = Buffer.from(payload, "base64");
    const decipher = crypto.createDecipheriv("aes-256-gcm", this.encKey, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
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
