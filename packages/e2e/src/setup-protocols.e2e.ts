import assert from "node:assert/strict";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { assertAxeClean, horizontalOverflow } from "./support/checks.js";
import { signIn, useStaffSuite } from "./support/staff.js";

const suite = useStaffSuite();

/** Waits until keyboard focus is on the element with this accessible label (aria-label) or text. */
async function focusReaches(page: Page, name: string) {
  await page.waitForFunction(
    (want) => {
      const el = document.activeElement;
      return (el?.getAttribute("aria-label") ?? el?.textContent) === want;
    },
    name,
    { timeout: 5000 },
  );
}

async function protocolsSettled(page: Page) {
  await page.getByRole("heading", { level: 1, name: "Response protocols", exact: true }).waitFor();
  await page.getByRole("button", { name: "Edit the protocol for Privacy", exact: true }).waitFor();
  await page.waitForLoadState("networkidle");
}

async function teamsSettled(page: Page) {
  await page.getByRole("heading", { level: 1, name: "Teams", exact: true }).waitFor();
  await page.locator(".team-card").first().waitFor();
  await page.waitForLoadState("networkidle");
}

test("a country admin edits a protocol's targets in days and hours and its steps by keyboard, and it is saved", async () => {
  const { page } = await suite.open("/setup/protocols", { viewport: { width: 360, height: 800 } });
  await signIn(page, suite.account("country_admin"));
  await protocolsSettled(page);
  assert.equal(await horizontalOverflow(page), 0, "no sideways scrolling at 360 px");
  await assertAxeClean(page);

  await page.getByRole("button", { name: "Edit the protocol for Privacy", exact: true }).click();
  const form = page.getByRole("form", { name: "Protocol: Privacy" });
  // Targets in days and hours: a day and a half to answer, a fortnight to resolve.
  const first = form.getByRole("group", { name: "First response", exact: true });
  await first.getByLabel("Days", { exact: true }).fill("1");
  await first.getByLabel("Hours", { exact: true }).fill("12");
  const resolution = form.getByRole("group", { name: "Resolution", exact: true });
  await resolution.getByLabel("Days", { exact: true }).fill("14");
  await resolution.getByLabel("Hours", { exact: true }).fill("");
  const shots = process.env.SCREENSHOTS; // a folder: look at the screens (CONVENTIONS: 360 and 1366 px)
  if (shots)
    await form
      .locator(".protocol-fieldset")
      .first()
      .screenshot({ path: `${shots}/protocol-targets-360.png` });
  const steps = form.locator(".protocol-items").first().locator(":scope > li");
  const before = await steps.count();
  assert.ok(before >= 2, "the demo protocol has steps");

  // Keyboard only: add a step (focus lands in its first text), type it, then move it up one place.
  await form.getByRole("button", { name: "Add a step" }).focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.getAttribute("data-focus")?.endsWith("-first"), null, {
    timeout: 5000,
  });
  await page.keyboard.type("Check the clinic answered within a week");
  const moveUp = form.getByRole("button", { name: `Move up, step ${before + 1}`, exact: true });
  await moveUp.focus();
  await page.keyboard.press("Enter");
  await focusReaches(page, `Move up, step ${before}`); // focus follows the step that moved
  assert.equal(
    await steps
      .nth(before - 1)
      .getByLabel("Text (English)")
      .inputValue(),
    "Check the clinic answered within a week",
  );
  assert.equal(await horizontalOverflow(page), 0, "the editor fits 360 px");
  await assertAxeClean(page);

  await form.getByRole("button", { name: "Save protocol" }).click();
  await page.getByText("Protocol saved for Privacy.").waitFor();
  assert.equal(await form.count(), 0, "the editor closes once saved");

  // Stored in hours as before: 36 and 336.
  const stored = (await (await page.request.get("/api/setup/protocols")).json()) as {
    items: { subcategoryCode: string; firstResponseHours: number | null; resolutionHours: number | null }[];
  };
  const privacyCode = (await (await page.request.get("/api/config?lang=en")).json()).taxonomy
    .flatMap((c: { subcategories: { code: string; label: string }[] }) => c.subcategories)
    .find((sub: { label: string }) => sub.label === "Privacy").code;
  const privacy = stored.items.find((x) => x.subcategoryCode === privacyCode);
  assert.equal(privacy?.firstResponseHours, 36);
  assert.equal(privacy?.resolutionHours, 336);

  await page.reload();
  await protocolsSettled(page);
  await page
    .locator(".protocol-subcat")
    .filter({ has: page.getByRole("button", { name: "Edit the protocol for Privacy", exact: true }) })
    .getByText("First response: 1 day 12 hours · Resolution: 14 days", { exact: true })
    .waitFor();
  await page.getByRole("button", { name: "Edit the protocol for Privacy", exact: true }).click();
  const reopened = page.getByRole("form", { name: "Protocol: Privacy" }).locator(".protocol-items").first();
  assert.equal(await reopened.locator(":scope > li").count(), before + 1);
  assert.equal(
    await reopened
      .locator(":scope > li")
      .nth(before - 1)
      .getByLabel("Text (English)")
      .inputValue(),
    "Check the clinic answered within a week",
  );
  const again = page.getByRole("form", { name: "Protocol: Privacy" });
  const days = (group: string) =>
    again.getByRole("group", { name: group, exact: true }).getByLabel("Days", { exact: true }).inputValue();
  const hours = (group: string) =>
    again.getByRole("group", { name: group, exact: true }).getByLabel("Hours", { exact: true }).inputValue();
  assert.deepEqual([await days("First response"), await hours("First response")], ["1", "12"]);
  assert.deepEqual([await days("Resolution"), await hours("Resolution")], ["14", ""], "shown back as 14 days");
});

