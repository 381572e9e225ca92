import assert from "node:assert/strict";
import { test } from "node:test";
import { phoneKey } from "./phone.js";

test("a national number and its international form give one key", () => {
  assert.equal(phoneKey("84 123 4567", "MZ"), "258841234567");
  assert.equal(phoneKey("+258 84 123 4567", "MZ"), "258841234567");
  assert.equal(phoneKey("00258 84 123 4567", "MZ"), "258841234567");
  // Ukraine and Indonesia dial a trunk 0 at home, which the international form leaves out.
  assert.equal(phoneKey("067 123 4567", "UA"), "380671234567");
  assert.equal(phoneKey("+380 67 123 4567", "UA"), "380671234567");
  assert.equal(phoneKey("0812-3456-7890", "ID"), "6281234567890");
});

test("an international number keeps its own country, whatever the country settings say", () => {
  assert.equal(phoneKey("+258 84 123 4567", "UA"), "258841234567");
  assert.equal(phoneKey("+258 84 123 4567", null), "258841234567");
});

test("without a known country plan the digits are used as typed", () => {
  assert.equal(phoneKey("84 123 4567", "DL"), "841234567");
  assert.equal(phoneKey("84 123 4567", null), "841234567");
  assert.equal(phoneKey("0041 79 000 0000", null), "41790000000");
  assert.equal(phoneKey("+999 77 000 1111", "MZ"), "999770001111");
});
