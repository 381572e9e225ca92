import type { FieldCipher } from "../crypto/field-cipher.js";

/**
 * The words of a report's free text that the inbox can search for (ADR 0011). The description is stored encrypted;
 * only keyed tokens of these words are stored beside it. The same normalisation runs on the text when a report is
 * stored and on what a responder types, so changing it means re-tokenising every report (`npm run search:reindex
 * -- --all`).
 */
export const MIN_WORD_LENGTH = 3;
/** Bounds the index entries one report adds (a 4,000-character description holds some 600 words). */
export const MAX_SEARCH_WORDS = 200;
/**
 * The shortest beginning of a word that is indexed on its own, so that "pill" finds "pills" and "medic" finds
 * "medicines" (ADR 0011: each beginning is one more keyed token, linkable like a word; shorter ones would link
 * most reports to each other and tell little to the person searching).
 */
export const MIN_PREFIX_LENGTH = 4;
/** Bounds the tokens of one report once beginnings are added (200 words of 5 letters on average give about 600). */
export const MAX_SEARCH_TOKENS = 1000;

/**
 * Frequent words that would match most reports, per language, written as they are after normalisation (lower case,
 * no diacritics). Words that mean something in another of the languages are left out (French "son", "car").
 */
const STOP_WORDS = new Set(
  [
    // en
    "the and for are but not you all any can had has have her him his how its our out she was were what when where",
    "which who why will with this that these those they them their there then than from into been being did does",
    "would could should about after before over under again very just also only some such your because while here",
    // fr
    "les des une est pas que qui pour par dans sur avec sans mais donc ses sont ont aux elle elles ils nous vous",
    "leur leurs cette ces cet mon mes tes notre nos votre vos etait ete etre avoir avait fait tout tous toute",
    "toutes plus tres comme meme aussi alors lui moi toi quand sous entre",
    // ru (й and ё fold to и and е)
    "это как так что его она они оно мне меня нас вас был была были было быть для при без над под или уже еще",
    "только тоже также все том тот эта эти этот мои наш ваш чем где когда потому есть нет очень если кто вот",
    // pt
    "nao com uma para por mais dos das nas como mas foi ele ela eles elas seu sua seus suas sem tem ser sao esta",
    "estava isso isto esse essa este aos pelo pela pelos pelas muito tambem quando onde meu minha nosso nossa",
    "depois ainda",
  ]
    .join(" ")
    .split(" "),
);

/** Lower case, compatibility-decomposed (NFKD) with the diacritics dropped: "Médicaments" and "medicaments" agree. */
function fold(text: string): string {
  return text.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "");
}

/** The distinct searchable words of a text, in order of first appearance, at most MAX_SEARCH_WORDS. */
export function searchWords(text: string | null | undefined): string[] {
  if (!text) return [];
  const words = new Set<string>();
  for (const word of fold(text).split(/[^\p{L}\p{N}]+/u)) {
    if ([...word].length < MIN_WORD_LENGTH || STOP_WORDS.has(word)) continue;
    words.add(word);
    if (words.size === MAX_SEARCH_WORDS) break;
  }
  return [...words];
}

/**
 * What is indexed for a text: each word and each of its beginnings of MIN_PREFIX_LENGTH letters or more. A word
 * searched is looked up as it is, so it finds the reports holding it as a word or as the beginning of one.
 */
export function indexTerms(text: string | null | undefined): string[] {
  const terms = new Set<string>();
  for (const word of searchWords(text)) {
    const letters = [...word];
    for (let n = MIN_PREFIX_LENGTH; n < letters.length; n++) terms.add(letters.slice(0, n).join(""));
    terms.add(word);
    if (terms.size >= MAX_SEARCH_TOKENS) break;
  }
  return [...terms].slice(0, MAX_SEARCH_TOKENS);
}

/** The blind-index tokens stored with a report: one keyed hash per indexed term (a word or a word's beginning). */
export function searchTokens(cipher: FieldCipher, text: string | null | undefined): string[] {
  return indexTerms(text).map((w) => cipher.searchToken(w));
}