test("a country admin creates a team and adds a responder whose areas cover it", async () => {
  const { page } = await suite.open("/setup/teams", { viewport: { width: 360, height: 800 } });
  await signIn(page, suite.account("country_admin"));
  await teamsSettled(page);
  const responder = suite.account("first_responder");

  const create = page.getByRole("form", { name: "Create a team" });
  await create.getByLabel("Name of the team").fill("Peer counsellors");
  await create.getByRole("button", { name: "Create team" }).click();
  await create.getByText("Tick at least one area for the team.").waitFor();
  await create.locator(`input[type=checkbox][id$="-${responder.scope.districtIds[0]}"]`).check();
  await create.getByRole("button", { name: "Create team" }).click();
  await page.getByText("Team Peer counsellors created.").waitFor();

  const card = page.locator(".team-card", { has: page.getByRole("heading", { name: "Peer counsellors" }) });
  await card.getByText("No members yet.").waitFor();
  const option = card.locator("option", { hasText: responder.email });
  await option.waitFor({ state: "attached" });
  assert.equal(
    await card.locator("option", { hasText: suite.account("first_responder", 1).email }).count(),
    0,
    "a responder elsewhere is not offered",
  );
  await card.getByLabel("Add a member").selectOption((await option.getAttribute("value")) ?? "");
  await card.getByRole("button", { name: "Add to Peer counsellors" }).click();
  await page.getByText(/added to Peer counsellors\./).waitFor();
  await card.getByRole("button", { name: /^Remove .* from Peer counsellors$/ }).waitFor();
  assert.match((await card.locator(".team-members").textContent()) ?? "", new RegExp(responder.email));

  await page.reload();
  await teamsSettled(page);
  const saved = page.locator(".team-card", { has: page.getByRole("heading", { name: "Peer counsellors" }) });
  assert.match((await saved.locator(".team-members").textContent()) ?? "", new RegExp(responder.email));
  await page.waitForLoadState("networkidle");
  assert.equal(await horizontalOverflow(page), 0, "no sideways scrolling at 360 px");
  await assertAxeClean(page);
});
