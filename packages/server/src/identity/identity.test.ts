import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { verifyAuditChain } from "../audit/audit.repo.js";
import { createStaffAccount } from "../testing/staff-factory.js";
import { account, cookieFrom, freshCode, signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";
import * as identityRepo from "./identity.repo.js";
import { currentStep, totpCode } from "./totp.js";

describe("staff sign-in", () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  const login = (email: string, password: string, remoteAddress = "127.0.0.1") =>
    t.app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password }, remoteAddress });

  test("a password-only session reaches nothing but the second factor", async () => {
    const dm = account(t.demoAccounts, "data_manager");
    const res = await login(dm.email, dm.password);
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { mfaRequired: true, enrolmentRequired: false });
    const setCookie = String(res.headers["set-cookie"]);
    assert.match(setCookie, /HttpOnly/);
    assert.match(setCookie, /SameSite=Strict/);
    const pending = cookieFrom(res);
    const me = await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie: pending } });
    assert.equal(me.statusCode, 401);
    assert.equal(me.json().error.code, "MFA_REQUIRED");
    const audit = await t.app.inject({ method: "GET", url: "/api/audit-events", headers: { cookie: pending } });
    assert.equal(audit.statusCode, 401);

    const wrong = await t.app.inject({
      method: "POST",
      url: "/api/auth/mfa",
      headers: { cookie: pending },
      payload: { code: "000000" },
    });
    assert.equal(wrong.statusCode, 401);
    assert.equal(wrong.json().error.code, "INVALID_MFA_CODE");
    const stale = totpCode(dm.totpSecret, currentStep() - 4);
    const staleRes = await t.app.inject({
      method: "POST",
      url: "/api/auth/mfa",
      headers: { cookie: pending },
      payload: { code: stale },
    });
    assert.equal(staleRes.statusCode, 401, "a code from two minutes ago is refused");

    const ok = await t.app.inject({
      method: "POST",
      url: "/api/auth/mfa",
      headers: { cookie: pending },
      payload: { code: freshCode(dm.totpSecret) },
    });
    assert.equal(ok.statusCode, 200);
    const full = cookieFrom(ok);
    assert.notEqual(full, pending, "the session token is replaced after the second factor");
    const again = await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie: pending } });
    assert.equal(again.statusCode, 401, "the pending token is dead");
    const meOk = await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie: full } });
    assert.equal(meOk.statusCode, 200);
    assert.equal(meOk.json().role, "data_manager");
    assert.equal(meOk.json().email, dm.email);
    assert.ok(meOk.json().scope.districtIds.length >= 3);

    const out = await t.app.inject({ method: "POST", url: "/api/auth/logout", headers: { cookie: full } });
    assert.equal(out.statusCode, 200);
    const afterOut = await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie: full } });
    assert.equal(afterOut.statusCode, 401, "sign-out ends the session");
  });

  test("wrong passwords lock the account from that address only, and unknown emails answer the same", async () => {
    const analyst = account(t.demoAccounts, "analyst");
    const ip = "10.9.9.9";
    for (let i = 0; i < 6; i++) {
      const res = await login(analyst.email, "wrong-password-123", ip);
      assert.equal(res.statusCode, 401);
      assert.equal(res.json().error.code, "INVALID_CREDENTIALS");
    }
    const locked = await login(analyst.email, analyst.password, ip);
    assert.equal(locked.statusCode, 429, "even the right password waits from the address that kept failing");
    assert.equal(locked.json().error.code, "RATE_LIMITED");
    assert.ok(Number(locked.headers["retry-after"]) > 0);
    assert.equal((await login(analyst.email, analyst.password)).statusCode, 200, "from elsewhere the owner gets in");

    const ghost = "nobody@demo.openclm.org";
    const first = await login(ghost, "wrong-password-123", ip);
    assert.equal(first.statusCode, 401);
    assert.equal(first.json().error.code, "INVALID_CREDENTIALS");
    for (let i = 0; i < 5; i++) await login(ghost, "wrong-password-123", ip);
    assert.equal((await login(ghost, "wrong-password-123", ip)).statusCode, 429);
  });

  test("an idle session locks", async () => {
    const cookie = await signInAs(t.app, account(t.demoAccounts, "country_admin"));
    assert.equal((await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie } })).statusCode, 200);
    await t.database.db.execute(sql`UPDATE staff_sessions SET last_seen_at = now() - interval '16 minutes'`);
    const res = await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie } });
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().error.code, "SESSION_EXPIRED");
  });

  test("cookie-authenticated writes from another site are refused", async () => {
    const cookie = await signInAs(t.app, account(t.demoAccounts, "auditor"));
    const evil = await t.app.inject({
      method: "POST",
      url: "/api/auth/logout-all",
      headers: { cookie, origin: "https://evil.example" },
    });
    assert.equal(evil.statusCode, 403);
    assert.equal(evil.json().error.code, "CSRF_FAILED");
    const fetchMeta = await t.app.inject({
      method: "POST",
      url: "/api/auth/logout-all",
      headers: { cookie, "sec-fetch-site": "cross-site" },
    });
    assert.equal(fetchMeta.statusCode, 403);
    assert.equal((await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie } })).statusCode, 200);
  });

  test("property: arbitrary sign-in input never causes a server error or a session", async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (body) => {
        const res = await t.app.inject({
          method: "POST",
          url: "/api/auth/login",
          headers: { "content-type": "application/json", "x-forwarded-for": "10.1.1.1" },
          payload: JSON.stringify(body) ?? "null",
        });
        assert.ok([400, 401, 429].includes(res.statusCode), `${res.statusCode} for ${JSON.stringify(body)}`);
        assert.equal(res.headers["set-cookie"], undefined);
      }),
      { numRuns: 60 },
    );
  });
});

