import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { sql } from "drizzle-orm";
import { globalSla } from "../protocols/protocol-sla.js";
import { staffCalls, submitReport } from "../testing/inbox-fixtures.js";
import { account, signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";

// Issue 13 item 6: the settings of one screen take effect where they are used, refuse bad values, and keep a history.
let t: TestApp;
let admin: string;
let api: ReturnType<typeof staffCalls>;
before(async () => {
  t = await createTestApp();
  api = staffCalls(t);
  admin = await signInAs(t.app, account(t.demoAccounts, "system_admin"));
});
after(async () => t.close());

/** Published answers cover one calendar month, quarter or year. */
const YEAR = { from: "2026-01-01", to: "2026-12-31" };
type Row = { dimensions: Record<string, string>; metrics: Record<string, number | null>; suppressed?: boolean };

async function publicRows(): Promise<Row[]> {
  const res = await t.app.inject({
    method: "POST",
    url: "/api/public/indicators",
    payload: { metrics: ["reports_total"], dimensions: ["facility"], ...YEAR },
  });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().rows;
}

test("invalid values are refused, and nothing changes", async () => {
  const current = (await api.get(admin, "/api/settings")).json();
  const bodies = [
    { suppression: { threshold: 2, categoryThresholds: {} } },
    { suppression: { threshold: 8, categoryThresholds: { rights: 6 } } },
    { sessions: { idleMinutes: 0, maxHours: 12 } },
    { sessions: { idleMinutes: 120, maxHours: 1 } },
    { duplicates: { windowDays: 0 } },
    { duplicates: { windowDays: 1.5 } },
    { registration: { required: "yes" } },
    { responseTargets: { firstResponseHours: 0, resolutionDays: 30 } },
    { responseTargets: { firstResponseHours: 96, resolutionDays: 2 } },
    // one good value beside a bad one: the whole change is refused
    { duplicates: { windowDays: 30 }, sessions: { idleMinutes: 1, maxHours: 12 } },
  ];
  for (const body of bodies) {
    const res = await api.patch(admin, "/api/settings", body);
    assert.equal(res.statusCode, 400, JSON.stringify(body));
  }
  assert.deepEqual((await api.get(admin, "/api/settings")).json(), current);
  assert.equal((await api.get(admin, "/api/settings/history")).json().items.length, 0, "nothing was changed");
});

test("a shorter idle time locks a session that was idle less than the old one", async () => {
  const ca = account(t.demoAccounts, "country_admin");
  const cookie = await signInAs(t.app, ca);
  const idleFor = (minutes: number) =>
    t.database.db.execute(
      sql`UPDATE staff_sessions SET last_seen_at = now() - make_interval(mins => ${minutes})
           WHERE user_id = (SELECT id FROM staff_users WHERE email = ${ca.email})`,
    );
  const me = () => t.app.inject({ method: "GET", url: "/api/me", headers: { cookie } });
  await idleFor(8);
  assert.equal((await me()).statusCode, 200, "8 idle minutes are within the default 15");

  const res = await api.patch(admin, "/api/settings", { sessions: { idleMinutes: 5, maxHours: 12 } });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json().sessions, { idleMinutes: 5, maxHours: 12 });
  await idleFor(8);
  const locked = await me();
  assert.equal(locked.statusCode, 401);
  assert.equal(locked.json().error.code, "SESSION_EXPIRED");
});

test("a higher suppression threshold hides more of the public view", async () => {
  const rows = await publicRows();
  const shown = rows.filter((r) => !r.suppressed && (r.metrics.reports_total ?? 0) > 0);
  assert.ok(shown.length > 0, "some facilities are shown at the default threshold");
  const smallest = Math.min(...shown.map((r) => r.metrics.reports_total ?? 0));
  const threshold = smallest + 1;
  const res = await api.patch(admin, "/api/settings", {
    suppression: {
      threshold,
      categoryThresholds: { rights: Math.max(threshold, 10), stigma: Math.max(threshold, 10) },
    },
  });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().suppression.threshold, threshold);

  const after = await publicRows();
  const key = (r: Row) => r.dimensions.facility;
  const nowHidden = new Set(after.filter((r) => r.suppressed).map(key));
  for (const r of shown.filter((s) => s.metrics.reports_total === smallest)) {
    assert.ok(nowHidden.has(key(r)), `the facility with ${smallest} reports is now hidden`);
  }
  for (const r of after) {
    if (!r.suppressed) assert.ok((r.metrics.reports_total ?? 0) === 0 || (r.metrics.reports_total ?? 0) >= threshold);
  }
});

