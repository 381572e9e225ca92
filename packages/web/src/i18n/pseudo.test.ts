import assert from "node:assert/strict";
import { test } from "node:test";
import { PSEUDO_CLOSE, PSEUDO_OPEN, pseudolocalize, pseudoString } from "./pseudo.js";

test("pseudo strings are bracketed, accented and longer, with placeholders intact", () => {
  const out = pseudoString("Call {{phone}} now");
  assert.ok(out.startsWith(PSEUDO_OPEN) && out.endsWith(PSEUDO_CLOSE));
  assert.ok(out.includes("{{phone}}"));
  assert.ok(out.includes("Çáļļ"));
  assert.ok(out.length > "Call {{phone}} now".length);
});

test("whole catalogs are transformed, keys untouched", () => {
  const out = pseudolocalize({ a: "Home", nested: { b: "Back" } });
  assert.deepEqual(Object.keys(out), ["a", "nested"]);
  assert.ok(out.nested.b.startsWith(PSEUDO_OPEN));
});
