import assert from "node:assert/strict";
import crypto from "node:crypto";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { assertAxeClean, horizontalOverflow } from "./support/checks.js";
import { signIn, useStaffSuite } from "./support/staff.js";

const suite = useStaffSuite();
const SHOTS = process.env.SCREENSHOT_DIR;

/** Submits a report as the app does, in the data manager's first district, at a facility if one is given. */
async function submit(facilityId?: string): Promise<string> {
  const res = await fetch(`${suite.url}/api/reports`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      clientId: crypto.randomUUID(),
      channel: "web",
      reporterMode: "self",
      categoryCode: "health_services",
      subcategoryCode: "health_services.availability",
      districtId: suite.account("data_manager").scope.districtIds[0],
      ...(facilityId ? { facilityId } : {}),
    }),
  });
  assert.equal(res.status, 201, await res.clone().text());
  return ((await res.json()) as { trackingCode: string }).trackingCode;
}

async function facilitiesOf(areaId: string) {
  const res = await fetch(`${suite.url}/api/facilities?areaId=${areaId}&lang=en`);
  return ((await res.json()) as { items: { id: string; name: string }[] }).items;
}

async function areaName(id: string) {
  const config = (await (await fetch(`${suite.url}/api/config?lang=en`)).json()) as {
    areas: { id: string; name: string }[];
  };
  return config.areas.find((a) => a.id === id)!.name;
}

/** The top of the page, or one part of it (filters and first rows; the whole queue would be thousands of pixels), at both widths. */
async function shoot(page: Page, name: string, part?: string) {
  if (!SHOTS) return;
  for (const width of [360, 1366]) {
    await page.setViewportSize({ width, height: 1600 });
    await page.evaluate(() => window.scrollTo(0, 0));
    const path = `${SHOTS}/${name}-${width}.png`;
    await (part ? page.locator(part).screenshot({ path }) : page.screenshot({ path }));
  }
  await page.setViewportSize({ width: 360, height: 740 });
}

const optionTexts = (page: Page, label: string) =>
  page.getByLabel(label, { exact: true }).locator("option").allTextContents();

