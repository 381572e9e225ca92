import assert from "node:assert/strict";
import { test } from "node:test";
import { currentStep, matchTotp, newRecoveryCodes, newTotpSecret, totpCode } from "./totp.js";

test("a current code is accepted once; replays and older codes are refused", () => {
  const secret = newTotpSecret();
  const now = Date.now();
  const step = currentStep(now);
  const code = totpCode(secret, step);
  assert.equal(matchTotp(secret, code, 0, now), step);
  assert.equal(matchTotp(secret, code, step, now), null, "replay refused");
  assert.equal(matchTotp(secret, totpCode(secret, step - 1), step, now), null, "older step refused");
  assert.equal(matchTotp(secret, totpCode(secret, step - 3), 0, now), null, "stale code refused");
  assert.equal(matchTotp(secret, "12345", 0, now), null);
  assert.equal(matchTotp(secret, "abcdef", 0, now), null);
});

test("recovery codes are distinct and readable", () => {
  const codes = newRecoveryCodes();
  assert.equal(new Set(codes).size, 10);
  for (const c of codes) assert.match(c, /^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
});
