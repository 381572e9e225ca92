import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import { account, cookieFrom, freshCode, signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";

/**
 * Attacks on staff passwords (issue 22 item 6): a session left open must not change the password without the current
 * one; a changed password must end the sessions an intruder holds; an admin-chosen password must be replaced before
 * anything else; a reset link works once, only for a day, and takes the old second factor with it.
 */
describe("staff passwords (attack)", () => {
  let t: TestApp;
  let adminCookie: string;
  const admin = () => account(t.demoAccounts, "system_admin");
  before(async () => {
    t = await createTestApp();
    adminCookie = await signInAs(t.app, admin());
    const reauth = await post("/api/auth/reauth", adminCookie, {
      password: admin().password,
      code: freshCode(admin().totpSecret),
    });
    assert.equal(reauth.statusCode, 200, reauth.body);
  });
  after(async () => t.close());

  function post(url: string, cookie: string | undefined, payload: object = {}) {
    return t.app.inject({ method: "POST", url, headers: cookie ? { cookie } : {}, payload });
  }
  const get = (url: string, cookie: string) => t.app.inject({ method: "GET", url, headers: { cookie } });

  let n = 0;
  /** An account created by the admin (so with a password someone else chose), enrolled; returns its secret. */
  async function newMember() {
    n += 1;
    const email = `member${n}@test.openclm.org`;
    const password = `first-chosen-by-admin-${n}-Zq`;
    const created = await post("/api/staff-users", adminCookie, {
      email,
      role: "analyst",
      scopeAreaIds: admin().scope.areaIds,
      password,
    });
    assert.equal(created.statusCode, 201, created.body);
    const login = await post("/api/auth/login", undefined, { email, password });
    const pending = cookieFrom(login);
    const { secret } = (await post("/api/auth/mfa/enrolment", pending)).json();
    const mfa = await post("/api/auth/mfa", pending, { code: freshCode(secret) });
    assert.equal(mfa.statusCode, 200, mfa.body);
    return { id: created.json().id as string, email, password, secret, cookie: cookieFrom(mfa), me: mfa.json().me };
  }

  async function signIn(email: string, password: string, secret: string) {
    const login = await post("/api/auth/login", undefined, { email, password });
    assert.equal(login.statusCode, 200, login.body);
    const mfa = await post("/api/auth/mfa", cookieFrom(login), { code: freshCode(secret) });
    assert.equal(mfa.statusCode, 200, mfa.body);
    return cookieFrom(mfa);
  }

  test("an admin-chosen password blocks everything but changePassword until it is changed", async () => {
    const m = await newMember();
    assert.equal(m.me.mustChangePassword, true);
    const blocked = await get("/api/dashboard/reports/export", m.cookie);
    const anyRead = await get("/api/staff-users", m.cookie);
    for (const res of [blocked, anyRead]) {
      assert.equal(res.statusCode, 403, res.body);
      assert.equal(res.json().error.code, "PASSWORD_CHANGE_REQUIRED");
    }
    assert.equal((await get("/api/me", m.cookie)).json().mustChangePassword, true);
    const changed = await post("/api/auth/password", m.cookie, {
      currentPassword: m.password,
      newPassword: "a-password-only-i-know-77",
    });
    assert.equal(changed.statusCode, 200, changed.body);
    const me = await get("/api/me", m.cookie);
    assert.equal(me.json().mustChangePassword, false);
    const allowed = await get("/api/dashboard/reports/export", m.cookie);
    assert.notEqual(allowed.json()?.error?.code, "PASSWORD_CHANGE_REQUIRED", allowed.body);
  });

  test("changePassword needs the right current password and refuses a weak or unchanged one", async () => {
    const m = await newMember();
    const wrong = await post("/api/auth/password", m.cookie, {
      currentPassword: "not-the-password-at-all",
      newPassword: "a-password-only-i-know-78",
    });
    assert.equal(wrong.statusCode, 401);
    assert.equal(wrong.json().error.code, "INVALID_CREDENTIALS");
    const weak = await post("/api/auth/password", m.cookie, {
      currentPassword: m.password,
      newPassword: "password123",
    });
    assert.equal(weak.statusCode, 400);
    assert.equal(weak.json().error.code, "WEAK_PASSWORD");
    const same = await post("/api/auth/password", m.cookie, { currentPassword: m.password, newPassword: m.password });
    assert.equal(same.statusCode, 400);
    assert.equal(same.json().error.details.problem, "unchanged");
    // Nothing changed: the old password still signs in, the new one does not.
    const old = await post("/api/auth/login", undefined, { email: m.email, password: m.password });
    assert.equal(old.statusCode, 200);
    const notSet = await post("/api/auth/login", undefined, { email: m.email, password: "a-password-only-i-know-78" });
    assert.equal(notSet.statusCode, 401);
  });

  test("changing the password ends every other session, keeps this one, and is audited", async () => {
    const m = await newMember();
    await post("/api/auth/password", m.cookie, {
      currentPassword: m.password,
      newPassword: "second-password-of-mine-1",
    });
    const intruder = await signIn(m.email, "second-password-of-mine-1", m.secret);
    assert.equal((await get("/api/me", intruder)).statusCode, 200);
    const changed = await post("/api/auth/password", m.cookie, {
      currentPassword: "second-password-of-mine-1",
      newPassword: "third-password-of-mine-2",
    });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal((await get("/api/me", intruder)).statusCode, 401);
    assert.equal((await get("/api/me", m.cookie)).statusCode, 200);
    const old = await post("/api/auth/login", undefined, { email: m.email, password: "second-password-of-mine-1" });
    assert.equal(old.statusCode, 401);
    const rows = await t.database.rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'auth.password_change' AND entity_id = ${m.id} AND outcome = 'success'`,
    );
    assert.equal(rows[0]?.n, 2);
  });

  test("a reset link: old password, second factor and sessions end at once; the link works once; TOTP is set up anew", async () => {
    const m = await newMember();
    await post("/api/auth/password", m.cookie, {
      currentPassword: m.password,
      newPassword: "my-own-password-before-1",
    });
    const self = await post(`/api/staff-users/${m.id}/password-reset`, m.cookie);
    assert.equal(self.statusCode, 403, "a non-admin cannot issue links");
    const issued = await post(`/api/staff-users/${m.id}/password-reset`, adminCookie);
    assert.equal(issued.statusCode, 201, issued.body);
    const { token, path } = issued.json();
    assert.match(token, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(path, `/reset-password#${token}`);
    const stored = await t.database.rows<{ token_hash: string }>(
      sql`SELECT token_hash FROM staff_password_resets WHERE user_id = ${m.id}`,
    );
    assert.equal(stored.length, 1);
    assert.notEqual(stored[0]?.token_hash, token, "only a hash is stored");

    assert.equal((await get("/api/me", m.cookie)).statusCode, 401, "sessions end at once");
    const oldPassword = await post("/api/auth/login", undefined, {
      email: m.email,
      password: "my-own-password-before-1",
    });
    assert.equal(oldPassword.statusCode, 401, "the old password stops working at once");

    const weak = await post("/api/auth/password-reset", undefined, { token, newPassword: "short" });
    assert.equal(weak.json().error.code, "WEAK_PASSWORD", "a refused password does not use the link up");
    const used = await post("/api/auth/password-reset", undefined, { token, newPassword: "after-the-reset-pass-9" });
    assert.equal(used.statusCode, 200, used.body);
    const again = await post("/api/auth/password-reset", undefined, { token, newPassword: "someone-else-tries-it-0" });
    assert.equal(again.statusCode, 400);
    assert.equal(again.json().error.code, "RESET_LINK_INVALID");

    const login = await post("/api/auth/login", undefined, { email: m.email, password: "after-the-reset-pass-9" });
    assert.deepEqual(login.json(), { mfaRequired: true, enrolmentRequired: true });
    const oldTotp = await post("/api/auth/mfa", cookieFrom(login), { code: freshCode(m.secret) });
    assert.equal(oldTotp.statusCode, 409, "the old authenticator is gone");
    assert.equal(oldTotp.json().error.code, "MFA_NOT_ENROLLED");
    const enrol = await post("/api/auth/mfa/enrolment", cookieFrom(login));
    assert.equal(enrol.statusCode, 200);
    assert.notEqual(enrol.json().secret, m.secret);
    const done = await post("/api/auth/mfa", cookieFrom(login), { code: freshCode(enrol.json().secret) });
    assert.equal(done.statusCode, 200);
    assert.equal(done.json().me.mustChangePassword, false, "the person chose this password themselves");
  });

  test("a reset link expires, a newer link voids an older one, and an admin cannot reset their own account", async () => {
    const m = await newMember();
    const first = (await post(`/api/staff-users/${m.id}/password-reset`, adminCookie)).json().token;
    const second = (await post(`/api/staff-users/${m.id}/password-reset`, adminCookie)).json().token;
    const voided = await post("/api/auth/password-reset", undefined, {
      token: first,
      newPassword: "after-the-reset-pass-8",
    });
    assert.equal(voided.json().error.code, "RESET_LINK_INVALID");
    await t.database.db.execute(
      sql`UPDATE staff_password_resets SET expires_at = now() - interval '1 second' WHERE user_id = ${m.id}`,
    );
    const expired = await post("/api/auth/password-reset", undefined, {
      token: second,
      newPassword: "after-the-reset-pass-8",
    });
    assert.equal(expired.json().error.code, "RESET_LINK_INVALID");
    const unknown = await post("/api/auth/password-reset", undefined, {
      token: "x".repeat(43),
      newPassword: "after-the-reset-pass-8",
    });
    assert.equal(unknown.json().error.code, "RESET_LINK_INVALID");

    const me = (await get("/api/me", adminCookie)).json();
    const own = await post(`/api/staff-users/${me.id}/password-reset`, adminCookie);
    assert.equal(own.statusCode, 409);
  });
});
