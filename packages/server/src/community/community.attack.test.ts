import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import { cookieFrom } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";
import { nicknameKey } from "./nickname.js";
import { communitySecretProblem } from "./pin-policy.js";

/**
 * Attacks on community accounts (issue 22 item 7): PINs an abuser guesses first, registration and sign-in used to
 * find out who has an account, and look-alike nicknames used to pass as someone else.
 */
describe("community accounts (attack)", () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ demo: false });
  });
  after(async () => t.close());
  let client = 0;
  /** Each request from its own address: registration is rate-limited per address, which is not under test here. */
  const post = (url: string, payload: object) =>
    t.app.inject({ method: "POST", url, payload, remoteAddress: `10.0.${Math.floor(++client / 250)}.${client % 250}` });

  test("trivial PINs are refused with TRIVIAL_PIN and create nothing", async () => {
    for (const pin of [
      "000000",
      "111111",
      "123456",
      "654321",
      "121212",
      "123123",
      "890123",
      "147258",
      "250390",
      "19900525",
    ]) {
      const res = await post("/api/community/accounts", { nickname: "pinny", secret: pin });
      assert.equal(res.statusCode, 400, pin);
      assert.equal(res.json().error.code, "TRIVIAL_PIN", pin);
      assert.equal(res.headers["set-cookie"], undefined, `${pin}: no session`);
    }
    const common = await post("/api/community/accounts", { nickname: "pinny", secret: "iloveyou" });
    assert.equal(common.json().error.code, "WEAK_PASSWORD");
    assert.equal((await post("/api/community/accounts", { nickname: "pinny", secret: "482913" })).statusCode, 201);
  });

  test("the PIN rules: what is refused and why, what passes", () => {
    assert.equal(communitySecretProblem("999999"), "same_digit");
    assert.equal(communitySecretProblem("987654"), "sequence");
    assert.equal(communitySecretProblem("12341234"), "repeated_pattern");
    assert.equal(communitySecretProblem("159753"), "keypad_pattern");
    assert.equal(communitySecretProblem("311299"), "date");
    assert.equal(communitySecretProblem("20011231"), "date");
    for (const ok of ["482913", "839571", "58203716", "river stone 7"])
      assert.equal(communitySecretProblem(ok), null, ok);
  });

  test("registering a nickname in use answers exactly like registering a new one", async () => {
    const first = await post("/api/community/accounts", { nickname: "Amina", secret: "582039" });
    const taken = await post("/api/community/accounts", { nickname: "Amina", secret: "693041" });
    const fresh = await post("/api/community/accounts", { nickname: "Zawadi", secret: "704152" });
    for (const res of [first, taken, fresh]) {
      assert.equal(res.statusCode, 201, res.body);
      assert.deepEqual(Object.keys(res.json()), ["nickname"]);
      assert.match(String(res.headers["set-cookie"]), /^clm_community=/);
    }
    assert.match(taken.json().nickname, /^Amina-\d{4}$/);
    assert.match(fresh.json().nickname, /^Zawadi-\d{4}$/);
    assert.notEqual(taken.json().nickname, first.json().nickname);
    // Each signs in with the name it was given, and only with it.
    const login = await post("/api/community/login", { nickname: taken.json().nickname, secret: "693041" });
    assert.equal(login.statusCode, 200);
    assert.equal(login.json().nickname, taken.json().nickname);
    assert.ok(cookieFrom(login));
  });

  test("sign-in answers the same for a nickname that does not exist and for a wrong PIN", async () => {
    const name = (await post("/api/community/accounts", { nickname: "Baraka", secret: "815263" })).json().nickname;
    const wrongPin = await post("/api/community/login", { nickname: name, secret: "926374" });
    const unknown = await post("/api/community/login", { nickname: "Nobody-0000", secret: "926374" });
    assert.equal(wrongPin.statusCode, unknown.statusCode);
    assert.deepEqual(wrongPin.json(), unknown.json());
    assert.equal(wrongPin.statusCode, 401);
  });

  test("look-alike nicknames share one key: a Cyrillic or full-width copy cannot coexist and signs in to the original", async () => {
    assert.equal(nicknameKey("\u0410nna"), nicknameKey("Anna"), "Cyrillic А");
    assert.equal(nicknameKey("Ann\u0430"), nicknameKey("anna"), "Cyrillic а");
    assert.equal(nicknameKey("\uff21\uff4e\uff4e\uff41"), nicknameKey("Anna"), "full width");
    assert.equal(nicknameKey("\u0391NNA"), nicknameKey("anna"), "Greek Α");
    assert.equal(nicknameKey("Kofi"), nicknameKey("K\u043efi"), "Cyrillic о");
    assert.notEqual(nicknameKey("Anna"), nicknameKey("Anya"));

    const reg = await post("/api/community/accounts", { nickname: "Anna", secret: "037159" });
    const name: string = reg.json().nickname;
    const spoof = name.replace("A", "\u0410"); // the same tagged name with a Cyrillic А
    const login = await post("/api/community/login", { nickname: spoof, secret: "037159" });
    assert.equal(login.statusCode, 200, "the look-alike leads to the one account that exists");
    assert.equal(login.json().nickname, name);
    const rows = await t.database.rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM community_accounts WHERE nickname_key = ${nicknameKey(spoof)}`,
    );
    assert.equal(rows[0]?.n, 1);
  });
});
