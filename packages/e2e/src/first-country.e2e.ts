import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { PublicConfig } from "@openclm/contracts";
import type { Browser, Page } from "playwright-core";
import { compiledMain, type SpawnedServer, spawnServer, stopServer } from "../../server/src/testing/spawn-server.js";
import { freshCode } from "../../server/src/testing/staff-session.js";
import { launchChromium } from "./support/browser.js";
import { assertAxeClean } from "./support/checks.js";
import { fillRequired, h1 } from "./support/report-steps.js";
import { choosePassword, enrolAndSignIn } from "./support/staff.js";
import { toursSeen } from "./support/suite.js";
import { addChallengeTypeInUi } from "./support/taxonomy.js";
import { watchPage } from "./support/watch.js";

// test-database: embedded only. The "done when" (issue 13): a real country adopts the platform from an
// empty production database, with only the operator's command and the web UI.
const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "../fixtures");
const adminCreate = path.join(path.dirname(compiledMain), "scripts/admin-create.js");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "openclm-first-country-"));
const env = {
  DATA_DIR: dataDir,
  NODE_ENV: "production",
  CLM_ENCRYPTION_KEY: crypto.randomBytes(32).toString("base64"),
  DEMO: undefined,
  DATABASE_URL: undefined,
};
const adminPassword = "baobab-lakeshore-dawn-2026";
const managerPassword = "mango-river-quietly-77";

let server: SpawnedServer | undefined;
let browser: Browser | undefined;
let url = "";

/** `npm run admin:create -- --email …` as the operator runs it (the build `npm run build` made): its last line. */
async function createAdmin(email: string): Promise<{ email: string; password: string }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete childEnv[k];
  delete childEnv.CLM_ENCRYPTION_KEY_FILE;
  const { stdout } = await promisify(execFile)(process.execPath, [adminCreate, "--email", email], { env: childEnv });
  return JSON.parse(stdout.trim().split("\n").at(-1)!);
}

