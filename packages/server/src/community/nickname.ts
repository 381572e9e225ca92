import unhomoglyph from "unhomoglyph";
import { randomChars } from "../crypto/random-choice.js";

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
