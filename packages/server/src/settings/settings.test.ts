import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { DEFAULT_RETENTION } from "@openclm/contracts";
import { sql } from "drizzle-orm";
import { staffCalls } from "../testing/inbox-fixtures.js";
import { account, signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";

// Issue 12 item 5: the default of "keep this report on this phone?" is a setting of the programme.
let t: TestApp;
let admin: string;
before(async () => {
  t = await createTestApp();
  admin = await signInAs(t.app, account(t.demoAccounts, "system_admin"));
});
after(async () => t.close());

const publicDevice = async () => (await t.app.inject({ method: "GET", url: "/api/config" })).json().device;

test("reports are kept on the phone by default until the administrator turns it off for kiosks; audited", async () => {
  const api = staffCalls(t);
  assert.deepEqual(await publicDevice(), { keepReportsByDefault: true });
  assert.deepEqual((await api.get(admin, "/api/settings")).json().device, { keepReportsByDefault: true });

  const off = await api.patch(admin, "/api/settings", { device: { keepReportsByDefault: false } });
  assert.equal(off.statusCode, 200, off.body);
  assert.deepEqual(off.json().device, { keepReportsByDefault: false });
  assert.deepEqual(off.json().retention, DEFAULT_RETENTION, "the other settings are left as they were");
  assert.deepEqual(await publicDevice(), { keepReportsByDefault: false }, "the app learns it without signing in");

  const [row] = await t.database.rows<{ details: { before: unknown; after: unknown } }>(
    sql`SELECT details FROM audit_events WHERE action = 'settings.update' AND entity_id = 'device' ORDER BY seq DESC LIMIT 1`,
  );
  assert.deepEqual(row?.details, { before: { keepReportsByDefault: true }, after: { keepReportsByDefault: false } });
});

test("a malformed or unknown setting is refused and nothing changes", async () => {
  const api = staffCalls(t);
  const current = (await api.get(admin, "/api/settings")).json();
  for (const body of [{}, { device: { keepReportsByDefault: "no" } }, { device: {} }, { kiosk: true }]) {
    assert.equal((await api.patch(admin, "/api/settings", body)).statusCode, 400, JSON.stringify(body));
  }
  assert.deepEqual((await api.get(admin, "/api/settings")).json(), current);
});
