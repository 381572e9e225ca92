import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { checkPassword } from "./password-policy.js";

test("refuses short, common, repetitive and email-based passwords", () => {
  assert.equal(checkPassword("short-pass1"), "too_short");
  assert.equal(checkPassword("qwerty123456"), "common");
  assert.equal(checkPassword("Password2024!"), "common");
  assert.equal(checkPassword("aaaaaaaaaaaaaa"), "repetitive");
  assert.equal(checkPassword("amina.kurbanova-99", "amina.kurbanova@clinic.example"), "contains_email");
  assert.equal(checkPassword("x".repeat(300)), "too_long");
});

test("accepts long uncommon passphrases", () => {
  assert.equal(checkPassword("river-lantern-4-ochre-mango"), null);
  assert.equal(checkPassword("Ёлка и лампа в Душанбе"), null);
});

test("property: anything shorter than 12 characters is refused, whatever it holds", () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 11, unit: "grapheme" }), (p) => {
      assert.equal(checkPassword(p), [...p].length < 12 ? "too_short" : checkPassword(p));
    }),
  );
});
