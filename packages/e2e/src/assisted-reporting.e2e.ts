import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { test } from "node:test";
import type { PublicConfig } from "@openclm/contracts";
import { sql } from "drizzle-orm";
import type { Page } from "playwright-core";
import { freshCode } from "../../server/src/testing/staff-session.js";
import { assertAxeClean, horizontalOverflow } from "./support/checks.js";
import { config, h1, next, phone, stepTitle } from "./support/report-steps.js";
import { enterPassword, useStaffSuite } from "./support/staff.js";

/**
 * Issue 23: assisted reporting as programmes run it. A peer supporter reports for two people offline the whole
 * session and is asked to sign in again when the session expired meanwhile; a family member reports through a
 * community account; the dashboard separates the kinds of helper.
 */
const suite = useStaffSuite();
const SHOTS = process.env.SHOTS_DIR;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  for (const width of [360, 1366]) {
    await page.setViewportSize({ width, height: width === 360 ? 740 : 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize(phone.viewport);
}

/** The questions a report for someone asks, from the intro to the review; consent as the person gave it. */
async function fillForSomeone(page: Page, cfg: PublicConfig, consent: { method: RegExp; reference?: string }) {
  const category = cfg.taxonomy[0];
  const sub = category?.subcategories[0];
  assert.ok(category && sub);
  await page.getByRole("button", { name: "Start" }).click();
  await stepTitle(page, "What was the problem about?");
  await page.getByRole("radio", { name: category.label }).check();
  await next(page);
  await page.getByRole("radio", { name: sub.label }).check();
  await next(page);
  await stepTitle(page, "What happened?");
  await next(page);
  await stepTitle(page, "Where did it happen?");
  await page.getByRole("group", { name: "Region" }).getByRole("radio").first().check();
  await page.locator("fieldset", { hasText: "District in" }).getByRole("radio").first().check();
  await next(page);
  await stepTitle(page, "Was it at one of these places?");
  await next(page);
  await stepTitle(page, "When did it happen?");
  await page.getByRole("radio", { name: "Today" }).check();
  await next(page);
  await stepTitle(page, "Tell us more");
  await next(page);
  await next(page); // gender
  await next(page); // age
  await next(page); // key populations
  await stepTitle(page, "What may we do with this report?");
  // Nothing recorded yet: the step says what is missing.
  await next(page);
  await page.getByText("Please confirm that the person agreed.").first().waitFor();
  await page.getByRole("checkbox", { name: "The person agreed that I report this for them." }).check();
  await page.getByRole("radio", { name: consent.method }).check();
  if (consent.reference) await page.getByLabel("Reference written on the paper form").fill(consent.reference);
  await page.getByRole("checkbox", { name: /figures the programme publishes/ }).check();
  await next(page);
  await stepTitle(page, "Check and send");
}

async function staffSignIn(page: Page, account: Parameters<typeof enterPassword>[1] & { totpSecret: string }) {
  await enterPassword(page, account);
  await page.getByLabel("6-digit code").fill(freshCode(account.totpSecret));
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

test("a peer supporter reports for two people offline, and after the session expired signs in again: both arrive once", async () => {
  const peer = suite.account("peer_supporter");
  const { page, context, watch } = await suite.open("/inbox", { ...phone, serviceWorkers: "allow" });
  // Signing in once, online: a peer supporter lands on the community app, not on a staff page they cannot use.
  await staffSignIn(page, peer);
  await page.waitForURL(/\/app\/?$/);
  await page.getByRole("link", { name: /Report for someone/ }).waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.reload({ waitUntil: "networkidle" });
  await shot(page, "peer-home");
  const cfg = await config(page);

  // In the field: no connection for the whole session.
  await context.setOffline(true);
  await page.reload();
  await page.getByRole("link", { name: /Report for someone/ }).click();
  await h1(page, "Get involved");
  assert.equal(await page.getByRole("radio", { name: "I am reporting for someone else" }).isChecked(), true);
  assert.equal(await page.getByRole("radio", { name: "Peer supporter" }).isChecked(), true);
  await shot(page, "peer-intro");
  await fillForSomeone(page, cfg, { method: /thumbprint/, reference: "FORM-0042" });
  await page.getByRole("button", { name: "Send report" }).click();
  await h1(page, "Your report is kept on this phone");

  await page.getByRole("button", { name: "Report something else" }).click();
  await page.getByRole("radio", { name: "I am reporting for someone else" }).check();
  await page.getByRole("radio", { name: "Treatment supporter" }).check();
  await fillForSomeone(page, cfg, { method: /They said yes/ });
  await page.getByRole("button", { name: "Send report" }).click();
  await h1(page, "Your report is kept on this phone");
  const queued = await page.evaluate(() => JSON.parse(localStorage.getItem("openclm.outbox") ?? "[]") as unknown[]);
  assert.equal(queued.length, 2, "both reports wait in the outbox");

  // Days later the server ended the session; the phone comes back online.
  const db = suite.server.database;
  await db.exec("DELETE FROM staff_sessions WHERE user_id = (SELECT id FROM staff_users WHERE email = $1)", [
    peer.email,
  ]);
  const refused = page.waitForResponse((r) => r.url().endsWith("/api/reports") && r.status() === 401);
  await context.setOffline(false);
  await refused;
  await page.getByText("Sign in again to send the reports you made for others").waitFor();
  await shot(page, "peer-sign-in-needed");
  const stillQueued = await page.evaluate(() => localStorage.getItem("openclm.outbox") ?? "");
  assert.ok(stillQueued.includes('"signIn":true') && !stillQueued.includes('"failed"'), "kept, not failed");

  await page.getByRole("link", { name: "Sign in", exact: true }).click();
  await staffSignIn(page, peer);
  await page.waitForURL(/\/app\/?$/);
  await page.waitForFunction(() => !localStorage.getItem("openclm.outbox"));

  const rows = await db.rows<{
    assistant_kind: string;
    consent_method: string;
    reference: string | null;
    n: number;
  }>(sql`
    SELECT r.assistant_kind, r.consent_method, r.consent_reference_enc AS reference, count(*) OVER (PARTITION BY r.client_id)::int AS n
      FROM reports r JOIN staff_users u ON u.id = r.assisted_by
     WHERE u.email = ${peer.email} AND r.created_at > now() - interval '1 hour' ORDER BY r.created_at`);
  assert.equal(rows.length, 2, "both reports arrived");
  assert.deepEqual(
    rows.map((r) => [r.assistant_kind, r.consent_method, r.n]),
    [
      ["peer_supporter", "thumbprint", 1],
      ["treatment_supporter", "spoken", 1],
    ],
  );
  assert.equal(suite.server.cipher.decryptOptional(rows[0]?.reference ?? null), "FORM-0042");
  // The people's tracking codes are not kept on the peer supporter's phone; their reports' progress is.
  const kept = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
  assert.ok(!kept.includes("openclm.reports"), kept);
  await page.goto("/app/my-reports");
  await page.getByRole("heading", { name: "Reports you made for others" }).waitFor();
  await page.locator("#assisted .report-item").nth(1).waitFor();
  await assertAxeClean(page);
  assert.equal(await horizontalOverflow(page), 0);
  await shot(page, "peer-my-reports");
  assert.deepEqual(
    watch.errors.filter((e) => !/401|Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(e)),
    [],
  );
});

test("a family member reports for the person they care for through a community account", async () => {
  const { page } = await suite.open("/app/my-reports", phone);
  const nickname = `carer${Date.now().toString(36)}`;
  await page.getByRole("button", { name: "Create an account" }).click();
  await page.getByLabel("Nickname").fill(nickname);
  await page.getByLabel("PIN or password", { exact: true }).fill("48213579");
  await page.getByRole("button", { name: "Create my account" }).click();
  await page.getByText(`Your account name is ${nickname}`).waitFor();
  await page.goto("/app");
  await page.getByRole("link", { name: /Report for someone/ }).click();
  assert.equal(await page.getByRole("radio", { name: "Family member or carer" }).isChecked(), true);
  const cfg = await config(page);
  await fillForSomeone(page, cfg, { method: /signed a paper form/, reference: "CARE-7" });
  await assertAxeClean(page);
  await shot(page, "family-review");
  await page.getByRole("button", { name: "Send report" }).click();
  await h1(page, "Thank you. Your report was sent.");
  const [row] = await suite.server.database.rows<{
    assistant_kind: string;
    assisted_by: string | null;
    account: string;
  }>(sql`
    SELECT r.assistant_kind, r.assisted_by, a.id AS account FROM reports r
      JOIN community_accounts a ON a.id = r.community_account_id
     WHERE r.assistant_kind = 'family' ORDER BY r.created_at DESC LIMIT 1`);
  assert.equal(row?.assistant_kind, "family");
  assert.equal(row?.assisted_by, null);
});

test("the dashboard separates the kinds of helper and counts per peer supporter", async () => {
  // This month, where the reports made above are.
  const today = new Date().toISOString().slice(0, 10);
  const period = `from=${today.slice(0, 8)}01&to=${today}`;
  const { page } = await suite.open(`/dashboard?${period}&by=assisted_by`, { viewport: { width: 1366, height: 900 } });
  await staffSignIn(page, suite.account("analyst"));
  await page.locator(".user-menu").waitFor();
  const by = page.getByLabel("Break down by");
  assert.equal(await by.inputValue(), "assisted_by");
  // The charts draw when scrolled near (near-screen.ts).
  await by.scrollIntoViewIfNeeded();
  // Each kind of helper is a row of the chart's table (behind its disclosure; this month: the reports made above).
  const rowHeader = (name: string | RegExp) => page.locator('th[scope="row"]', { hasText: name }).first();
  for (const kind of [
    "Peer supporter",
    "Treatment supporter",
    "Family member or carer",
    "Nobody (the person themself)",
  ])
    await rowHeader(kind).waitFor({ state: "attached" });
  await shot(page, "dashboard-assisted-by");
  await by.selectOption("assistant");
  await page.locator(".user-menu").waitFor();
  await rowHeader(/peer|@/i).waitFor({ state: "attached" });
});

test("a facility desk reports for a visitor and leaves nothing on the device", async () => {
  const admin = await suite.open("/setup", { viewport: { width: 1366, height: 900 } });
  await staffSignIn(admin.page, suite.account("country_admin"));
  await admin.page.locator(".user-menu").waitFor();
  const [facility] = await suite.server.database.rows<{ id: string; name: string }>(
    sql`SELECT id, names->>'en' AS name FROM facilities ORDER BY code LIMIT 1`,
  );
  const issued = await admin.page.request.post("/api/setup/desks", { data: { facilityId: facility?.id } });
  assert.equal(issued.status(), 201);
  const { code } = (await issued.json()) as { code: string };

  const { page } = await suite.open("/app/desk", phone);
  await page.getByLabel("Desk code").fill(code);
  await page.getByRole("button", { name: "Set up this desk" }).click();
  await page.getByText(`Help desk at ${facility?.name}`).waitFor();
  await assertAxeClean(page);
  await shot(page, "desk-start");
  await page.getByRole("button", { name: "Start a report for a visitor" }).click();
  await h1(page, "Get involved");
  assert.equal(await page.getByRole("radio", { name: "I am reporting for someone else" }).isChecked(), true);
  const cfg = await config(page);
  await page.getByRole("button", { name: "Start" }).click();
  await page.getByRole("radio", { name: cfg.taxonomy[0]?.label ?? "" }).check();
  await next(page);
  await page.getByRole("radio", { name: cfg.taxonomy[0]?.subcategories[0]?.label ?? "" }).check();
  await next(page);
  await next(page); // challenges
  await stepTitle(page, "Where did it happen?");
  await next(page); // the facility's district is filled in
  await stepTitle(page, "Was it at one of these places?");
  await next(page);
  await page.getByRole("radio", { name: "Today" }).check();
  for (let i = 0; i < 5; i++) await next(page); // when … key populations
  await stepTitle(page, "What may we do with this report?");
  await page.getByRole("checkbox", { name: "The person agreed that I report this for them." }).check();
  await page.getByRole("radio", { name: "They said yes" }).check();
  await next(page);
  await stepTitle(page, "Check and send");
  await page.getByRole("button", { name: "Send report" }).click();
  await h1(page, "Thank you. Your report was sent.");
  const tracking = ((await page.locator("[data-tracking-code]").textContent()) ?? "").trim();
  assert.match(tracking, /^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  await shot(page, "desk-sent");
  await page.getByRole("button", { name: "Report something else" }).click();
  await page.getByRole("button", { name: "Start a report for a visitor" }).waitFor();

  const [row] = await suite.server.database.rows<{ facility_id: string; assistant_kind: string }>(
    sql`SELECT facility_id, assistant_kind FROM reports WHERE assistant_kind = 'facility_desk' ORDER BY created_at DESC LIMIT 1`,
  );
  assert.deepEqual(row, { facility_id: facility?.id, assistant_kind: "facility_desk" });
  // Nothing of the visit is left: no code, no draft, no outbox, no databases or caches.
  const left = await page.evaluate(async () => ({
    storage: JSON.stringify({ ...localStorage, ...sessionStorage }),
    sessionKeys: Object.keys(sessionStorage),
    databases: (await indexedDB.databases()).map((d) => d.name),
    caches: await caches.keys(),
  }));
  assert.ok(!left.storage.includes(tracking) && !left.storage.includes(tracking.replace("-", "")), left.storage);
  assert.ok(!left.storage.includes("openclm.outbox") && !left.storage.includes("openclm.report.draft"), left.storage);
  assert.deepEqual(left.sessionKeys, []);
  assert.deepEqual(left.databases, []);
  assert.deepEqual(left.caches, []);
});
