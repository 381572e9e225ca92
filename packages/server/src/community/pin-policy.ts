import { dictionary } from "@zxcvbn-ts/language-common";

export type PinProblem = "same_digit" | "sequence" | "repeated_pattern" | "keypad_pattern" | "date" | "common_password";

/** Patterns people pick because they are easy to press on a phone keypad, not because they are numeric runs. */
const KEYPAD_PATTERNS = new Set([
  "147258",
  "258369",
  "147852",
  "159753",
  "159357",
  "753951",
  "123654",
  "789456",
  "456789123",
  "112233",
  "123321",
  "654456",
  "101010",
  "102030",
  "100200",
  "147369",
  "258147",
  "963852",
  "741852",
  "852963",
  "369258",
  "142536",
  "13579",
  "24680",
  "1234567890",
]);

/** Each digit one above (or below) the last, wrapping round (…8, 9, 0, 1…): 123456, 987654, 890123. */
function isSequence(pin: string): boolean {
  const steps = new Set<number>();
  for (let i = 1; i < pin.length; i++) steps.add((Number(pin[i]) - Number(pin[i - 1]) + 10) % 10);
  return steps.size === 1 && (steps.has(1) || steps.has(9));
}

/** A short block repeated to the full length: 121212, 123123, 12341234. */
function isRepeatedPattern(pin: string): boolean {
  for (let size = 2; size <= pin.length / 2; size++) {
    if (pin.length % size === 0 && pin.slice(0, size).repeat(pin.length / size) === pin) return true;
  }
  return false;
}

function isDay(d: number, m: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/**
 * A birthday or other date, the first guess of anyone who knows the person: DDMMYY, MMDDYY, YYMMDD, and with a
 * four-digit year from 1900 to 2099, DDMMYYYY, MMDDYYYY, YYYYMMDD.
 */
function isDate(pin: string): boolean {
  const n = (from: number, len: number) => Number(pin.slice(from, from + len));
  if (pin.length === 6) return isDay(n(0, 2), n(2, 2)) || isDay(n(2, 2), n(0, 2)) || isDay(n(4, 2), n(2, 2));
  if (pin.length === 8) {
    const year = (y: number) => y >= 1900 && y <= 2099;
    return (
      (year(n(4, 4)) && (isDay(n(0, 2), n(2, 2)) || isDay(n(2, 2), n(0, 2)))) ||
      (year(n(0, 4)) && isDay(n(6, 2), n(4, 2)))
    );
  }
  return false;
}

/** The common-password list (bundled with zxcvbn-ts), lower-cased: "password", "iloveyou", "12345678" … */
const common = new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));

/**
 * Why a community PIN (all digits) or password would be guessed first, or null. A PIN is refused when it is one digit
 * repeated, a run up or down, a short block repeated, a keypad shape, a date or on the common list; a password when
 * it is on the common list. The community secret stands between an abuser with the phone and the person's reports.
 */
export function communitySecretProblem(secret: string): PinProblem | null {
  if (/^\d+$/.test(secret)) {
    if (new Set(secret).size === 1) return "same_digit";
    if (isSequence(secret)) return "sequence";
    if (isRepeatedPattern(secret)) return "repeated_pattern";
    if (KEYPAD_PATTERNS.has(secret)) return "keypad_pattern";
    if (isDate(secret)) return "date";
  }
  return common.has(secret.toLowerCase()) ? "common_password" : null;
}