before(async () => {
  assert.ok(fs.existsSync(adminCreate), "run `npm run build` first: this test uses the compiled command and server");
  const admin = await createAdmin("first.admin@moh.example");
  fs.writeFileSync(path.join(dataDir, "admin.json"), JSON.stringify(admin));
  [server, browser] = await Promise.all([spawnServer(env, { compiled: true }), launchChromium()]);
  url = `http://127.0.0.1:${server.port}`;
});
after(async () => {
  await browser?.close();
  if (server) await stopServer(server);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function open(pathname: string, width = 1366) {
  const context = await browser!.newContext({
    baseURL: url,
    serviceWorkers: "block",
    viewport: { width, height: 900 },
  });
  await toursSeen(context);
  const page = await context.newPage();
  const watch = await watchPage(page);
  await page.goto(pathname);
  return { page, watch, context };
}

const unexpected = (errors: string[]) => errors.filter((e) => !/Failed to load resource.*\b(400|401)\b/.test(e));

/** A Set-up page's main area, once its <h1> says it is the page wanted (each section has a page of its own). */
const section = (page: Page, heading: string) =>
  page.locator("main", { has: page.getByRole("heading", { level: 1, name: heading, exact: true }) });

/** Follows a link in Set-up's own navigation. */
const setupNav = (page: Page, name: string) =>
  page.getByRole("navigation", { name: "Set-up sections" }).getByRole("link", { name, exact: true }).click();

/** Chooses a file in a section's file field, checks it, and answers the problems listed (none when it is ready). */
async function checkFile(page: Page, heading: string, label: string, name: string, data: string | Buffer) {
  const s = section(page, heading);
  await s.getByLabel(label, { exact: true }).setInputFiles({ name, mimeType: "text/plain", buffer: Buffer.from(data) });
  await s.getByRole("button", { name: "Check the file" }).click();
  await s.locator(".csv-problems li, .status-line:not(:empty)").first().waitFor();
  return s.locator(".csv-problems li").allTextContents();
}

async function importChecked(page: Page, heading: string, summary: string) {
  const s = section(page, heading);
  await s.getByText(/The file is ready/).waitFor();
  await s.getByRole("button", { name: "Import" }).click();
  await s.getByText(summary).waitFor();
}

/** The confirm-it-is-you dialog a sensitive change asks for. */
async function confirmItIsMe(page: Page, password: string, secret: string) {
  const dialog = page.getByRole("dialog", { name: "Confirm it is you" });
  await dialog.waitFor();
  await dialog.getByLabel("Your password").fill(password);
  await dialog.getByLabel("6-digit code").fill(freshCode(secret));
  await dialog.getByRole("button", { name: "Confirm" }).click();
}

test("from an empty production database to the first report counted on the dashboard", async () => {
  const admin = JSON.parse(fs.readFileSync(path.join(dataDir, "admin.json"), "utf8"));

  // First sign-in: the generated password, the second factor, then a password of the administrator's own.
  const { page, watch } = await open("/setup");
  const adminSecret = await enrolAndSignIn(page, admin.email, admin.password);
  await page.getByRole("heading", { name: "Choose your own password" }).waitFor();
  await choosePassword(page, { label: "Password you were given", value: admin.password }, adminPassword);

  // The checklist comes first and says what is left to do.
  const checklist = page.locator("section", { has: page.getByRole("heading", { name: "Set up your country" }) });
  await checklist.waitFor();
  await checklist
    .getByText(/Geography/)
    .first()
    .waitFor();
  // Each step leads to the section's own page.
  await checklist.getByRole("link", { name: "Open geography" }).click();

  // A geography file with a problem of each kind the other tests do not show is refused whole, by feature.
  const lakeland = JSON.parse(fs.readFileSync(path.join(fixtures, "lakeland.geojson"), "utf8"));
  const bad = structuredClone(lakeland);
  bad.features[4].properties.code = "LK-N-1"; // a second LK-N-1
  delete bad.features[5].properties["name:en"];
  bad.features[6].geometry.coordinates[0].pop(); // an open ring
  const refused = await checkFile(page, "Geography", "GeoJSON or CSV file", "bad.geojson", JSON.stringify(bad));
  assert.deepEqual(refused, [
    "Feature 4 (LK-N-1): another area in the file has the same code.",
    "Feature 5 (LK-N-3): the area has no name.",
    "Feature 6 (LK-S-1): the boundary is not a valid polygon (closed rings, longitude and latitude).",
  ]);
  assert.equal((await (await fetch(`${url}/api/config?lang=en`)).json()).areas.length, 0, "nothing was imported");

  // The real file: three levels with boundaries, previewed on the map, then imported.
  const fine = await checkFile(page, "Geography", "GeoJSON or CSV file", "lakeland.geojson", JSON.stringify(lakeland));
  assert.deepEqual(fine, []);
  await section(page, "Geography").getByRole("region", { name: "Map of the areas in the file" }).waitFor();
  await importChecked(
    page,
    "Geography",
    "Imported: 9 new, 0 changed, 0 retired, 0 facilities retired with their district.",
  );

  // Facilities: bad rows refused with row and column, then the 50 of the file.
  await setupNav(page, "Facilities");
  const csv = fs.readFileSync(path.join(fixtures, "lakeland-facilities.csv"), "utf8");
  const [header, first, second] = csv.split("\n");
  const badRows = [header, first!.replace(",LK-N-1,", ",LK-X-9,"), second!.replace(/^(LK-F002),[^,]*,/, "$1,,")].join(
    "\n",
  );
  assert.deepEqual(await checkFile(page, "Facilities (Near Me)", "CSV file", "bad.csv", badRows), [
    "Row 2, column district_code: no district in use has this code.",
    "Row 3, column name:en: the facility has no name in the default language.",
  ]);
  assert.deepEqual(await checkFile(page, "Facilities (Near Me)", "CSV file", "facilities.csv", csv), []);
  await importChecked(page, "Facilities (Near Me)", "Imported: 50 new, 0 changed.");
  await section(page, "Facilities (Near Me)").locator("tbody tr").nth(49).waitFor();

  // The taxonomy editor (Forms): a challenge type of the country's own, in English and French, under the default
  // taxonomy's first category and subcategory; the report below names it.
  const defaults = (await (await fetch(`${url}/api/config?lang=en`)).json()) as PublicConfig;
  const [category] = defaults.taxonomy;
  const sub = category?.subcategories[0];
  assert.ok(category && sub);
  await setupNav(page, "Forms");
  await addChallengeTypeInUi(page, {
    category: category.label,
    subcategory: sub.label,
    code: "no_sputum_cups",
    labels: { English: "No sputum cups at the clinic", Français: "Pas de crachoirs au centre de santé" },
  });
  await page.waitForLoadState("networkidle");
  await assertAxeClean(page);
  const inFrench = (await (await fetch(`${url}/api/config?lang=fr`)).json()) as PublicConfig;
  const frenchSub = inFrench.taxonomy[0]?.subcategories.find((s) => s.code === sub.code);
  assert.ok(frenchSub?.challengeTypes.some((c) => c.label === "Pas de crachoirs au centre de santé"));
  // A data manager for the whole country.
  await setupNav(page, "Staff accounts");
  const accounts = section(page, "Staff accounts");
  await accounts.getByLabel("Email", { exact: true }).fill("data.manager@moh.example");
  await accounts.getByLabel("Name", { exact: true }).fill("Dina Manager");
  await accounts.getByLabel("Role").selectOption("data_manager");
  await accounts.getByLabel("First password").fill(managerPassword);
  await accounts.getByRole("button", { name: "Create account" }).click();
  await confirmItIsMe(page, adminPassword, adminSecret);
  await page.getByText("Account created for data.manager@moh.example.").waitFor();
  await page.waitForLoadState("networkidle");
  await assertAxeClean(page);
  // The refused files (400) and the confirmation the account asked for (401) are the only failed loads.
  assert.deepEqual(unexpected(watch.errors), []);

  // A person reports a challenge in the app, placed in one of the new districts.
  const reporter = await open("/app", 360);
  const config = await (await reporter.page.request.get("/api/config?lang=en")).json();
  await reporter.page.getByRole("link", { name: /Get involved/ }).click();
  await fillRequired(reporter.page, config, ["No sputum cups at the clinic"]);
  await reporter.page.locator(".review__row", { hasText: "No sputum cups at the clinic" }).waitFor();
  await reporter.page.getByRole("button", { name: "Send report" }).click();
  await h1(reporter.page, "Thank you. Your report was sent.");
  const code = ((await reporter.page.locator("[data-tracking-code]").textContent()) ?? "").trim();
  assert.match(code, /^[A-Z0-9]{4}-[A-Z0-9]{4}$/);

  // The data manager signs in for the first time, validates it in the inbox …
  const manager = await open(`/inbox?q=${code}`);
  await enrolAndSignIn(manager.page, "data.manager@moh.example", managerPassword);
  await manager.page.getByRole("heading", { name: "Choose your own password" }).waitFor();
  await choosePassword(
    manager.page,
    { label: "Password you were given", value: managerPassword },
    "papaya-harbour-steady-31",
  );
  await manager.page.locator(".queue a[data-row]", { hasText: code }).click();
  await manager.page.locator("#detail-heading").filter({ hasText: code }).waitFor();
  await manager.page.locator("dl.facts dd", { hasText: "No sputum cups at the clinic" }).waitFor();
  await manager.page.locator("#action-validate").click();
  await manager.page.locator(".detail-header .badge", { hasText: "Validated" }).waitFor();

  // … and the dashboard counts it.
  await manager.page.goto("/dashboard");
  const validated = manager.page.locator('.dash-tiles[aria-busy="false"] [data-metric="reports_validated"]');
  await validated.waitFor();
  assert.equal((await validated.textContent())?.trim(), "1");
  assert.deepEqual(unexpected(manager.watch.errors), []);
});
