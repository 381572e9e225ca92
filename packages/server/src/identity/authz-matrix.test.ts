import assert from "node:assert/strict";
import crypto from "node:crypto";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
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

  /**
   * The scope dimension, for every route addressing a report by id: a report placed in each responder's district,
   * then every role allowed the route calls it on both. Out of scope must read as 404 (never 403, which would confirm
   * the report exists); in scope must not.
   */
  test("report routes answer 404 out of scope and never 404 in scope", async () => {
    const responders = [account(t.demoAccounts, "first_responder", 0), account(t.demoAccounts, "first_responder", 1)];
    const reportIn: string[] = [];
    for (const r of responders) {
      const res = await t.app.inject({
        method: "POST",
        url: "/api/reports",
        payload: {
          clientId: crypto.randomUUID(),
          channel: "app",
          reporterMode: "self",
          categoryCode: "rights",
          subcategoryCode: "rights.privacy",
          districtId: r.scope.districtIds[0],
        },
      });
      assert.equal(res.statusCode, 201);
      const id = await newestReportIn(r.scope.districtIds[0]!);
      reportIn.push(id);
    }
    // Valid bodies, so the answer comes from the scope check and not from validation.
    const validBodies: Record<string, object> = {
      decision: { decision: "validate" },
      reopen: { note: "checking scope" },
      assignment: { assigneeId: null },
      registration: { registeredWithProgramme: "yes" },
      status: { status: "in_progress" },
      messages: { body: "checking scope" },
      notes: { body: "checking scope" },
      "protocol-steps": { stepCode: "contact_reporter", done: true },
    };
    const idRoutes = t.app.routeTable.filter((r) => r.url.startsWith("/api/inbox/reports/:id"));
    assert.ok(idRoutes.length >= 8, "every report-by-id route is covered");
    const scopedRoles = [
      {
        cookie: await signInAs(t.app, responders[0]!),
        role: "first_responder",
        mine: reportIn[0]!,
        other: reportIn[1]!,
      },
      { cookie: cookies.get("data_manager")!, role: "data_manager", mine: reportIn[0]!, other: reportIn[1]! },
    ];
    for (const r of idRoutes) {
      for (const s of scopedRoles) {
        if (!r.permission || !roleHas(s.role, r.permission)) continue;
        const call = (id: string) =>
          t.app.inject({
            method: r.method as "GET",
            url: r.url.replace(":id", id),
            headers: { cookie: s.cookie },
            payload: r.method === "GET" ? undefined : validBodies[r.url.split("/").pop() ?? ""],
          });
        const out = await call(s.other);
        assert.equal(out.statusCode, 404, `${s.role} ${r.method} ${r.url} out of scope → ${out.statusCode}`);
        const inside = await call(s.mine);
        assert.notEqual(inside.statusCode, 404, `${s.role} ${r.method} ${r.url} in scope → ${inside.statusCode}`);
      }
    }
  });

  /** The id of the newest report in a district. */
  async function newestReportIn(districtId: string): Promise<string> {
    const [row] = await t.database.rows<{ id: string }>(
      sql`SELECT id FROM reports WHERE district_id = ${districtId} ORDER BY created_at DESC LIMIT 1`,
    );
    return row!.id;
  }
});
