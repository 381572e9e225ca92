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

async function settled(page: Page) {
  await page.getByRole("heading", { name: "Response protocols", exact: true }).waitFor();
  await page.getByRole("button", { name: "Edit the protocol for Privacy", exact: true }).waitFor();
  await page.locator(".team-card").first().waitFor();
  await page.waitForLoadState("networkidle");
}

test("a country admin edits a protocol's target and steps by keyboard, and it is saved", async () => {
  const { page } = await suite.open("/setup", { viewport: { width: 360, height: 800 } });
  await signIn(page, suite.account("country_admin"));
  await settled(page);
  assert.equal(await horizontalOverflow(page), 0, "no sideways scrolling at 360 px");
  await assertAxeClean(page);

  await page.getByRole("button", { name: "Edit the protocol for Privacy", exact: true }).click();
  const form = page.getByRole("form", { name: "Protocol: Privacy" });
  await form.getByLabel("First response", { exact: true }).fill("36");
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

  await page.reload();
  await settled(page);
  await page
    .locator(".protocol-subcat")
    .filter({ has: page.getByRole("button", { name: "Edit the protocol for Privacy", exact: true }) })
    .getByText(/^First response: 36 h · Resolution: /)
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
  assert.equal(
    await page
      .getByRole("form", { name: "Protocol: Privacy" })
      .getByLabel("First response", { exact: true })
      .inputValue(),
    "36",
  );
});

test("a country admin creates a team and adds a responder whose areas cover it", async () => {
  const { page } = await suite.open("/setup", { viewport: { width: 360, height: 800 } });
  await signIn(page, suite.account("country_admin"));
  await settled(page);
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
  await settled(page);
  const saved = page.locator(".team-card", { has: page.getByRole("heading", { name: "Peer counsellors" }) });
  assert.match((await saved.locator(".team-members").textContent()) ?? "", new RegExp(responder.email));
  await page.waitForLoadState("networkidle");
  assert.equal(await horizontalOverflow(page), 0, "no sideways scrolling at 360 px");
  await assertAxeClean(page);
});
