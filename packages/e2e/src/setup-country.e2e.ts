import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import zlib from "node:zlib";
import { assertAxeClean, horizontalOverflow } from "./support/checks.js";
import { signIn, useStaffSuite } from "./support/staff.js";

const suite = useStaffSuite();
const shots = process.env.E2E_SCREENSHOTS ?? path.join(os.tmpdir(), "openclm-screens");

/** A small valid PNG (one colour), made here so the test needs no fixture file. */
function png(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x7a)]);
  const idat = zlib.deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", idat),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

test("a country admin sees the set-up checklist, fills in the country profile, and the app follows it", async () => {
  fs.mkdirSync(shots, { recursive: true });
  const { page, context, watch } = await suite.open("/setup", { viewport: { width: 360, height: 800 } });
  await signIn(page, suite.account("country_admin"));
  const checklist = page.locator(".checklist");
  await checklist.getByRole("heading", { name: "Set up your country" }).waitFor();
  const step = (name: string) => checklist.locator(".checklist__step", { has: page.getByRole("heading", { name }) });
  // Computed from what exists: the demo has districts, facilities and a data manager, but no profile saved yet.
  assert.match((await step("Geography").textContent()) ?? "", /done/);
  assert.match((await step("Country profile").textContent()) ?? "", /to do/);
  // Each step links to where it is done.
  assert.equal(await step("Facilities").getByRole("link", { name: "Open facilities" }).count(), 1);
  assert.equal(await step("Challenge taxonomy").getByRole("link", { name: "Open the taxonomy" }).count(), 1);
  assert.match((await step("Staff").textContent()) ?? "", /A system administrator does this step/);
  await page.waitForLoadState("networkidle");
  await assertAxeClean(page);
  assert.equal(await horizontalOverflow(page), 0);
  await page.screenshot({ path: path.join(shots, "setup-checklist-360.png") });
  await checklist.screenshot({ path: path.join(shots, "setup-checklist-steps-360.png") });

  await step("Country profile").getByRole("link", { name: "Open the country profile" }).click();
  await page.getByRole("heading", { level: 1, name: "Country profile" }).waitFor();
  await page.getByLabel("Name in English").fill("Mozambique");
  await page.getByLabel("Name in Português").fill("Moçambique");
  await page.getByLabel("Country code (ISO 3166, two letters)").fill("mz");
  await page.getByLabel("Time zone").selectOption("Africa/Maputo");
  await page.getByLabel("Platform name").fill("CLM Moçambique");
  // Too light a colour is flagged at once; the server refuses it too.
  await page.getByLabel("Main colour (buttons and links)").fill("#f0c040");
  await page.getByText(/is too low: choose a darker colour/).waitFor();
  await page.getByLabel("Main colour (buttons and links)").fill("#7a1f5c");
  await page.getByLabel("Get connected (forum)").uncheck();
  await page.waitForLoadState("networkidle");
  await assertAxeClean(page);
  await page.getByRole("button", { name: "Save the profile" }).click();
  await page.getByText("Country profile saved.").waitFor();
  await page.getByText("Phone numbering plan: +258.").waitFor();

  await page.getByLabel("Image file").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: png(64, 32) });
  await page.getByRole("button", { name: "Upload the logo" }).click();
  await page.getByText("Logo saved.").waitFor();
  await page.locator('.site-header img.brand__mark[src^="/api/branding/logo"]').waitFor();
  assert.equal(await page.locator(".brand__name").textContent(), "CLM Moçambique");
  await page.waitForLoadState("networkidle");
  await assertAxeClean(page);
  assert.equal(await horizontalOverflow(page), 0);
  await page.screenshot({ path: path.join(shots, "setup-profile-360.png"), fullPage: true });
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.screenshot({ path: path.join(shots, "setup-profile-1366.png"), fullPage: true });

  assert.deepEqual(await watch.cspViolations(), [], "CSP violations (the brand colours are set through the CSSOM)");
  assert.deepEqual(watch.errors, [], "console errors");

  // Back on the checklist, the profile step is done, and with it the last step the demo country lacked.
  await page.getByRole("link", { name: "Back to the set-up checklist" }).click();
  await checklist.getByRole("heading", { name: "Your country is set up" }).waitFor();
  await step("Country profile")
    .getByText(/— done/)
    .waitFor();
  await checklist.screenshot({ path: path.join(shots, "setup-checklist-1366.png") });

  // The community app hides the forum the country switched off, and wears the country's colour.
  const app = await context.newPage();
  await app.goto("/app/");
  await app.locator(".tile--involved").waitFor();
  assert.equal(await app.locator(".tile--connected").count(), 0);
  assert.equal(await app.locator(".tile--access").count(), 1);
  const brand = await app.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--brand").trim());
  assert.equal(brand, "#7a1f5c");
});