test("on a phone, the queue filters by facility in scope and by who reported, and a saved view keeps them", async () => {
  const dm = suite.account("data_manager");
  const district = dm.scope.districtIds[0]!;
  const elsewhere = suite.account("first_responder", 1).scope.districtIds[0]!;
  assert.ok(!dm.scope.districtIds.includes(elsewhere), "the other responder works outside the data manager's scope");
  const [facility] = await facilitiesOf(district);
  assert.ok(facility, "the demo district has a facility");
  // A district with many facilities (a city's outreach posts), for the facility list to need a search box.
  await suite.server.database.exec(
    `INSERT INTO facilities (code, names, type, district_id, lat, lng, address, opening_hours, services)
     SELECT 'E2E-POST-' || g, jsonb_build_object('en', 'Outreach post ' || g), 'dot_centre', district_id, lat, lng,
            address, opening_hours, services
     FROM facilities, generate_series(1, 12) AS g WHERE id = '${facility.id}'`,
  );
  const atFacility = await submit(facility.id);
  const notThere = await submit();

  const { page } = await suite.open("/inbox", { viewport: { width: 360, height: 740 } });
  await signIn(page, dm);
  await page.locator(".queue a[data-row]", { hasText: notThere }).waitFor();
  await page.getByText("More filters").click();

  // Every filter of the walkthrough is there; the area list keeps to the scope.
  for (const label of ["Area", "Facility", "Assigned to", "Show only", "Channel", "Reported"])
    await page.getByLabel(label, { exact: true }).waitFor();
  assert.deepEqual((await optionTexts(page, "Show only")).slice(1), [
    "Reporter replied",
    "Reopened by the reporter",
    "Possible duplicates",
  ]);
  const areas = await optionTexts(page, "Area");
  assert.ok(!areas.includes(`— ${await areaName(elsewhere)}`), "no district outside the scope");

  // With no area chosen, the list is the region's facilities: long enough to come with a search box.
  const inRegion = await facilitiesOf(dm.scope.areaIds[0]!);
  const facilityOptions = page.locator("select[id$='-facility'] option");
  await page.waitForFunction(
    (n) => document.querySelectorAll("select[id$='-facility'] option").length === n,
    inRegion.length + 1,
  );
  await page.getByLabel("Find a facility").fill(facility.name.toUpperCase());
  await page.waitForFunction(
    (n) => document.querySelectorAll("select[id$='-facility'] option").length < n,
    inRegion.length + 1,
  );
  for (const name of (await facilityOptions.allTextContents()).slice(1)) assert.ok(name.includes(facility.name), name);
  await page.getByLabel("Find a facility").fill("");

  // Choosing the district narrows the facilities to that district's, all of them in scope.
  await page.getByLabel("Area", { exact: true }).selectOption(district);
  await page.waitForURL(/area=/);
  const inDistrict = await facilitiesOf(district);
  await page.waitForFunction(
    (n) => document.querySelectorAll("select[id$='-facility'] option").length === n,
    inDistrict.length + 1,
  );
  assert.deepEqual((await optionTexts(page, "Facility")).slice(1).sort(), inDistrict.map((f) => f.name).sort());
  await page.getByLabel("Facility", { exact: true }).selectOption(facility.id);
  await page.waitForURL(/facility=/);
  await page.getByLabel("Reported", { exact: true }).selectOption("self");
  await page.waitForURL(/mode=self/);
  // The report elsewhere in the district leaves the list (it was the newest); the one at the facility stays.
  await page.locator(".queue a[data-row]", { hasText: notThere }).waitFor({ state: "detached" });
  await page.locator(".queue a[data-row]", { hasText: atFacility }).waitFor();
  // Who holds each report shows in the row.
  await page.locator(".queue a[data-row]", { hasText: atFacility }).getByText("Not assigned").waitFor();
  assert.equal(await horizontalOverflow(page), 0);
  await assertAxeClean(page);
  await shoot(page, "inbox-filters");

  // A saved view brings back the facility and reporter mode, not only the older filters.
  await page.getByText("Views", { exact: true }).click();
  await page.getByLabel("Name for the current filters").fill("One clinic");
  await page.getByRole("button", { name: "Save view" }).click();
  const apply = page.getByRole("button", { name: "Show “One clinic”" });
  await apply.waitFor();
  await page.goto(`${suite.url}/inbox`);
  await page.getByText("Views", { exact: true }).click();
  await apply.click();
  await page.waitForURL(/facility=/);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get("facility"), facility.id);
  assert.equal(url.searchParams.get("mode"), "self");
  assert.equal(url.searchParams.get("area"), district);
  await page.locator(".queue a[data-row]", { hasText: atFacility }).waitFor();
});

test("a declined report's deadlines no longer count down", async () => {
  const code = await submit();
  const { page } = await suite.open(`/inbox?q=${code}`, { viewport: { width: 360, height: 740 } });
  await signIn(page, suite.account("data_manager"));
  await page.locator(".queue a[data-row]", { hasText: code }).click();
  await page.getByRole("heading", { name: "Decision" }).waitFor();
  const declined = await page.evaluate(async (c) => {
    const list = await (await fetch(`/api/inbox/reports?q=${c}`)).json();
    const res = await fetch(`/api/inbox/reports/${list.items[0].id}/decision`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ decision: "decline", reason: "out_of_scope" }),
    });
    return res.status;
  }, code);
  assert.equal(declined, 200);
  await page.reload();
  const clocks = page.locator(".sla-clocks");
  await clocks
    .getByText(/before the deadline/)
    .first()
    .waitFor();
  assert.equal(await clocks.getByText(/due in/).count(), 0, "no running clock on a declined report");
  await assertAxeClean(page);
  await shoot(page, "inbox-declined-clocks", ".protocol-panel");
});
