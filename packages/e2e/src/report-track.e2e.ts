import assert from "node:assert/strict";
import { test } from "node:test";
import type { TrackedReport } from "@openclm/contracts";
import type { APIRequestContext, Page } from "playwright-core";
import { assertAxeClean, pageHeading } from "./support/checks.js";
import { submitByApi } from "./support/report-steps.js";
import { unexpectedErrors, useReportSuite } from "./support/report-suite.js";

const suite = useReportSuite();

/** Waits for the page whose heading is `name` (a click's route change may not have landed yet). */
async function h1(page: Page, name: string): Promise<void> {
  await page.getByRole("heading", { level: 1, name }).waitFor();
  assert.equal(await pageHeading(page), name);
}

const submit = (request: APIRequestContext) => submitByApi(request, { keyPopulations: [] });

test("the track page shows responder messages, sends a reply, and asks whether the problem was solved", async () => {
  const { page, watch } = await suite.open("/app", { viewport: { width: 360, height: 740 } });
  await pageHeading(page);
  const code = await submit(page.request);
  await suite.responderMessage(code, "We called the clinic. Please go back on Monday.");

  // Open it with its code from My reports.
  await page.getByRole("link", { name: /My reports/ }).click();
  await h1(page, "My reports");
  await page.getByText("There are no reports on this phone yet.").waitFor();
  await assertAxeClean(page);
  await page.getByLabel("Tracking code").fill(code.toLowerCase());
  await page.getByRole("button", { name: "Open" }).click();
  await h1(page, "Your report");
  await page.getByText("We called the clinic. Please go back on Monday.").waitFor();
  await page.getByText("Received. A team will look at it soon.").waitFor();
  await assertAxeClean(page);

  await page.getByLabel("Write a message to the helper").fill("Thank you, I will go.");
  await page.getByRole("button", { name: "Send message" }).click();
  await page.getByText("Your message was sent.").waitFor();
  await page.locator(".message--reporter", { hasText: "Thank you, I will go." }).waitFor();
  const tracked = (await (await page.request.get(`/api/reports/track/${code}`)).json()) as TrackedReport;
  assert.deepEqual(
    tracked.messages.map((m) => [m.from, m.body]),
    [
      ["responder", "We called the clinic. Please go back on Monday."],
      ["reporter", "Thank you, I will go."],
    ],
  );

  // Keep it on this phone, then the responder resolves it; the reporter says it was not solved.
  await page.getByRole("button", { name: "Keep this report on this phone" }).click();
  await suite.resolve(code);
  // The open report lives in memory only (its code never enters the address): reopen it from My reports.
  await page.reload();
  await page.getByRole("link", { name: "Back to My reports" }).click();
  await page.locator(".report-item__link", { hasText: code }).click();
  await page.getByRole("heading", { name: "Was your problem solved?" }).waitFor();
  await assertAxeClean(page);
  await page.getByRole("button", { name: "No, it was not solved" }).click();
  // The page says what happens now, and keeps saying it after a reload.
  await page
    .locator(".status-card", { hasText: "Opened again, because you said the problem is not solved." })
    .waitFor();
  await page.getByText("A helper will look at it again and write to you here.").waitFor();
  const after = (await (await page.request.get(`/api/reports/track/${code}`)).json()) as TrackedReport;
  assert.notEqual(after.status, "resolved");
  assert.equal(after.canConfirm, false);

  // Take back "you may contact me" and give "tell what happened", by keyboard-reachable checkboxes; saved at once.
  const consent = page.getByRole("group", { name: "What we may do with this report" });
  assert.equal(await consent.getByRole("checkbox", { name: /contact me/ }).isChecked(), true);
  await consent.getByRole("checkbox", { name: /contact me/ }).uncheck();
  await consent.getByRole("checkbox", { name: /tell what happened/ }).check();
  await page.getByRole("button", { name: "Save my choices" }).click();
  await page.getByText("Your choices were saved.").waitFor();
  await assertAxeClean(page);
  const consented = (await (await page.request.get(`/api/reports/track/${code}`)).json()) as TrackedReport;
  assert.deepEqual(consented.consent, { contactMe: false, shareDeidentified: true, useInAdvocacyStories: true });

  // Forget it on this device.
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Forget this report on this phone" }).click();
  await h1(page, "My reports");
  assert.equal(await page.locator(".report-item__code", { hasText: code }).count(), 0);
  assert.deepEqual(unexpectedErrors(watch), []);
});

test("an unknown code says so in plain words", async () => {
  const { page } = await suite.open("/app/track/ZZZZ-ZZZZ");
  await h1(page, "Your report");
  await page.getByText("No report has this code.", { exact: false }).waitFor();
});

test("after “Yes, it was solved” the page shows the confirmed state, not the helper's claim", async () => {
  const { page } = await suite.open("/app/track", { viewport: { width: 360, height: 740 } });
  const code = await submit(page.request);
  await suite.resolve(code);
  await page.getByLabel("Tracking code").fill(code);
  await page.getByRole("button", { name: "Open" }).click();
  await page.locator(".status-card", { hasText: "The helper says the problem is solved." }).waitFor();
  await page.getByRole("button", { name: "Yes, it was solved" }).click();
  const card = page.locator(".status-card");
  await card.getByText("Solved: you said the problem is solved. Thank you.").waitFor();
  assert.equal(await page.getByText("The helper says the problem is solved.").count(), 0);
  assert.equal(await page.getByRole("heading", { name: "Was your problem solved?" }).count(), 0);
  // Focus moved to the new status: the buttons that had it are gone.
  assert.ok(await card.evaluate((el) => el === document.activeElement));
  await assertAxeClean(page);
  const after = (await (await page.request.get(`/api/reports/track/${code}`)).json()) as TrackedReport;
  assert.equal(after.reporterConfirmed, true);
});

test("a report joined with another says so in the reporter's words and follows the other's status, not its code", async () => {
  const SHOTS = process.env.SCREENSHOT_DIR;
  const { page, watch } = await suite.open("/app/track", { viewport: { width: 360, height: 740 } });
  const duplicate = await submit(page.request);
  const kept = await submit(page.request);
  await suite.merge(duplicate, kept);
  await page.getByLabel("Tracking code").fill(duplicate);
  await page.getByRole("button", { name: "Open" }).click();
  const card = page.locator(".status-card");
  await card
    .getByText("This report was joined with another report about the same problem.", { exact: false })
    .waitFor();
  // The kept report's status (being worked on), not this one's "not taken up".
  await card.getByText("A helper is working on it.").waitFor();
  assert.equal(await page.getByText("Not taken up. The message below says why", { exact: false }).count(), 0);
  assert.equal(await page.getByText(kept).count(), 0, "the other report's code is never shown");
  // Its timeline says it was joined, not that it was turned down.
  await page.locator(".timeline__status", { hasText: "Joined with another report" }).waitFor();
  assert.equal(await page.locator(".timeline__status", { hasText: "Not taken up" }).count(), 0);
  await assertAxeClean(page);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/track-merged-360.png`, fullPage: true });
  await page.setViewportSize({ width: 1366, height: 800 });
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/track-merged-1366.png` });
  assert.deepEqual(unexpectedErrors(watch), []);

  // In French, the same page in the reporter's language.
  const fr = await suite.open("/app/track", {
    viewport: { width: 360, height: 740 },
    storage: { "openclm.lang": "fr" },
  });
  await fr.page.locator(".track-form input").fill(duplicate);
  await fr.page.locator(".track-form button[type=submit]").click();
  await fr.page.getByText("Ce signalement a été réuni avec un autre signalement", { exact: false }).waitFor();
});
