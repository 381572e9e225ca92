import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Dhis2Payload, PublicConfig } from "@openclm/contracts";
import { startFakeDhis2 } from "../../server/src/testing/fake-dhis2.js";
import { assertAxeClean, horizontalOverflow } from "./support/checks.js";
import { signIn, useStaffSuite } from "./support/staff.js";

/**
 * Issue 19, done when: an administrator maps three indicators and the demo districts in the UI, dry-runs the last
 * closed month, reads the summary with a conflict explained in plain words, pushes, and the fake DHIS2 instance holds
 * exactly the values of the payload that it accepted.
 */
const suite = useStaffSuite();
const TOKEN = "d2pat_e2eTokenCCCCCCCCCCCCCCCCCCCCCC9876543210";
const ELEMENTS = [
  ["Reports received", "DEclmTotal1"],
  ["Reports validated", "DEclmValid1"],
  ["Reports resolved", "DEclmResol1"],
] as const;
let fake: Awaited<ReturnType<typeof startFakeDhis2>>;
let unknownDistrict = "";

before(async () => {
  fake = await startFakeDhis2({ token: TOKEN, dataElements: ELEMENTS.map(([, de]) => de), orgUnits: [] });
});
after(async () => fake?.close());

test("map, dry-run, read the conflict, push: DHIS2 holds what it accepted", async () => {
  const { page } = await suite.open("/setup", { viewport: { width: 360, height: 740 } });
  await signIn(page, suite.account("system_admin"));
  const cfg = (await (await page.request.get("/api/config")).json()) as PublicConfig;
  const districts = new Set(cfg.areas.filter((a) => a.isLeaf).map((a) => a.code));

  await page
    .getByRole("navigation", { name: "Set-up sections" })
    .getByRole("link", { name: "DHIS2", exact: true })
    .click();
  await page.getByRole("heading", { name: "DHIS2", level: 1 }).waitFor();
  await page.getByLabel("Address of the instance (without /api)").fill(fake.url);
  await page.getByLabel("Personal access token").fill(TOKEN);
  for (const [i, [label, de]] of ELEMENTS.entries()) {
    await page.getByRole("button", { name: "Add an indicator" }).click();
    await page.getByLabel("Indicator", { exact: true }).nth(i).selectOption({ label });
    await page.getByLabel("Data element", { exact: true }).nth(i).fill(de);
  }
  await page.getByRole("button", { name: "Fill empty ones with the area codes" }).click();
  await page.getByRole("button", { name: "Save the mapping" }).click();
  await page.getByText("Saved.").waitFor();
  await page.getByText("A token is stored (never shown).", { exact: false }).waitFor();
  assert.equal(await page.getByLabel("Personal access token").inputValue(), "", "the token is not shown again");
  // DHIS2 knows every area but one district that has values in the month to send: they come back as conflicts. (The
  // district is picked from the payload: which districts have reports in the last closed month depends on the date.)
  const period = await page.getByLabel("Period", { exact: true }).inputValue();
  const planned = (await (await page.request.get(`/api/dhis2/payload?period=${period}`)).json()) as Dhis2Payload;
  unknownDistrict = planned.dataValues.map((v) => v.orgUnit).find((c) => districts.has(c)) ?? "";
  assert.notEqual(unknownDistrict, "", `the demo country has district values in ${period}`);
  fake.orgUnitsKnown(cfg.areas.map((a) => a.code).filter((c) => c !== unknownDistrict));
  // With the token stored, the instance's own lists can be loaded to pick from.
  await page.getByRole("button", { name: "Load the lists from DHIS2" }).click();
  await page
    .getByText(`3 data elements and ${cfg.areas.length - 1} organisation units loaded`, { exact: false })
    .waitFor();
  assert.equal((await page.getByLabel("Data element", { exact: true }).first().getAttribute("list")) !== null, true);
  await assertAxeClean(page);
  assert.equal(await horizontalOverflow(page), 0);

  await page.getByRole("button", { name: "Dry run" }).click();
  await page.getByRole("heading", { name: `Dry run of ${period}: some values refused` }).waitFor();
  await page.getByText("DHIS2 does not know this organisation unit", { exact: false }).first().waitFor();
  assert.equal(fake.stored.size, 0, "a dry run stores nothing");
  await assertAxeClean(page);

  await page.getByRole("button", { name: "Send to DHIS2" }).click();
  await page.getByRole("heading", { name: `Sent ${period}: some values refused` }).waitFor();
  const payload = (await (await page.request.get(`/api/dhis2/payload?period=${period}`)).json()) as Dhis2Payload;
  const accepted = payload.dataValues.filter((v) => v.orgUnit !== unknownDistrict);
  assert.ok(accepted.length > 0);
  const key = (v: { dataElement: string; orgUnit: string }) => `${v.dataElement}|${v.orgUnit}`;
  assert.deepEqual(
    [...fake.stored.values()].map((v) => `${key(v)}=${v.value}`).sort(),
    accepted.map((v) => `${key(v)}=${v.value}`).sort(),
  );
  const history = page.getByRole("table", { name: "Pushes and dry runs, newest first" });
  assert.equal(await history.locator("tbody tr").count(), 2);

  // A second send of the same month is refused with a reason, and changes nothing in DHIS2.
  const before = fake.requests.length;
  await page.getByRole("button", { name: "Send to DHIS2" }).click();
  await page.getByText("This period was already sent to DHIS2.", { exact: false }).waitFor();
  assert.equal(fake.requests.length, before);
});
