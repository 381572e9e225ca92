import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import type { PublicConfig, SubmitReportResult } from "@openclm/contracts";
import type { APIRequestContext, Page } from "playwright-core";
import { assertAxeClean, horizontalOverflow, pageHeading } from "./support/checks.js";
import { unexpectedErrors, useReportSuite } from "./support/report-suite.js";

const suite = useReportSuite();

const phone = { viewport: { width: 360, height: 740 } };
const HINT = "openclm.account";

/** A report sent with the page's own cookies, so a signed-in session links it to the account. */
async function submit(request: APIRequestContext): Promise<string> {
  const cfg = (await (await request.get("/api/config")).json()) as PublicConfig;
  const category = cfg.taxonomy[0];
  const res = await request.post("/api/reports", {
    data: {
      clientId: randomUUID(),
      channel: "app",
      reporterMode: "self",
      categoryCode: category?.code,
      subcategoryCode: category?.subcategories[0]?.code,
      challengeTypes: [],
      districtId: cfg.areas.find((a) => a.isLeaf)?.id,
      keyPopulations: [],
      consent: { contactMe: false, shareDeidentified: true, useInAdvocacyStories: false },
    },
  });
  assert.equal(res.status(), 201);
  return ((await res.json()) as SubmitReportResult).trackingCode;
}

/** Every call the page makes to "who am I?": it must not happen on a device that never signed in. */
function countMeCalls(page: Page): () => number {
  let calls = 0;
  page.on("request", (req) => {
    if (new URL(req.url()).pathname === "/api/community/accounts/me" && req.method() === "GET") calls += 1;
  });
  return () => calls;
}

/**
 * The text of the focused element once focus has left the page body (focus moves after the render that shows the
 * element; a short wait, then the caller asserts exactly which element has it).
 */
async function focusedText(page: Page): Promise<string> {
  await page
    .waitForFunction(() => document.activeElement && document.activeElement !== document.body, null, { timeout: 2000 })
    .catch(() => {});
  return page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");
}

async function hint(page: Page): Promise<string | null> {
  return page.evaluate((key) => localStorage.getItem(key), HINT);
}

/** The "Sent reports" list on My reports. */
function sentList(page: Page) {
  return page.getByRole("region", { name: "Sent reports" });
}

