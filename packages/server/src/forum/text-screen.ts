import type { ForumSetting, ModerationReason } from "@openclm/contracts";
import { commentFlags } from "../ratings/comment-flags.js";

/**
 * Links, written as people write them: a scheme, "www.", or a name with a common top-level domain ("bit.ly/x",
 * "example.org"). Generous on purpose: a false hold costs a moderator's look, a missed one can lead someone to a
 * scam or to a page that names them.
 */
const LINK =
  /(?:\b[a-z][a-z0-9+.-]*:\/\/|\bwww\.|\b[\p{L}\p{N}-]+\.(?:com|org|net|info|io|ly|me|co|app|site|online|xyz|ru|fr|pt|br|ng|za|ke|ug|in|uk)\b)/iu;

/** What in a text needs a moderator before peers read it: personal data (phone, e-mail) and links. */
export function automaticHolds(text: string): ModerationReason[] {
  const flags = commentFlags(text);
  return [
    ...(flags.includes("phone") ? (["phone"] as const) : []),
    ...(flags.includes("email") ? (["email"] as const) : []),
    ...(LINK.test(text) ? (["link"] as const) : []),
  ];
}

/**
 * Lower case, accents kept, every run of other characters one space: "Kill   MYSELF!" matches "kill myself". Marks
 * (\p{M}) belong to their word: Khmer, Devanagari and others write vowels as combining marks.
 */
const normalise = (s: string) =>
  ` ${s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, " ")
    .trim()} `;

/** Scripts written without spaces between words: a keyword in them is found anywhere, not as a whole word. */
const UNSPACED =
  /[\p{Script=Khmer}\p{Script=Thai}\p{Script=Lao}\p{Script=Myanmar}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * Whether the text holds one of the country's crisis keywords: as whole words or phrases ("die" is not in "diet"),
 * or anywhere for a keyword in a script without spaces between words ("ចង់ស្លាប់" in "ហើយចង់ស្លាប់").
 */
export function hasCrisisKeyword(text: string, keywords: ForumSetting["crisisKeywords"]): boolean {
  const haystack = normalise(text);
  return keywords.some((k) => {
    const needle = normalise(k);
    if (needle.trim().length === 0) return false;
    return haystack.includes(UNSPACED.test(needle) ? needle.trim() : needle);
  });
}
