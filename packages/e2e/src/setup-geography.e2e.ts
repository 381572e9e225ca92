import assert from "node:assert/strict";
import { test } from "node:test";
import { assertAxeClean, horizontalOverflow } from "./support/checks.js";
import { signIn, useStaffSuite } from "./support/staff.js";

const suite = useStaffSuite();

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

  const { page } = await suite.open("/setup", { viewport: { width: 360, height: 800 } });
  await signIn(page, suite.account("country_admin"));
  const geography = page.locator("section", { has: page.getByRole("heading", { name: "Geography", exact: true }) });
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

  const facilities = page.locator("section", {
    has: page.getByRole("heading", { name: "Facilities (Near Me)", exact: true }),
  });
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
    await geography.screenshot({ path: `${shots}/geography-1366.png` });
    await facilities.screenshot({ path: `${shots}/facilities-1366.png` });
  }
});