test("an optional account shows the same reports on another phone, and deleting it removes the list", async () => {
  // No digits: seven in a row would read as a phone number, which nicknames may not hold.
  const nickname = `moon_${randomUUID()
    .slice(0, 8)
    .replace(/\d/g, (d) => "ghijklmnop"[Number(d)]!)}`;
  const pin = "482913";

  // Phone A: never signed in, so the app does not ask who is signed in.
  const a = await suite.open("/app/my-reports", phone);
  const meCallsA = countMeCalls(a.page);
  assert.equal(await pageHeading(a.page), "My reports");
  const section = a.page.getByRole("region", { name: "See my reports on any phone" });
  await section.waitFor();
  await a.page.waitForLoadState("networkidle");
  assert.equal(meCallsA(), 0, "no account check without the hint");

  // Create the account: plain advice, field errors tied to their fields, then the result heading takes focus.
  await section.getByRole("button", { name: "Create an account" }).click();
  await section.getByRole("heading", { name: "Create an account" }).waitFor();
  await section.getByText("Nobody can reset it").waitFor();
  await section.getByRole("button", { name: "Create my account" }).click();
  const nicknameField = section.getByLabel("Nickname");
  await section.getByText("Please type a nickname.").waitFor();
  assert.equal(await nicknameField.getAttribute("aria-invalid"), "true");
  assert.match((await nicknameField.getAttribute("aria-describedby")) ?? "", /-error/);
  await assertAxeClean(a.page);
  assert.equal(await horizontalOverflow(a.page), 0);
  await nicknameField.fill(nickname);
  await section.getByLabel("PIN or password").fill("123");
  await section.getByRole("button", { name: "Create my account" }).click();
  await section.getByText("This is too short.", { exact: false }).waitFor();
  await section.getByLabel("PIN or password").fill(pin);
  await section.getByRole("button", { name: "Create my account" }).click();
  // The account's name is the nickname plus a random tag, said in the heading that takes focus.
  const created = section.getByRole("heading", { name: new RegExp(`^Your account name is ${nickname}-\\d{4}$`) });
  await created.waitFor();
  const name = ((await created.textContent()) ?? "").replace("Your account name is ", "");
  assert.equal(await focusedText(a.page), `Your account name is ${name}`);
  await section.getByText("Write down this name with its number").waitFor();
  const signedIn = section.getByRole("heading", { name: `You are signed in as ${name}` });
  assert.equal(await hint(a.page), "1");

  // A report sent while signed in is linked to the account; the device itself does not keep it here.
  const code = await submit(a.page.request);
  await a.page.reload();
  await signedIn.waitFor();
  assert.ok(meCallsA() >= 1, "the hint makes the app ask who is signed in");
  await sentList(a.page)
    .getByRole("link", { name: new RegExp(code) })
    .waitFor();

  // Signing out forgets the hint, and the account's reports leave the list.
  await section.getByRole("button", { name: "Sign out" }).click();
  await section.getByRole("heading", { name: "You are signed out." }).waitFor();
  assert.equal(await focusedText(a.page), "You are signed out.");
  assert.equal(await hint(a.page), null);
  await sentList(a.page).getByText("There are no reports on this phone yet.").waitFor();

  // Phone B: a new browser. A trivial PIN is refused; a wrong PIN is refused; the right one shows the report.
  const b = await suite.open("/app/my-reports", phone);
  const meCallsB = countMeCalls(b.page);
  assert.equal(await pageHeading(b.page), "My reports");
  const sectionB = b.page.getByRole("region", { name: "See my reports on any phone" });
  await sectionB.getByRole("button", { name: "Create an account" }).click();
  await sectionB.getByLabel("Nickname").fill(nickname);
  await sectionB.getByLabel("PIN or password").fill("111111");
  await sectionB.getByRole("button", { name: "Create my account" }).click();
  await sectionB.getByText("This PIN is too easy to guess", { exact: false }).waitFor();
  await sectionB.getByRole("button", { name: "Cancel" }).click();

  await sectionB.getByRole("button", { name: "I have an account: sign in" }).click();
  await sectionB.getByRole("heading", { name: "Sign in" }).waitFor();
  assert.equal(await focusedText(b.page), "Sign in");
  await sectionB.getByLabel("Nickname").fill(name);
  await sectionB.getByLabel("PIN or password").fill("000000");
  await sectionB.getByRole("button", { name: "Sign in", exact: true }).click();
  await sectionB.getByText("The nickname, PIN or password is not right.", { exact: false }).waitFor();
  await sectionB.getByLabel("PIN or password").fill(pin);
  await sectionB.getByRole("button", { name: "Sign in", exact: true }).click();
  await sectionB.getByRole("heading", { name: `You are signed in as ${name}` }).waitFor();
  const item = sentList(b.page).getByRole("link", { name: new RegExp(code) });
  await item.waitFor();
  await item.getByText("Received").waitFor();
  assert.equal(await sentList(b.page).getByRole("link").count(), 1, "each report once");
  await assertAxeClean(b.page);
  assert.equal(await horizontalOverflow(b.page), 0);

  // The report opens its track page.
  await item.click();
  await b.page.getByRole("heading", { level: 1, name: "Your report" }).waitFor();
  assert.equal(await b.page.locator("[data-tracking-code]").textContent(), code);
  await b.page.getByRole("link", { name: "Back to My reports" }).click();
  await sectionB.getByRole("heading", { name: `You are signed in as ${name}` }).waitFor();
  assert.equal(meCallsB(), 1, "only the visit after signing in asked who is signed in");

  // Delete: a confirmation first, then signed out and the account's list is gone.
  await sectionB.getByRole("button", { name: "Delete my account and data" }).click();
  await sectionB.getByRole("heading", { name: "Delete your account?" }).waitFor();
  assert.equal(await focusedText(b.page), "Delete your account?");
  // A copy first, if the person wants one: the link downloads everything held about them.
  const download = sectionB.getByRole("link", { name: "Download my data" });
  assert.equal(await download.getAttribute("download"), "my-data.json");
  const exported = await b.page.request.get((await download.getAttribute("href")) ?? "");
  assert.equal(exported.status(), 200);
  assert.deepEqual(
    ((await exported.json()) as { reports: { trackingCode: string }[] }).reports.map((r) => r.trackingCode),
    [code],
  );
  await download.scrollIntoViewIfNeeded();
  await b.page.screenshot({ path: `${process.env.E2E_SCREENSHOTS ?? "/tmp"}/account-delete-360.png` });
  await assertAxeClean(b.page);
  await sectionB.getByRole("button", { name: "Yes, delete my account" }).click();
  await sectionB.getByRole("heading", { name: "Your account was deleted." }).waitFor();
  assert.equal(await focusedText(b.page), "Your account was deleted.");
  assert.equal(await hint(b.page), null);
  await sentList(b.page).getByText("There are no reports on this phone yet.").waitFor();
  assert.equal(await sentList(b.page).getByRole("link").count(), 0);
  await assertAxeClean(b.page);
  assert.equal(await horizontalOverflow(b.page), 0);

  // The server agrees: no session, no account to sign in to, and the report is erased: its code finds nothing.
  assert.equal((await b.page.request.get("/api/community/accounts/me")).status(), 401);
  const again = await b.page.request.post("/api/community/login", { data: { nickname: name, secret: pin } });
  assert.equal(again.status(), 401);
  assert.equal((await b.page.request.get(`/api/reports/track/${code}`)).status(), 404);

  // Phone A logged nothing; phone B only the refusals the test asked for: the trivial PIN (400), the wrong PIN (401).
  assert.deepEqual(a.watch.errors, []);
  assert.deepEqual(
    unexpectedErrors(b.watch).filter((e) => !/status of 400/.test(e)),
    [],
  );
});
