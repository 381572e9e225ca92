import assert from "node:assert/strict";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { assertAxeClean, horizontalOverflow } from "./support/checks.js";
import { signIn, useStaffSuite } from "./support/staff.js";

const suite = useStaffSuite();

/** Follows a link in Set-up's own navigation. */
const setupNav = (page: Page, name: string) =>
  page.getByRole("navigation", { name: "Set-up sections" }).getByRole("link", { name, exact: true }).click();

/** The facilities page's main area, once it is the page shown. */
const facilitiesPage = (page: Page) =>
  page.locator("main", { has: page.getByRole("heading", { level: 1, name: "Facilities (Near Me)", exact: true }) });

/** A geography file with one problem of each of two kinds, at feature indexes 1 and 2; the boundaries draw a map. */
const badGeography = {
  type: "FeatureCollection",
  features: [
    {
      type: "Feature",
      properties: { code: "XL", parentCode: null, level: 0, "name:en": "Exland" },
      geometry: {
        type: "Polygon",
        coordinates: [
          [
            [10, 10],
            [12, 10],
            [12, 12],
            [10, 12],
            [10, 10],
          ],
        ],
      },
    },
    {
      type: "Feature",
      properties: { code: "XL-1", parentCode: "XL-9", level: 1, "name:en": "Lost" },
      geometry: null,
    },
    {
      type: "Feature",
      properties: { code: "XL-2", parentCode: "XL", level: 1, "name:en": "Bow tie" },
      geometry: {
        type: "Polygon",
        coordinates: [
          [
            [10, 10],
            [11, 11],
            [11, 10],
            [10, 11],
            [10, 10],
          ],
        ],
      },
    },
  ],
};

test("a country admin checks a geography file (problems by feature, nothing applied) and imports facilities", async () => {
  const config = await (await fetch(`${suite.url}/api/config?lang=en`)).json();
  const district = config.areas.find((a: { isLeaf: boolean }) => a.isLeaf).code as string;

  const { page } = await suite.open("/setup/geography", { viewport: { width: 360, height: 800 } });
  await signIn(page, suite.account("country_admin"));
  await page.getByRole("heading", { level: 1, name: "Geography", exact: true }).waitFor();
  const geography = page.locator("section", { has: page.getByRole("heading", { name: "Import areas", exact: true }) });
  await geography.waitFor();

  await geography.getByLabel("GeoJSON or CSV file").setInputFiles({
    name: "country.geojson",
    mimeType: "application/geo+json",
    buffer: Buffer.from(JSON.stringify(badGeography)),
  });
  await geography.getByText("3 areas in the file.").waitFor();
  await geography.getByRole("region", { name: "Map of the areas in the file" }).waitFor();
  await geography.getByRole("button", { name: "Check the file" }).click();
  await geography.getByText("Feature 1 (XL-1): the parent code is not an area in the file.").waitFor();
  await geography.getByText("Feature 2 (XL-2): the boundary crosses itself.").waitFor();
  assert.equal(await geography.getByRole("button", { name: "Import" }).isDisabled(), true, "nothing to apply");
  const after = await (await fetch(`${suite.url}/api/config?lang=en`)).json();
  assert.equal(after.areas.length, config.areas.length, "nothing was imported");
  await page.waitForLoadState("networkidle");
  assert.equal(await horizontalOverflow(page), 0, "no sideways scrolling at 360 px");
  await assertAxeClean(page);
  const shots = process.env.SCREENSHOTS; // a folder: look at the screens (CONVENTIONS: 360 and 1366 px)
  if (shots) await geography.screenshot({ path: `${shots}/geography-360.png` });
  if (shots) {
    await page.setViewportSize({ width: 1366, height: 900 });
    await geography.screenshot({ path: `${shots}/geography-1366.png` });
    await page.setViewportSize({ width: 360, height: 800 });
  }

  await setupNav(page, "Facilities");
  const facilities = facilitiesPage(page);
  const csv = [
    "code,name:en,type,district_code,latitude,longitude,opening_hours",
    `E2E-1,Riverside TB clinic,tb_clinic,${district},0,0,mon-fri 08:00-16:00`,
    `E2E-2,Hilltop pharmacy,pharmacy,${district},0,0,someday`,
  ].join("\n");
  const choose = (text: string) =>
    facilities.getByLabel("CSV file").setInputFiles({ name: "f.csv", mimeType: "text/csv", buffer: Buffer.from(text) });
  await choose(csv);
  await facilities.getByRole("button", { name: "Check the file" }).click();
  await facilities
    .getByText("Row 3, column opening_hours: write opening hours like mon-fri 08:00-16:00; sat 09:00-12:00.")
    .waitFor();
  await choose(csv.replace("someday", "sat 09:00-12:00"));
  await facilities.getByRole("button", { name: "Check the file" }).click();
  await facilities.getByText("The file is ready: 2 new, 0 changed. Press Import to apply it.").waitFor();
  await facilities.getByRole("button", { name: "Import" }).click();
  await facilities.getByText("Imported: 2 new, 0 changed.").waitFor();
  const row = facilities.locator("tr", { hasText: "Hilltop pharmacy" });
  await row.getByRole("button", { name: "Retire Hilltop pharmacy" }).click();
  await facilities.getByText("Hilltop pharmacy retired: no longer shown in Near Me or offered in reports.").waitFor();
  await row.getByText("Retired").waitFor();
  await assertAxeClean(page);
  if (shots) {
    await facilities.screenshot({ path: `${shots}/facilities-360.png` });
    await page.setViewportSize({ width: 1366, height: 900 });
    await facilities.screenshot({ path: `${shots}/facilities-1366.png` });
  }
});

