import assert from "node:assert/strict";
import { test } from "node:test";
import { assertAxeClean, horizontalOverflow } from "./support/checks.js";
import { signIn, useStaffSuite } from "./support/staff.js";

const suite = useStaffSuite();

test("a country admin sets a target and imports a benchmark series, with bad rows named", async () => {
  const { page } = await suite.open("/setup/targets", { viewport: { width: 360, height: 800 } });
  await signIn(page, suite.account("country_admin"));
  await page.getByRole("heading", { level: 1, name: "Targets", exact: true }).waitFor();
  await page.locator(".setup-table tbody tr").first().waitFor();
  await page.waitForLoadState("networkidle");
  assert.equal(await horizontalOverflow(page), 0, "no sideways scrolling at 360 px");
  await assertAxeClean(page);

  const form = page.getByRole("form", { name: "Set a target" });
  await form.getByLabel("Indicator").selectOption("pct_resolved");
  await form.getByLabel("Kind of period").selectOption("year");
  await form.getByLabel("Target", { exact: true }).fill("85.5");
  await form.getByRole("button", { name: "Save target" }).click();
  await page.getByText(`Target saved: % of validated reports resolved, ${new Date().getFullYear()}.`).waitFor();
  await page.locator(".setup-table tbody tr", { hasText: "85.5" }).waitFor();

  // The benchmark series have a page of their own, one step down Set-up's navigation.
  await page
    .getByRole("navigation", { name: "Set-up sections" })
    .getByRole("link", { name: "Benchmark series", exact: true })
    .click();
  await page.getByRole("heading", { level: 1, name: "Benchmark series", exact: true }).waitFor();
  await page.getByText("National TB programme — complaints register").waitFor();
  await page.waitForLoadState("networkidle");
  assert.equal(await horizontalOverflow(page), 0, "no sideways scrolling at 360 px");
  await assertAxeClean(page);

  const upload = page.getByRole("form", { name: "Import a series" });
  await upload.getByLabel("Name of the series").fill("District health office counts");
  await upload.getByLabel("CSV file").setInputFiles({
    name: "series.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("period,area_code,value\n2026-01,,12\n2026-13,,9\n"),
  });
  await upload.getByRole("button", { name: "Import" }).click();
  await page.getByText("Row 3: the period must look like 2026-03, 2026-Q1 or 2026.").waitFor();
  assert.equal(await page.getByText("District health office counts").count(), 0, "nothing was imported");

  await upload.getByLabel("CSV file").setInputFiles({
    name: "series.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("period,area_code,value\n2026-01,,12\n2026-02,,9\n"),
  });
  // Keyboard only: focus the button and press Enter.
  await upload.getByRole("button", { name: "Import" }).focus();
  await page.keyboard.press("Enter");
  await page.getByText("Series District health office counts imported.").waitFor();
  await page
    .locator(".series-list__item", { hasText: "District health office counts" })
    .getByText("2 values")
    .waitFor();
});
