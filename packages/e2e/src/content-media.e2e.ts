import assert from "node:assert/strict";
import { test } from "node:test";
import type { Locator, Page } from "playwright-core";
import sharp from "sharp";
import { assertAxeClean, horizontalOverflow } from "./support/checks.js";
import { signIn, useStaffSuite } from "./support/staff.js";

/**
 * Issue 15 (an image with its description and an announcement meant for a district, read first in /app) and issue 17
 * (facility quality on the public dashboard, its grouping kept in the address), at 360 px and axe-clean.
 */
const suite = useStaffSuite();

/** `SCREENSHOTS_DIR=…` keeps a picture of each screen (for people reviewing the change); nothing otherwise. */
async function shot(page: Page | Locator, name: string) {
  const dir = process.env.SCREENSHOTS_DIR;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, ...("url" in page ? { fullPage: true } : {}) });
}

test("an announcement with an uploaded image and its description, meant for a district, comes first for readers there", async () => {
  const admin = await suite.open("/setup/content", { viewport: { width: 1366, height: 900 } });
  await signIn(admin.page, suite.account("country_admin"));
  await admin.page.getByRole("heading", { name: "Suggested announcements" }).waitFor();
  await shot(admin.page, "setup-content-1366");
  await admin.page.getByRole("button", { name: "New item" }).click();
  const form = admin.page.locator(".content-editor");
  await form.getByLabel("Kind").selectOption("announcement");
  await form.getByLabel("Address name (lower-case letters, digits, hyphens)").fill("new-clinic-hours");
  await form.getByLabel("Title").fill("New clinic hours");
  await form.getByLabel("Text (Markdown)").fill("The clinic now opens on **Saturdays**.");

  // An image needs its description before it can be uploaded.
  const png = await sharp({ create: { width: 900, height: 400, channels: 3, background: { r: 30, g: 110, b: 160 } } })
    .png()
    .toBuffer();
  await form.getByLabel("Image file (JPEG, PNG or WebP, at most 5 MB)").setInputFiles({
    name: "clinic.png",
    mimeType: "image/png",
    buffer: png,
  });
  const insert = form.getByRole("button", { name: "Upload and insert" });
  assert.equal(await insert.isDisabled(), true, "no upload without a description");
  await form.getByLabel("Description of the image (required)").fill("The clinic's front door");
  await insert.click();
  await form.getByText("Image inserted at the end of the text.").waitFor();
  const previewImage = form.locator('.content-editor__preview img[alt="The clinic\'s front door"]');
  await previewImage.waitFor();
  assert.match((await previewImage.getAttribute("src")) ?? "", /^\/api\/content\/images\/[0-9a-f-]{36}$/);
  // Not published yet: only content editors get the image (anyone else gets 404), and the editor sees it.
  await admin.page.waitForFunction(
    () => (document.querySelector(".content-editor__preview img") as HTMLImageElement | null)?.naturalWidth === 900,
  );

  // Meant for one district; the live figure for that district.
  const config = (await (await admin.page.request.get(`${suite.url}/api/config?lang=en`)).json()) as {
    areas: { id: string; name: string; isLeaf: boolean; level: number }[];
  };
  const district = config.areas.filter((a) => a.isLeaf && a.level > 0).sort((a, b) => a.name.localeCompare(b.name))[1]!;
  await form.locator(".area-picker").getByLabel(district.name, { exact: true }).check();
  await form.getByLabel("Show a live count with this announcement").check();
  await form.getByLabel("Only this district (optional)").selectOption(district.id);
  await form.getByLabel("Words before the number (this language)").fill("Reports resolved this year");
  await form.getByRole("button", { name: "Save" }).click();
  await form.getByText(/Saved\./).waitFor();
  await form.getByRole("button", { name: "Publish now" }).click();
  await form.getByText(/Published\. Published/).waitFor();
  await shot(admin.page, "setup-content-editor-1366");
  await assertAxeClean(admin.page);

  // A reader at 360 px picks the district: the announcement is under "In <district>", with its image. The app's
  // service worker is in control, as on a phone after the first visit (it keeps images for reading offline).
  const reader = await suite.open("/app/updates", { viewport: { width: 360, height: 740 }, serviceWorkers: "allow" });
  await reader.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await reader.page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await reader.page.getByLabel("Your district").selectOption(district.id);
  const mine = reader.page.locator("section", {
    has: reader.page.getByRole("heading", { name: `In ${district.name}` }),
  });
  await mine.getByRole("link", { name: "New clinic hours" }).waitFor();
  await reader.page.getByRole("heading", { name: "Everywhere else" }).waitFor();
  assert.equal(await horizontalOverflow(reader.page), 0);
  await assertAxeClean(reader.page);
  await shot(reader.page, "app-updates-360");
  // Remembered on the phone.
  await reader.page.reload();
  await mine.getByRole("link", { name: "New clinic hours" }).waitFor();
  await mine.getByRole("link", { name: "New clinic hours" }).click();
  const image = reader.page.locator('.content-body img[alt="The clinic\'s front door"]');
  await image.waitFor();
  await reader.page.waitForFunction(
    () => (document.querySelector(".content-body img") as HTMLImageElement | null)?.naturalWidth === 900,
  );
  const box = await image.boundingBox();
  assert.ok(box && box.width <= 360, "the image fits the phone");
  assert.equal(await horizontalOverflow(reader.page), 0);
  await assertAxeClean(reader.page);
  await shot(reader.page, "app-announcement-360");

  // Read once online, the article shows its image offline too (the worker's image cache, not the browser's).
  const src = (await image.getAttribute("src")) ?? "";
  await reader.page.waitForFunction(
    (url) => caches.open("openclm-content-images").then((c) => c.match(url).then((r) => r !== undefined)),
    src,
  );
  await reader.context.setOffline(true);
  await reader.page.reload();
  await reader.page
    .getByRole("status")
    .filter({ hasText: /copy saved on this phone/ })
    .waitFor();
  await reader.page.waitForFunction(
    () => (document.querySelector(".content-body img") as HTMLImageElement | null)?.naturalWidth === 900,
  );
  await shot(reader.page, "app-announcement-offline-360");

  // A live figure whose count is below the suppression threshold shows no number (disclosure control).
  await reader.context.setOffline(false);
  const quiet = new Date().getUTCFullYear() - 5;
  const created = await admin.page.request.post(`${suite.url}/api/setup/content`, {
    data: {
      kind: "announcement",
      slug: "quiet-year",
      translations: { en: { title: "A quiet year", body: "Few reports that year." } },
      figure: {
        metric: "reports_resolved",
        from: `${quiet}-01-01`,
        to: `${quiet}-12-31`,
        label: { en: `Reports resolved in ${quiet}` },
      },
    },
  });
  assert.equal(created.status(), 201, await created.text());
  const { id } = (await created.json()) as { id: string };
  assert.equal(
    (await admin.page.request.post(`${suite.url}/api/setup/content/${id}/publication`, { data: {} })).status(),
    200,
  );
  await reader.page.goto("/app/updates/quiet-year");
  const figure = reader.page.locator(".content-figure");
  await figure.getByText(`Reports resolved in ${quiet}`).waitFor();
  assert.equal(await figure.locator("strong").textContent(), "too few to show yet");
  assert.deepEqual(admin.watch.errors, []);
  // Offline, the browser logs the requests it could not make; nothing else may fail.
  assert.deepEqual(
    reader.watch.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e)),
    [],
  );
});

test("the public dashboard shows facility quality with disclosure control; the grouping survives a reload", async () => {
  for (const width of [360, 1366]) {
    const { page, watch } = await suite.open("/dashboard/public", { viewport: { width, height: 900 } });
    const panel = page.locator(".dash-card--facility-quality");
    await panel.getByRole("heading", { name: "Facility quality (community ratings)" }).waitFor();
    await panel.getByText(/Counts are slightly altered/).waitFor();
    await panel.getByLabel("Show by").selectOption("district");
    await page.waitForURL(/[?&]quality=district/);
    await page.reload();
    await panel.getByRole("heading", { name: "Facility quality (community ratings)" }).waitFor();
    assert.equal(await panel.getByLabel("Show by").inputValue(), "district", "the grouping is kept in the address");
    await panel.locator("table th", { hasText: "District" }).first().waitFor();
    if (width === 360) assert.equal(await horizontalOverflow(page), 0);
    await assertAxeClean(page);
    await shot(panel, `dashboard-quality-${width}`);
    assert.deepEqual(watch.errors, []);
  }
});
