import assert from "node:assert/strict";
import { test } from "node:test";
import { sql } from "drizzle-orm";
import { createStaffAccount } from "../../server/src/testing/staff-factory.js";
import { assertAxeClean, horizontalOverflow } from "./support/checks.js";
import { signIn, useStaffSuite } from "./support/staff.js";

const suite = useStaffSuite();

type Area = { id: string; level: number; parent_id: string | null; name: string };

/**
 * Issue 13 item 7: Set-up shows a region's administrator only what they may change. Targets offer their region's
 * areas and no whole-country target; protocols and the country profile read, without controls that would be refused.
 */
test("a region's administrator sets targets for their region only and reads protocols and the profile", async () => {
  const areas = await suite.server.database.rows<Area>(
    sql`SELECT id, level, parent_id, names->>'en' AS name FROM areas WHERE retired_at IS NULL ORDER BY code`,
  );
  const regionA = areas.find((a) => a.id === suite.account("data_manager").scope.areaIds[0])!;
  const regionB = areas.find((a) => a.level === 1 && a.id !== regionA.id)!;
  const admin = await createStaffAccount(suite.server, "country_admin", { areaIds: [regionA.id] });

  const { page } = await suite.open("/setup/targets", { viewport: { width: 360, height: 800 } });
  await signIn(page, admin);
  await page.getByRole("heading", { level: 1, name: "Targets", exact: true }).waitFor();
  await page.getByText("Your scope is a region").waitFor();
  const form = page.getByRole("form", { name: "Set a target" });
  const options = (await form.getByLabel("Area").locator("option").allTextContents()).map((o) => o.trim());
  assert.ok(!options.includes("Whole country"), "no whole-country target");
  assert.ok(options.includes(regionA.name), "the region itself");
  assert.ok(!options.includes(regionB.name), "not another region");
  await page.waitForLoadState("networkidle");
  assert.equal(await horizontalOverflow(page), 0, "no sideways scrolling at 360 px");
  await assertAxeClean(page);
  await form.getByLabel("Kind of period").selectOption("year");
  await form.getByLabel("Area").selectOption({ label: regionA.name });
  await form.getByLabel("Target", { exact: true }).fill("12");
  await form.getByRole("button", { name: "Save target" }).click();
  await page.getByText(/^Target saved:/).waitFor();
  await page.locator(".setup-table tbody tr", { hasText: regionA.name }).filter({ hasText: "12" }).first().waitFor();
  if (process.env.SCREENSHOTS)
    await page.screenshot({ path: `${process.env.SCREENSHOTS}/targets-360.png`, fullPage: true });

  await page.goto("/setup/protocols");
  await page.getByText("Protocols apply to the whole country").waitFor();
  await page.locator(".protocol-subcat").first().waitFor();
  assert.equal(await page.getByRole("button", { name: /^Edit/ }).count(), 0, "no protocol editor to open");
  await page.waitForLoadState("networkidle");
  await assertAxeClean(page);
  if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/protocols-360.png` });

  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto("/setup/profile");
  await page.getByText("The country profile applies to the whole country").waitFor();
  const name = page.locator(".profile-form input").first();
  await name.waitFor();
  assert.ok(await name.isDisabled(), "the profile's fields cannot be edited");
  assert.equal(await page.getByRole("button", { name: "Save the profile" }).count(), 0, "no save button");
  assert.equal(await page.locator(".logo-form").count(), 0, "no logo upload");
  await page.waitForLoadState("networkidle");
  await assertAxeClean(page);
  if (process.env.SCREENSHOTS)
    await page.screenshot({ path: `${process.env.SCREENSHOTS}/profile-1366.png`, fullPage: true });
});
