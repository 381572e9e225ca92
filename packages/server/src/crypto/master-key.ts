import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { StartupError } from "../platform/startup-error.js";

/** Told to whoever must supply a key. */
export const KEY_HOW_TO =
  "make one with `openssl rand -base64 32` or " +
  "`node -e \"console.log(require('node:crypto').randomBytes(32).toString('base64'))\"`";

/** A problem with the encryption key that stops start-up. */
export class KeyError extends StartupError {}

/** The 32-byte key written as base64 (what `openssl rand -base64 32` prints), or undefined when the text is not one. */
export function decodeKey(text: string): Buffer | undefined {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed)) return undefined;
  const key = Buffer.from(trimmed, "base64");
  return key.length === 32 ? key : undefined;
}

/** Whether `file` lies in `dir` or below it, after following symbolic links (so a link cannot hide it). */
export function isInside(file: string, dir: string): boolean {
  const rel = path.relative(realPath(dir), realPath(file));
  return rel === "" || (rel.split(path.sep)[0] !== ".." && !path.isAbsolute(rel));
}

function realPath(p: string): string {
  try {
    return fs.realpathSync.native(p);
  } catch {
    // Not there (yet): resolve its folder, which may be a link, and keep the name.
    const parent = path.dirname(path.resolve(p));
    return parent === path.resolve(p) ? parent : path.join(realPath(parent), path.basename(p));
  }
}

export interface KeySource {
  encryptionKey?: string;
  encryptionKeyFile?: string;
  dataDir: string;
  /** Keys of before a rotation (CLM_ENCRYPTION_PREVIOUS_KEYS), comma-separated, or a file of them, one a line. */
  previousKeys?: string;
  previousKeysFile?: string;
}

/** Several base64 keys written in one text: separated by commas, spaces or lines. */
export function splitKeys(text: string): string[] {
  return text.split(/[\s,]+/).filter((k) => k !== "");
}

/** The keys the data may still be encrypted with during a rotation (docs/key-rotation.md); none outside one. */
export function loadPreviousKeys(source: KeySource): Buffer[] {
  if (source.previousKeys !== undefined) {
    return splitKeys(source.previousKeys).map((text) => {
      const key = decodeKey(text);
      if (!key) throw new KeyError("CLM_ENCRYPTION_PREVIOUS_KEYS: each key must be 32 bytes encoded as base64");
      return key;
    });
  }
  if (!source.previousKeysFile) return [];
  const name = "CLM_ENCRYPTION_PREVIOUS_KEYS_FILE";
  return splitKeys(readPrivateFile(source.previousKeysFile, name)).map((text) => {
    const key = decodeKey(text);
    if (!key) throw new KeyError(`${name}: every line of ${source.previousKeysFile} must be a 32-byte base64 key`);
    return key;
  });
}

/**
 * The master key: from CLM_ENCRYPTION_KEY, else from the file CLM_ENCRYPTION_KEY_FILE names, else (outside production,
 * which config.ts refuses) from DATA_DIR/encryption.key, generated on first use; `notice` is told when it is.
 */
export function loadMasterKey(source: KeySource, notice: (message: string) => void = () => {}): Buffer {
  if (source.encryptionKey !== undefined) {
    const key = decodeKey(source.encryptionKey);
    if (!key) throw new KeyError(`CLM_ENCRYPTION_KEY must be 32 bytes encoded as base64; ${KEY_HOW_TO}`);
    return key;
  }
  if (source.encryptionKeyFile) return readKeyFile(source.encryptionKeyFile, "CLM_ENCRYPTION_KEY_FILE");
  const file = path.join(source.dataDir, "encryption.key");
  if (generateKeyFile(file)) {
    notice(
      `generated a new encryption key in ${file}. That will do for a demo or for development; in production set ` +
        "CLM_ENCRYPTION_KEY or CLM_ENCRYPTION_KEY_FILE (a file outside DATA_DIR)",
    );
  }
  return readKeyFile(file, "DATA_DIR key");
}

/** Writes a fresh key to `file` unless one is there; the link makes it appear whole, never half written. */
function generateKeyFile(file: string): boolean {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const draft = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(draft, `${crypto.randomBytes(32).toString("base64")}\n`, { mode: 0o600 });
  try {
    fs.linkSync(draft, file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw err;
  } finally {
    fs.rmSync(draft, { force: true });
  }
}

/** Reads a key file, refusing one that other users may read or change: the key is worth every record it protects. */
function readKeyFile(file: string, name: string): Buffer {
  const key = decodeKey(readPrivateFile(file, name));
  if (!key) throw new KeyError(`${name}: ${file} does not hold a 32-byte key encoded as base64; ${KEY_HOW_TO}`);
  return key;
}

function readPrivateFile(file: string, name: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") throw new KeyError(`${name}: ${file} does not exist`);
    throw err;
  }
  if (!stat.isFile()) throw new KeyError(`${name}: ${file} is not a file`);
  const mode = stat.mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new KeyError(
      `${name}: ${file} is open to other users (mode ${mode.toString(8).padStart(4, "0")}); ` +
        `let only its owner read it: chmod 600 ${file}`,
    );
  }
  return fs.readFileSync(file, "utf8");
}
