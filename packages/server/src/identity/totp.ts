import crypto from "node:crypto";
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from "@oslojs/encoding";
import { createTOTPKeyURI, generateHOTP } from "@oslojs/otp";
import { renderSVG } from "uqr";
import { type ByteSource, randomChars } from "../crypto/random-choice.js";

const PERIOD = 30;
const DIGITS = 6;

export function newTotpSecret(): string {
  return encodeBase32UpperCaseNoPadding(crypto.randomBytes(20));
}

export function currentStep(now = Date.now()): number {
  return Math.floor(now / 1000 / PERIOD);
}

export function totpCode(secret: string, step = currentStep()): string {
  return generateHOTP(decodeBase32IgnorePadding(secret), BigInt(step), DIGITS);
}

/**
 * Accepts a code from the previous, current or next 30-second step (clock drift), but only from a step later than
 * the last one used: a code cannot be replayed, and an older code is stale once a newer one has been used.
 * Returns the matched step, or null.
 */
export function matchTotp(secret: string, code: string, lastUsedStep: number, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const step = currentStep(now);
  for (const candidate of [step - 1, step, step + 1]) {
    if (candidate <= lastUsedStep) continue;
    const expected = Buffer.from(totpCode(secret, candidate));
    if (crypto.timingSafeEqual(expected, Buffer.from(code))) return candidate;
  }
  return null;
}

export function otpauthUri(issuer: string, account: string, secret: string): string {
  return createTOTPKeyURI(issuer, account, decodeBase32IgnorePadding(secret), PERIOD, DIGITS);
}

/** QR code rendered by the platform itself, as an SVG data URL (no third-party QR service sees the secret). */
export function qrDataUrl(text: string): string {
  const svg = renderSVG(text, { ecc: "M", border: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

export const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** Ten one-time recovery codes like "k4p9-2xqm-7vtr", every character equally likely (rejection sampling). */
export function newRecoveryCodes(count = 10, source?: ByteSource): string[] {
  return Array.from({ length: count }, () => {
    const chars = randomChars(RECOVERY_ALPHABET, 12, source);
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  });
}
