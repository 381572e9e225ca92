import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { account, signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";
import { roleHas, staffRoles } from "./roles.js";

/**
 * Generated from the route table: every API operation × anonymous and every staff role. A route added without a
 * permission cannot even start (see auth.hooks.ts), and one whose permission is wrong shows up here.
 */
describe("authorisation matrix", () => {
  let t: TestApp;
  const cookies = new Map<string, string>();
  before(async () => {
    t = await createTestApp();
    for (const role of staffRoles) cookies.set(role, await signInAs(t.app, account(t.demoAccounts, role)));
  });
  after(async () => t.close());

  const placeholder = "00000000-0000-4000-8000-000000000000";
  const fill = (url: string) => url.replace(/:[A-Za-z]+/g, placeholder);

  test("the route table covers the API", () => {
    assert.ok(t.app.routeTable.length >= 10);
    for (const r of t.app.routeTable) assert.ok(r.auth || r.permission, `${r.method} ${r.url}`);
  });

  test("anonymous callers reach public routes only", async () => {
    for (const r of t.app.routeTable) {
      if (r.url === "/api/auth/login" || r.url === "/api/auth/logout") continue; // exercised in identity tests
      const res = await t.app.inject({
        method: r.method as "GET",
        url: fill(r.url),
        payload: r.method === "GET" ? undefined : {},
      });
      if (r.auth === "public")
        assert.ok(![401, 403].includes(res.statusCode), `${r.method} ${r.url} → ${res.statusCode}`);
      else {
        assert.equal(res.statusCode, 401, `${r.method} ${r.url}`);
        assert.equal(res.json().error.code, "UNAUTHENTICATED");
      }
    }
  });

  test("each role reaches exactly the routes its permissions allow", async () => {
    for (const role of staffRoles) {
      for (const r of t.app.routeTable) {
        if (r.auth === "public" || r.url.startsWith("/api/auth/logout")) continue;
        // An allowed stream never ends; its access check is the same hook, exercised by the refusals below.
        if (r.stream && r.permission && roleHas(role, r.permission)) continue;
        const res = await t.app.inject({
          method: r.method as "GET",
          url: fill(r.url),
          headers: { cookie: cookies.get(role)! },
          payload: r.method === "GET" ? undefined : {},
        });
        const where = `${role} ${r.method} ${r.url} → ${res.statusCode} ${res.body.slice(0, 120)}`;
        if (r.auth === "pending") assert.equal(res.statusCode, 409, where);
        else if (r.auth === "community")
          assert.equal(res.statusCode, 401, `staff are not community accounts: ${where}`);
        else if (r.permission && !roleHas(role, r.permission)) {
          assert.equal(res.statusCode, 403, where);
          assert.equal(res.json().error.code, "FORBIDDEN");
        } else assert.ok(![401, 403].includes(res.statusCode) || res.json().error.code === "REAUTH_REQUIRED", where);
      }
    }
  });
});
