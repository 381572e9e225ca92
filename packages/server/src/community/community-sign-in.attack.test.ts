import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { DEFAULT_LIMITS } from "../platform/rate-limit-settings.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";

/** Issue 22 item 3 for community accounts (nickname + PIN): the same rules as staff sign-in. */
describe("attack: locking a community member out by failing PINs", () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ demo: false });
  });
  after(async () => t.close());

  // Registration answers the account name with its random tag; that whole name signs in.
  let nickname = "riverbank";
  const login = (secret: string, remoteAddress: string) =>
    t.app.inject({
      method: "POST",
      url: "/api/community/login",
      payload: { nickname, secret },
      remoteAddress,
    });

  test("wrong PINs lock only the address that typed them; the member signs in elsewhere and is told", async () => {
    const reg = await t.app.inject({
      method: "POST",
      url: "/api/community/accounts",
      payload: { nickname: "riverbank", secret: "583920" },
    });
    assert.equal(reg.statusCode, 201, reg.body);
    nickname = reg.json().nickname;
    const attacker = "203.0.113.200";
    for (let i = 0; i < DEFAULT_LIMITS.signIn.pair.free + 1; i++) {
      assert.equal((await login(`11${i}999`, attacker)).statusCode, 401);
    }
    const locked = await login("583920", attacker);
    assert.equal(locked.statusCode, 429, "the right PIN waits from the address that kept failing");
    assert.equal(locked.json().error.code, "RATE_LIMITED");
    assert.ok(Number(locked.headers["retry-after"]) > 0);

    const owner = await login("583920", "198.51.100.20");
    assert.equal(owner.statusCode, 200, owner.body);
    assert.equal(owner.json().securityNotice.failedAttempts, DEFAULT_LIMITS.signIn.pair.free + 1);
  });
});