describe("accounts, enrolment and the audit log", () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  test("an admin creates an account after re-authenticating; the new user enrols and gets recovery codes", async () => {
    const admin = account(t.demoAccounts, "system_admin");
    const cookie = await signInAs(t.app, admin);
    const body = {
      email: "new.responder@demo.openclm.org",
      displayName: "New Responder",
      role: "first_responder",
      scopeAreaIds: [account(t.demoAccounts, "first_responder").scope.districtIds[0]],
      password: "correct-horse-battery-staple-42",
    };
    const noReauth = await t.app.inject({
      method: "POST",
      url: "/api/staff-users",
      headers: { cookie },
      payload: body,
    });
    assert.equal(noReauth.statusCode, 401);
    assert.equal(noReauth.json().error.code, "REAUTH_REQUIRED");
    const reauth = await t.app.inject({
      method: "POST",
      url: "/api/auth/reauth",
      headers: { cookie },
      payload: { password: admin.password, code: freshCode(admin.totpSecret) },
    });
    assert.equal(reauth.statusCode, 200);
    const weak = await t.app.inject({
      method: "POST",
      url: "/api/staff-users",
      headers: { cookie },
      payload: { ...body, password: "password123456" },
    });
    assert.equal(weak.statusCode, 400);
    assert.equal(weak.json().error.code, "WEAK_PASSWORD");
    const created = await t.app.inject({ method: "POST", url: "/api/staff-users", headers: { cookie }, payload: body });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.json().mfaEnrolled, false);
    const dup = await t.app.inject({ method: "POST", url: "/api/staff-users", headers: { cookie }, payload: body });
    assert.equal(dup.statusCode, 409);

    const first = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: body.email, password: body.password },
    });
    assert.deepEqual(first.json(), { mfaRequired: true, enrolmentRequired: true });
    const pending = cookieFrom(first);
    const enrol = await t.app.inject({ method: "POST", url: "/api/auth/mfa/enrolment", headers: { cookie: pending } });
    assert.equal(enrol.statusCode, 200);
    const { secret, qrCode, otpauthUri } = enrol.json();
    assert.match(qrCode, /^data:image\/svg\+xml;base64,/);
    assert.match(otpauthUri, /^otpauth:\/\/totp\//);
    const done = await t.app.inject({
      method: "POST",
      url: "/api/auth/mfa",
      headers: { cookie: pending },
      payload: { code: freshCode(secret) },
    });
    assert.equal(done.statusCode, 200);
    const codes: string[] = done.json().recoveryCodes;
    assert.equal(codes.length, 10);

    // A recovery code works once.
    for (const expected of [200, 401]) {
      const l = await t.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { email: body.email, password: body.password },
      });
      const r = await t.app.inject({
        method: "POST",
        url: "/api/auth/mfa",
        headers: { cookie: cookieFrom(l) },
        payload: { recoveryCode: codes[0] },
      });
      assert.equal(r.statusCode, expected);
    }
  });

  test("the audit log shows sign-ins to auditors, is closed to analysts, and detects an edited row", async () => {
    const auditorCookie = await signInAs(t.app, account(t.demoAccounts, "auditor"));
    const analystCookie = await signInAs(t.app, account(t.demoAccounts, "analyst"));
    const page = await t.app.inject({
      method: "GET",
      url: "/api/audit-events?action=auth.sign_in&limit=2",
      headers: { cookie: auditorCookie },
    });
    assert.equal(page.statusCode, 200);
    const items = page.json().items;
    assert.ok(items.length >= 2);
    assert.ok(items.every((i: { action: string }) => i.action === "auth.sign_in"));
    assert.ok(page.json().nextCursor, "more sign-ins than one page");
    const next = await t.app.inject({
      method: "GET",
      url: `/api/audit-events?action=auth.sign_in&limit=2&cursor=${page.json().nextCursor}`,
      headers: { cookie: auditorCookie },
    });
    assert.ok(next.json().items.every((i: { id: number }) => i.id < items.at(-1).id));

    const denied = await t.app.inject({ method: "GET", url: "/api/audit-events", headers: { cookie: analystCookie } });
    assert.equal(denied.statusCode, 403);
    const denial = await t.app.inject({
      method: "GET",
      url: "/api/audit-events?action=access.denied",
      headers: { cookie: auditorCookie },
    });
    assert.ok(denial.json().items.length >= 1, "the denial itself is audited");

    assert.equal((await verifyAuditChain(t.database.db)).ok, true);
    await assert.rejects(
      t.database.db.execute(sql`UPDATE audit_events SET action = 'x' WHERE seq = 2`),
      "the table refuses edits",
    );
    await t.database.db.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete`);
    await t.database.db.execute(sql`UPDATE audit_events SET outcome = 'failure' WHERE seq = 2`);
    const tampered = await verifyAuditChain(t.database.db);
    assert.equal(tampered.ok, false);
    assert.deepEqual(
      tampered.problems.map((p) => p.seq),
      [2],
    );
    await t.database.db.execute(sql`DELETE FROM audit_events WHERE seq = 3`);
    const deleted = await verifyAuditChain(t.database.db);
    assert.ok(deleted.problems.some((p) => /missing rows 3/.test(p.problem)));
  });
  test("nobody disables or demotes the last active system administrator, two admins demoting each other included", async () => {
    const a = await createStaffAccount(t, "system_admin", {});
    const b = await createStaffAccount(t, "system_admin", {});
    const idA = (await identityRepo.findUserByEmail(t.database.db, a.email))!.id;
    const idB = (await identityRepo.findUserByEmail(t.database.db, b.email))!.id;
    // Given: a and b are the only active system administrators.
    await t.database.db.execute(
      sql`UPDATE staff_users SET disabled_at = now() WHERE role = 'system_admin' AND id NOT IN (${idA}::uuid, ${idB}::uuid)`,
    );
    const cookieA = await signInAs(t.app, a);
    const cookieB = await signInAs(t.app, b);
    for (const [x, cookie] of [
      [a, cookieA],
      [b, cookieB],
    ] as const) {
      const reauth = await t.app.inject({
        method: "POST",
        url: "/api/auth/reauth",
        headers: { cookie },
        payload: { password: x.password, code: freshCode(x.totpSecret) },
      });
      assert.equal(reauth.statusCode, 200);
    }
    const patch = (cookie: string, id: string, payload: object) =>
      t.app.inject({ method: "PATCH", url: `/api/staff-users/${id}`, headers: { cookie }, payload });

    // Both step down at once: one succeeds, the other is refused, and one administrator remains.
    const [ab, ba] = await Promise.all([
      patch(cookieA, idA, { disabled: true }),
      patch(cookieB, idB, { role: "analyst" }),
    ]);
    const codes = [ab.statusCode, ba.statusCode].sort();
    assert.deepEqual(codes, [200, 409], `${ab.body} ${ba.body}`);
    const refused = ab.statusCode === 409 ? ab : ba;
    assert.equal(refused.json().error.code, "LAST_SYSTEM_ADMIN");
    const [admins] = await t.database.rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM staff_users WHERE role = 'system_admin' AND disabled_at IS NULL`,
    );
    assert.equal(admins?.n, 1);

    // The survivor cannot remove itself either, and the refusal changes nothing.
    const [survivor, cookie] = ab.statusCode === 409 ? [idA, cookieA] : [idB, cookieB];
    const self = await patch(cookie, survivor, { role: "auditor" });
    assert.equal(self.statusCode, 409);
    assert.equal(self.json().error.code, "LAST_SYSTEM_ADMIN");
    const after = await identityRepo.findUserById(t.database.db, survivor);
    assert.equal(after!.disabledAt, null);
    assert.equal(after!.role, "system_admin");
  });
});
