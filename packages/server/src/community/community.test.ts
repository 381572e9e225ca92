import assert from "node:assert/strict";
import crypto from "node:crypto";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import { trackingCodeHash } from "../reports/tracking-code.js";
import { cookieFrom } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";

describe("community accounts", () => {
  let t: TestApp;
  let districtId: string;
  before(async () => {
    t = await createTestApp();
    const config = (await t.app.inject({ method: "GET", url: "/api/config" })).json();
    districtId = config.areas.find((a: { isLeaf: boolean }) => a.isLeaf).id;
  });
  after(async () => t.close());

  const post = (url: string, payload: object, cookie?: string) =>
    t.app.inject({ method: "POST", url, payload, headers: cookie ? { cookie } : {} });
  const get = (url: string, cookie?: string) => t.app.inject({ method: "GET", url, headers: cookie ? { cookie } : {} });
  const report = (cookie: string | undefined, description: string) =>
    post(
      "/api/reports",
      {
        clientId: crypto.randomUUID(),
        channel: "app",
        reporterMode: "self",
        categoryCode: "stigma",
        subcategoryCode: "stigma.self",
        challengeTypes: [],
        description,
        districtId,
        contact: { phone: "+1 555 0100" },
      },
      cookie,
    );

  test("register, sign in, list own reports, sign out", async () => {
    const weak = await post("/api/community/accounts", { nickname: "sunflower", secret: "12345" });
    assert.equal(weak.statusCode, 400);
    const shortPassword = await post("/api/community/accounts", { nickname: "sunflower", secret: "abcdefg" });
    assert.equal(shortPassword.statusCode, 400);

    const reg = await post("/api/community/accounts", { nickname: "Sunflower", secret: "482913" });
    assert.equal(reg.statusCode, 201, reg.body);
    const name: string = reg.json().nickname;
    assert.match(name, /^Sunflower-\d{4}$/, "the nickname chosen plus a random tag");
    const setCookie = String(reg.headers["set-cookie"]);
    assert.match(setCookie, /^clm_community=/);
    assert.match(setCookie, /HttpOnly/);
    assert.match(setCookie, /SameSite=Strict/);
    const cookie = cookieFrom(reg);

    const same = await post("/api/community/accounts", { nickname: "sunFLOWER", secret: "839201" });
    assert.equal(same.statusCode, 201, "a nickname in use is never answered 'taken' (see community.attack.test.ts)");
    assert.notEqual(same.json().nickname.toLowerCase(), name.toLowerCase());

    const mine = await report(cookie, "mine");
    assert.equal(mine.statusCode, 201);
    const anonymous = await report(undefined, "not mine");
    assert.equal(anonymous.statusCode, 201);

    const list = await get("/api/community/reports", cookie);
    assert.equal(list.statusCode, 200, list.body);
    assert.deepEqual(
      list.json().items.map((i: { trackingCode: string }) => i.trackingCode),
      [mine.json().trackingCode],
    );
    assert.equal(list.json().items[0].status, "submitted");
    assert.equal((await get("/api/community/accounts/me", cookie)).json().nickname, name);

    const logout = await post("/api/community/logout", {}, cookie);
    assert.equal(logout.statusCode, 200);
    const afterLogout = await get("/api/community/reports", cookie);
    assert.equal(afterLogout.statusCode, 401);
    assert.equal(afterLogout.json().error.code, "UNAUTHENTICATED");

    const wrong = await post("/api/community/login", { nickname: name, secret: "000000" });
    assert.equal(wrong.statusCode, 401);
    assert.equal(wrong.json().error.code, "INVALID_CREDENTIALS");
    const login = await post("/api/community/login", { nickname: name.toUpperCase(), secret: "482913" });
    assert.equal(login.statusCode, 200, login.body);
    const again = await get("/api/community/reports", cookieFrom(login));
    assert.equal(again.json().items.length, 1);
  });

  test("without a community session the account routes answer 401", async () => {
    for (const url of ["/api/community/reports", "/api/community/accounts/me"]) {
      const res = await get(url);
      assert.equal(res.statusCode, 401, url);
    }
    const del = await t.app.inject({ method: "DELETE", url: "/api/community/accounts/me" });
    assert.equal(del.statusCode, 401);
  });

  test("repeated wrong secrets lock the nickname", async () => {
    const river = (await post("/api/community/accounts", { nickname: "river", secret: "correct horse" })).json()
      .nickname;
    let last = 0;
    for (let i = 0; i < 7; i++)
      last = (await post("/api/community/login", { nickname: river, secret: "wrong one" })).statusCode;
    assert.equal(last, 429);
    const right = await post("/api/community/login", { nickname: river, secret: "correct horse" });
    assert.equal(right.statusCode, 429, "even the right secret waits until the lock ends");
  });

  test("deleting the account erases its reports and frees the nickname", async () => {
    const reg = await post("/api/community/accounts", { nickname: "mountain", secret: "long enough secret" });
    const cookie = cookieFrom(reg);
    const mountain: string = reg.json().nickname;
    const r = await report(cookie, "My name is Fatima and the nurse told everyone");
    const code = r.json().trackingCode;
    const [accountRow] = await t.database.rows<{ id: string }>(
      sql`SELECT id FROM community_accounts WHERE nickname = ${mountain}`,
    );
    const [before] = await t.database.rows<{ id: string }>(
      sql`SELECT id FROM reports WHERE tracking_code_hash = ${trackingCodeHash(t.cipher, code)}`,
    );
    const del = await t.app.inject({ method: "DELETE", url: "/api/community/accounts/me", headers: { cookie } });
    assert.equal(del.statusCode, 200, del.body);
    const [row] = await t.database.rows<Record<string, unknown>>(
      sql`SELECT community_account_id, phone_enc, phone_hash, description_enc, search_tokens, tracking_code_hash,
                 tracking_code_enc, erased_by, status FROM reports WHERE id = ${before?.id}`,
    );
    assert.deepEqual(row, {
      community_account_id: null,
      phone_enc: null,
      phone_hash: null,
      description_enc: null,
      search_tokens: [],
      tracking_code_hash: null,
      tracking_code_enc: null,
      erased_by: "account",
      status: "submitted",
    });
    const track = await post("/api/reports/track", { trackingCode: code });
    assert.equal(track.statusCode, 404, "the code of an erased report finds nothing");
    const [account] = await t.database.rows<{ nickname: string; deleted_at: unknown }>(
      sql`SELECT nickname, deleted_at FROM community_accounts WHERE id = ${accountRow?.id}`,
    );
    assert.notEqual(account?.nickname, mountain);
    assert.ok(account?.deleted_at, "marked deleted");
    assert.equal((await get("/api/community/reports", cookie)).statusCode, 401);
    assert.equal(
      (await post("/api/community/login", { nickname: mountain, secret: "long enough secret" })).statusCode,
      401,
    );
    const reuse = await post("/api/community/accounts", { nickname: "Mountain", secret: "another secret" });
    assert.equal(reuse.statusCode, 201);
  });
});