test("registration and the duplicate window are read where they are used", async () => {
  const dm = await signInAs(t.app, account(t.demoAccounts, "data_manager"));
  const district = account(t.demoAccounts, "first_responder").scope.districtIds[0] ?? "";
  const r = await submitReport(t, district);
  const required = async () => (await api.get(dm, `/api/inbox/reports/${r.id}`)).json().registrationRequired;
  assert.equal(await required(), true, "the demo programme requires registration");
  const res = await api.patch(admin, "/api/settings", {
    registration: { required: false },
    duplicates: { windowDays: 30 },
  });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(await required(), false);
  assert.deepEqual(res.json().duplicates, { windowDays: 30 });
  const [stored] = await t.database.rows<{ value: unknown }>(
    sql`SELECT value FROM settings WHERE key = 'reports.duplicateWindowDays'`,
  );
  assert.equal(stored?.value, 30, "stored where the duplicate search reads it");
});

test("the default response targets are stored in their historic shape, which the overdue computation reads", async () => {
  assert.deepEqual((await api.get(admin, "/api/settings")).json().responseTargets, {
    firstResponseHours: 72,
    resolutionDays: 30,
  });
  const res = await api.patch(admin, "/api/settings", {
    responseTargets: { firstResponseHours: 24, resolutionDays: 10 },
  });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(await globalSla(t.database.db), { firstResponseHours: 24, resolutionHours: 240 });
});

test("the history lists each change with who, before and after; the auditor may read it, not change settings", async () => {
  const auditor = await signInAs(t.app, account(t.demoAccounts, "auditor"));
  const history = await api.get(auditor, "/api/settings/history");
  assert.equal(history.statusCode, 200, history.body);
  const items = history.json().items as { setting: string; before: unknown; after: unknown; actorEmail: string }[];
  const adminEmail = account(t.demoAccounts, "system_admin").email;
  const sessions = items.find((i) => i.setting === "sessions");
  assert.deepEqual(sessions?.before, { idleMinutes: 15, maxHours: 12 });
  assert.deepEqual(sessions?.after, { idleMinutes: 5, maxHours: 12 });
  assert.equal(sessions?.actorEmail, adminEmail);
  const registration = items.find((i) => i.setting === "registration");
  assert.deepEqual([registration?.before, registration?.after], [{ required: true }, { required: false }]);
  assert.deepEqual(
    new Set(items.map((i) => i.setting)),
    new Set(["duplicates", "registration", "responseTargets", "sessions", "suppression"]),
  );

  const again = await api.patch(admin, "/api/settings", { duplicates: { windowDays: 30 } });
  assert.equal(again.statusCode, 200);
  const after = (await api.get(admin, "/api/settings/history")).json().items;
  assert.equal(after.length, items.length, "saving an unchanged value adds nothing to the history");
  assert.equal((await api.patch(auditor, "/api/settings", { duplicates: { windowDays: 3 } })).statusCode, 403);
});

test("a setting changed by another server process reaches this one as soon as its notification does", {
  timeout: 30_000,
}, async () => {
  // Each process holds the settings in memory; a change reaches the others through NOTIFY settings_changed.
  let wake = () => {};
  const heard = new Promise<void>((resolve) => {
    wake = resolve;
  });
  const unlisten = await t.database.listen("settings_changed", () => wake());
  try {
    const window = async () => (await api.get(admin, "/api/settings")).json().duplicates.windowDays;
    const before = await window();
    // What another process's putSetting does: the row, then the notification, in its own transaction.
    await t.database.exec(
      `INSERT INTO settings (key, value) VALUES ('reports.duplicateWindowDays', '${before + 7}')
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value; SELECT pg_notify('settings_changed', '')`,
    );
    await heard;
    assert.equal(await window(), before + 7);
  } finally {
    await unlisten();
  }
});

test("a change through the API tells the other processes", { timeout: 30_000 }, async () => {
  let wake = () => {};
  const heard = new Promise<void>((resolve) => {
    wake = resolve;
  });
  const unlisten = await t.database.listen("settings_changed", () => wake());
  try {
    // A value other than the current one: an unchanged setting is not written, and nothing is announced.
    const current = (await api.get(admin, "/api/settings")).json().duplicates.windowDays;
    const res = await api.patch(admin, "/api/settings", { duplicates: { windowDays: current + 1 } });
    assert.equal(res.statusCode, 200, res.body);
    await heard;
  } finally {
    await unlisten();
  }
});
