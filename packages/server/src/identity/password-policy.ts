import { dictionary } from "@zxcvbn-ts/language-common";

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

/** The ~50k most common passwords (bundled with zxcvbn-ts), lower-cased. */
const common = new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));

export type PasswordProblem = "too_short" | "too_long" | "common" | "repetitive" | "contains_email";

/**
 * Length first (NIST 800-63B), then the bundled list of common passwords — also after stripping the digits and
 * symbols people append ("Password2024!" is "password"), and no single repeated character or the account's email.
 */
export function checkPassword(password: string, email?: string): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return "too_short";
  if (password.length > MAX_PASSWORD_LENGTH) return "too_long";
  const lower = password.toLowerCase();
  const stem = lower.replace(/[\d\W_]+$/u, "").replace(/^[\d\W_]+/u, "");
  if (common.has(lower) || (stem.length >= 4 && common.has(stem))) return "common";
  if (new Set(lower).size <= 2) return "repetitive";
  const local = email?.toLowerCase().split("@")[0];
  if (local && local.length >= 4 && lower.includes(local)) return "contains_email";
  return null;
}
