import assert from "node:assert/strict";
import { test } from "node:test";
import { contrastRatio, mixWithWhite } from "@openclm/contracts";

test("contrast ratios match the WCAG reference values", () => {
  assert.equal(Math.round(contrastRatio("#000000", "#ffffff") * 100) / 100, 21);
  assert.equal(contrastRatio("#777777", "#777777"), 1);
  // #767676 is the lightest grey that passes 4.5:1 on white; #777777 just fails.
  assert.ok(contrastRatio("#767676", "#ffffff") >= 4.5);
  assert.ok(contrastRatio("#777777", "#ffffff") < 4.5);
});

test("a tint mixes towards white", () => {
  assert.equal(mixWithWhite("#000000", 0.5), "#808080");
  assert.equal(mixWithWhite("#0b5c66", 0), "#0b5c66");
  assert.equal(mixWithWhite("#0b5c66", 1), "#ffffff");
});
