import unhomoglyph from "unhomoglyph";
import { randomChars } from "../crypto/random-choice.js";
import { commentFlags } from "../ratings/comment-flags.js";

/**
 * The comparison key of a nickname, after Unicode TR39's skeleton: compatibility-normalised (NFKC: "Ａｎｎａ" is
 * "Anna"), case folded, decomposed, every confusable character replaced by its prototype from Unicode's
 * confusables.txt (the `unhomoglyph` package carries that table), decomposed again and folded again. Two nicknames
 * that look alike ("Anna", "Аnna" with a Cyrillic А, "ANNA", "Annа") have the same key; only one can exist.
 */
export function nicknameKey(nickname: string): string {
  const folded = nickname.normalize("NFKC").trim().toLowerCase().normalize("NFD");
  return unhomoglyph(folded).normalize("NFD").toLowerCase();
}

/** How a nickname is shown and stored: compatibility-normalised, so "Ａｎｎａ" (full width) is stored as "Anna". */
export function displayNickname(typed: string): string {
  return typed.normalize("NFKC").trim();
}

const TAG_DIGITS = "0123456789";

/**
 * Every new account gets a random four-digit tag after the nickname chosen ("Anna-4821"), and signs in with the
 * whole name. Registration therefore never answers "taken": whether "Anna" already exists changes nothing in the
 * answer, so nobody can find out which nicknames are registered (docs/adr/0012-community-nicknames-and-pins.md). After a few
 * collisions of the tag itself, the tag grows to six digits.
 */
export function taggedNickname(base: string, attempt: number): string {
  return `${base}-${randomChars(TAG_DIGITS, attempt < 4 ? 4 : 6)}`;
}

/**
 * Why a nickname may not be used, or null. A forum nickname must not identify its owner (issue 18 item 1): no phone
 * number (seven or more digits in a row, as ratings/comment-flags.ts finds them), no e-mail-like name, and nothing shaped like a first and last name
 * ("Grace.Banda", "Grace_Banda", "GraceBanda"): two to four capitalised words joined. One word ("Grace",
 * "Amina-TB") or lower-case words ("moon_star") pass: without a list of every country's names, capitals are the sign.
 */
export function nicknameProblem(typed: string): "phone" | "email" | "real_name" | null {
  const name = displayNickname(typed);
  if (commentFlags(name).includes("phone")) return "phone";
  if (/@|\.(?:com|org|net)$/i.test(name)) return "email";
  const parts = name
    .replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2")
    .split(/[\s_.-]+/u)
    .filter(Boolean);
  // "Grace.Banda", "Grace_Banda", "GraceBanda": two to four capitalised words joined, as a full name is written.
  if (parts.length >= 2 && parts.length <= 4 && parts.every((p) => /^\p{Lu}\p{Ll}+$/u.test(p))) return "real_name";
  return null;
}
