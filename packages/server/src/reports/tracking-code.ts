import type { FieldCipher } from "../crypto/field-cipher.js";
import { randomChars } from "../crypto/random-choice.js";

/**
 * Tracking codes are read aloud and typed on feature phones: 8 characters from an alphabet without look-alikes
 * (no 0/O, 1/I/L), shown as `XXXX-XXXX`. 31^8 ≈ 8.5 × 10^11 codes; with per-IP rate limiting on the tracking
 * route, guessing a live one is out of reach.
 */
export const TRACKING_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const CODE_LENGTH = 8;

export function newTrackingCode(): string {
  const chars = randomChars(TRACKING_ALPHABET, CODE_LENGTH);
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/**
 * The canonical form of what a person typed: upper case, separators dropped, look-alikes mapped (O→0 is not in
 * the alphabet, so O and 0 are refused rather than guessed). Returns null when it cannot be a tracking code.
 */
export function normaliseTrackingCode(typed: string): string | null {
  const compact = typed.toUpperCase().replace(/[\s-]/g, "");
  if (compact.length !== CODE_LENGTH) return null;
  for (const ch of compact) if (!TRACKING_ALPHABET.includes(ch)) return null;
  return `${compact.slice(0, 4)}-${compact.slice(4)}`;
}

/** What finds a report by its (normalised) code: a keyed hash, so a database dump without the key reveals none. */
export function trackingCodeHash(cipher: FieldCipher, code: string): string {
  return cipher.hash("tracking_code", code);
}

/** What finds reports by the first group of a code (`K7QM`), for staff reading it off a caller. */
export function trackingPrefixHash(cipher: FieldCipher, firstGroup: string): string {
  return cipher.hash("tracking_prefix", firstGroup);
}

/** The columns that store a code: its hashes for lookup and the code encrypted, for staff to read out. */
export function trackingCodeColumns(cipher: FieldCipher, code: string) {
  return {
    trackingCodeHash: trackingCodeHash(cipher, code),
    trackingPrefixHash: trackingPrefixHash(cipher, code.slice(0, 4)),
    trackingCodeEnc: cipher.encrypt(code),
  };
}
