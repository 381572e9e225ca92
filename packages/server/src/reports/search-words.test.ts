import assert from "node:assert/strict";
import crypto from "node:crypto";
import { test } from "node:test";
import { FieldCipher } from "../crypto/field-cipher.js";
import { indexTerms, MAX_SEARCH_TOKENS, MAX_SEARCH_WORDS, searchTokens, searchWords } from "./search-words.js";

test("words are folded to lower case without diacritics, split on anything but letters and digits", () => {
  assert.deepEqual(searchWords("Médicaments ÉPUISÉS; X-ray costs 500/month"), [
    "medicaments",
    "epuises",
    "ray",
    "costs",
    "500",
    "month",
  ]);
  assert.deepEqual(searchWords("ＴＢ clinic ﬁnished"), ["clinic", "finished"], "compatibility forms too (NFKD)");
  assert.deepEqual(searchWords("Лекарств нет, ВРАЧ ушёл"), ["лекарств", "врач", "ушел"]);
  assert.deepEqual(searchWords("Não há remédios na farmácia"), ["remedios", "farmacia"]);
});

test("short words, common words of each language and repeats are left out", () => {
  assert.deepEqual(searchWords("The nurse and the other nurse were not there, TB is a disease"), [
    "nurse",
    "other",
    "disease",
  ]);
  assert.deepEqual(searchWords("Les médicaments pour les enfants"), ["medicaments", "enfants"]);
  assert.deepEqual(searchWords("Это очень плохо"), ["плохо"]);
  assert.deepEqual(searchWords(null), []);
});

test("a long text gives at most MAX_SEARCH_WORDS words", () => {
  const text = Array.from({ length: 500 }, (_, i) => `word${i}`).join(" ");
  const words = searchWords(text);
  assert.equal(words.length, MAX_SEARCH_WORDS);
  assert.equal(words[0], "word0");
});

test("tokens are keyed: equal words agree under one key and differ under another", () => {
  const key = crypto.randomBytes(32);
  const a = searchTokens(new FieldCipher(key), "Médicaments");
  assert.deepEqual(a, searchTokens(new FieldCipher(key), "MEDICAMENTS"));
  assert.notDeepEqual(a, searchTokens(new FieldCipher(crypto.randomBytes(32)), "medicaments"));
});

test("each word is indexed with its beginnings of 4 letters or more, so a search for a beginning finds it", () => {
  assert.deepEqual(indexTerms("Pills, Médicaments"), [
    "pill",
    "pills",
    "medi",
    "medic",
    "medica",
    "medicam",
    "medicame",
    "medicamen",
    "medicament",
    "medicaments",
  ]);
  assert.deepEqual(indexTerms("fee paid"), ["fee", "paid"], "short words are kept whole, with no shorter beginning");
  assert.deepEqual(indexTerms("лекарства"), ["лека", "лекар", "лекарс", "лекарст", "лекарств", "лекарства"]);
  const long = Array.from({ length: 200 }, (_, i) => `x${String(i).padStart(3, "0")}pharmacology`).join(" ");
  assert.equal(indexTerms(long).length, MAX_SEARCH_TOKENS, "bounded per report");
});
