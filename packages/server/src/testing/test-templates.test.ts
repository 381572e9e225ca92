import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import type { Database } from "../db/database.js";
import { account, signInAs } from "./staff-session.js";
import { createTestApp, type TestApp } from "./test-app.js";
import { createSeededDatabase } from "./test-templates.js";

// Runs with and without OPENCLM_TEST_TEMPLATES: a copy of the run's template, or a database seeded here.
describe("test databases made from the run's template", () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t?.close());

  test("the copy decrypts with the key it was seeded with, and its demo accounts sign in", async () => {
    const auditor = account(t.demoAccounts, "auditor");
    const [row] = await t.database.rows<{ enc: string }>(
      sql`SELECT totp_secret_enc AS enc FROM staff_users WHERE email = ${auditor.email}`,
    );
    assert.ok(row, "the demo account is in the copy");
    assert.equal(t.cipher.decrypt(row.enc), auditor.totpSecret);
    const cookie = await signInAs(t.app, auditor);
    const me = await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie } });
    assert.equal(me.statusCode, 200, me.body);
  });

  test("two copies of one template do not see each other's writes", async () => {
    const copies: Database[] = [];
    try {
      for (let i = 0; i < 2; i++) copies.push((await createSeededDatabase("migrated")).database);
      const [a, b] = copies as [Database, Database];
      await a.exec(`INSERT INTO settings (key, value) VALUES ('isolation.probe', '"a"')`);
      const inA = await a.rows<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM settings WHERE key = 'isolation.probe'`,
      );
      const inB = await b.rows<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM settings WHERE key = 'isolation.probe'`,
      );
      assert.equal(inA[0]?.n, 1);
      assert.equal(inB[0]?.n, 0, "the other copy is untouched");
    } finally {
      for (const c of copies) await c.close();
    }
  });

  test("a migrated copy holds the schema and no seed data", async () => {
    const { database } = await createSeededDatabase("migrated");
    try {
      const [areas] = await database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM areas`);
      assert.equal(areas?.n, 0);
    } finally {
      await database.close();
    }
  });
});
