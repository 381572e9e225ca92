import type { RatingFlag } from "@openclm/contracts";

/**
 * Why a rating's comment needs a careful read before it is published: it seems to hold a phone number, an e-mail
 * address or a person's name. Every comment waits for a data manager anyway; a flag says where to look, and the
 * review list shows flagged comments first. Deliberately generous: a false flag costs a second look, a missed one
 * publishes somebody's number.
 */
export function commentFlags(text: string): RatingFlag[] {
  const flags: RatingFlag[] = [];
  // Seven or more digits, allowing spaces, dots, dashes, brackets and a leading +, as people write numbers.
  if (/(?:\+?\d[\s().-]*){7,}/.test(text)) flags.push("phone");
  if (/[^\s@]+@[^\s@]+\.[^\s@]{2,}/.test(text) || /\b(?:at|dot)\b.*\b(?:com|org|net)\b/i.test(text))
    flags.push("email");
  if (namePattern(text)) flags.push("name");
  return flags;
}

/** Titles people put before a name, in the platform's languages. */
const TITLES =
  /(?:^|[^\p{L}])(?:dr|doctor|docteur|doutor|doutora|nurse|sister|mr|mrs|ms|miss|madame|mme|monsieur|sr|sra|senhor|senhora|enfermeira|enfermeiro|infirmi[eè]re?|врач|доктор|медсестра)\.?\s+(\p{L})/giu;
const INTRODUCERS = /(?:named|called|name is|nommée?|appelée?|chamad[ao]|зовут)\s+(\p{L})/giu;
const upper = (c: string | undefined) => !!c && c !== c.toLowerCase() && c === c.toUpperCase();

/** A title followed by a capitalised word, "named X", or two capitalised words in the middle of a sentence. */
function namePattern(text: string): boolean {
  for (const re of [TITLES, INTRODUCERS]) for (const m of text.matchAll(re)) if (upper(m[1])) return true;
  // Two capitalised words in a row that do not start a sentence ("… and Grace Banda told me …").
  return /[\p{Ll},;:]\s+\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+/u.test(text);
}