test("a country admin edits one area and one facility in place; the pin is placed on the map", async () => {
  const config = await (await fetch(`${suite.url}/api/config?lang=en`)).json();
  const district = config.areas.find((a: { isLeaf: boolean }) => a.isLeaf) as { id: string; name: string };
  const shots = process.env.SCREENSHOTS;
  const { page } = await suite.open("/setup/geography", { viewport: { width: 360, height: 800 } });
  await signIn(page, suite.account("country_admin"));

  // One area: found by search, renamed, and a crossing boundary refused by field.
  const areaEditor = page.locator("section", { has: page.getByRole("heading", { name: "Edit an area", exact: true }) });
  await areaEditor.getByLabel("Search by name or code").fill(district.name);
  await areaEditor.getByLabel("Area", { exact: true }).selectOption(district.id);
  const english = areaEditor.getByLabel("Name in English");
  await english.waitFor();
  assert.equal(await english.inputValue(), district.name);
  await areaEditor.getByRole("region", { name: /Map of the boundary of/ }).waitFor();
  await english.fill("Riverbend");
  const bowtie = {
    type: "Polygon",
    coordinates: [
      [
        [0, 0],
        [1, 1],
        [1, 0],
        [0, 1],
        [0, 0],
      ],
    ],
  };
  await areaEditor.getByLabel("New boundary (GeoJSON file of this area only)").setInputFiles({
    name: "area.geojson",
    mimeType: "application/geo+json",
    buffer: Buffer.from(JSON.stringify(bowtie)),
  });
  await areaEditor.getByText("The new boundary from the file (saved when you press Save):").waitFor();
  await areaEditor.getByRole("button", { name: "Save area" }).click();
  await areaEditor.getByText("Boundary: the boundary crosses itself.").waitFor();
  const unchanged = await (await fetch(`${suite.url}/api/config?lang=en`)).json();
  assert.equal(unchanged.areas.find((a: { id: string }) => a.id === district.id).name, district.name, "nothing saved");
  await areaEditor.getByLabel("New boundary (GeoJSON file of this area only)").setInputFiles([]);
  await areaEditor.getByRole("button", { name: "Save area" }).click();
  await areaEditor.getByRole("status").filter({ hasText: "saved." }).waitFor();
  const renamed = await (await fetch(`${suite.url}/api/config?lang=en`)).json();
  assert.equal(renamed.areas.find((a: { id: string }) => a.id === district.id).name, "Riverbend");
  await page.waitForLoadState("networkidle");
  await assertAxeClean(page);
  if (shots) {
    await areaEditor.screenshot({ path: `${shots}/area-editor-360.png` });
    await page.setViewportSize({ width: 1366, height: 900 });
    await areaEditor.screenshot({ path: `${shots}/area-editor-1366.png` });
    await page.setViewportSize({ width: 360, height: 800 });
  }

  // One facility: created with the pin placed by a click on the district, then moved outside it by typing.
  await setupNav(page, "Facilities");
  const facilities = facilitiesPage(page);
  await facilities.getByRole("button", { name: "Add a facility" }).click();
  const editor = facilities.locator("form.facility-editor");
  await editor.getByLabel("Code", { exact: true }).fill("PIN-1");
  await editor.getByLabel("Name in English").fill("Pinned clinic");
  await editor.getByLabel("District", { exact: true }).selectOption(district.id);
  await editor.locator(".pin-map path").first().waitFor();
  await editor.locator(".pin-map").click();
  await editor.locator(".pin-map__pin").waitFor();
  const lat = Number(await editor.getByLabel("Latitude").inputValue());
  assert.ok(
    Number.isFinite(lat) && (await editor.getByLabel("Latitude").inputValue()) !== "",
    "the click placed the pin",
  );
  assert.equal(await editor.locator(".pin-warning").textContent(), "", "inside the district: no warning");
  await editor.getByLabel("Opening hours").fill("someday");
  await editor.getByRole("button", { name: "Save facility" }).click();
  await editor.getByText("write opening hours like mon-fri 08:00-16:00; sat 09:00-12:00.").waitFor();
  await editor.getByLabel("Opening hours").fill("mon-fri 08:00-16:00");
  await editor.getByLabel("Latitude").fill(String(lat + 50 > 90 ? lat - 50 : lat + 50));
  await editor.getByText("The pin is outside the chosen district's boundary.", { exact: false }).waitFor();
  await page.waitForLoadState("networkidle");
  await assertAxeClean(page);
  if (shots) await editor.screenshot({ path: `${shots}/facility-editor-360.png` });
  await editor.getByLabel("Latitude").fill(String(lat));
  await editor.getByRole("button", { name: "Save facility" }).click();
  await facilities.getByText("Pinned clinic saved.").waitFor();
  const near = await (await fetch(`${suite.url}/api/facilities?lang=en`)).json();
  assert.ok(
    near.items.some((f: { code: string }) => f.code === "PIN-1"),
    "Near Me lists it",
  );

  // Edited in place: the form opens with what is stored.
  await facilities.getByRole("button", { name: "Edit Pinned clinic" }).click();
  assert.equal(
    await editor.getByLabel("Opening hours").inputValue(),
    "mon 08:00-16:00; tue 08:00-16:00; wed 08:00-16:00; thu 08:00-16:00; fri 08:00-16:00",
  );
  await editor.getByLabel("Phone").fill("+1 555 0100");
  await editor.getByRole("button", { name: "Save facility" }).click();
  await facilities.getByText("Pinned clinic saved.").waitFor();
  if (shots) {
    await page.setViewportSize({ width: 1366, height: 900 });
    await facilities.getByRole("button", { name: "Edit Pinned clinic" }).click();
    await editor.locator(".pin-map__pin").waitFor();
    await editor.screenshot({ path: `${shots}/facility-editor-1366.png` });
  }
});
