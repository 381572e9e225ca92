import assert from "node:assert/strict";
import { test } from "node:test";
import type { PublicConfig } from "@openclm/contracts";
import type { Page } from "playwright-core";
import { fillRequired, h1, next, stepTitle } from "./support/app-flow.js";
import { assertAxeClean, horizontalOverflow, pageHeading } from "./support/checks.js";
import { unexpectedErrors, useReportSuite } from "./support/report-suite.js";

const suite = useReportSuite();
const phone = { viewport: { width: 360, height: 740 } };

async function config(page: Page): Promise<PublicConfig> {
  return (await (await page.request.get("/api/config?lang=en")).json()) as PublicConfig;
}

test("the whole flow sends exactly one report and shows its tracking code; every screen is axe-clean at 360 px", async () => {
  const since = new Date();
  const { page, watch } = await suite.open("/app", phone);
  const cfg = await config(page);
  const category = cfg.taxonomy[1] ?? cfg.taxonomy[0];
  const sub = category?.subcategories[0];
  const challenge = sub?.challengeTypes[0];
  assert.ok(category && sub && challenge);

  await page.getByRole("link", { name: /Get involved/ }).click();
  await h1(page, "Get involved");
  await assertAxeClean(page);
  await page.getByRole("button", { name: "Start" }).click();

  // Step 1, by keyboard: the question has focus; Tab to the choices, arrow to the wanted one, Enter to go on.
  await stepTitle(page, "What was the problem about?");
  await page.getByText("Step 1 of 8").waitFor();
  await next(page);
  await page.getByText("Please choose what the problem was about.").waitFor();
  await assertAxeClean(page);
  await page.getByRole("radio", { name: category.label }).focus();
  await page.keyboard.press("Space");
  assert.ok(await page.getByRole("radio", { name: category.label }).isChecked());
  await page.keyboard.press("Enter");

  await stepTitle(page, "Which of these fits best?");
  await page.getByText(sub.description).waitFor();
  await page.getByRole("radio", { name: sub.label }).check();
  await assertAxeClean(page);
  await next(page);

  await stepTitle(page, "What happened?");
  await page.getByRole("checkbox", { name: challenge.label }).check();
  await assertAxeClean(page);
  await next(page);

  await stepTitle(page, "Where did it happen?");
  await next(page);
  await page.getByText("Please choose a region, or use your location.").waitFor();
  await page.getByRole("group", { name: "Region" }).getByRole("radio").first().check();
  await page.locator("fieldset", { hasText: "District in" }).getByRole("radio").first().check();
  const facility = page.getByLabel("Place where it happened (if you want)");
  await facility.locator("option").nth(1).waitFor({ state: "attached" });
  const facilityName = (await facility.locator("option").nth(1).textContent()) ?? "";
  await facility.selectOption({ index: 1 });
  await assertAxeClean(page);
  await next(page);

  await stepTitle(page, "Tell us more");
  await page.getByLabel("What happened? (if you want)").fill("They asked me to pay for my medicines.");
  await page.getByText("38 of 4000 letters").waitFor();
  await page.getByLabel("When did it happen?").fill("2999-01-01");
  await next(page);
  await page.getByText("The date cannot be in the future.").waitFor();
  await page.getByLabel("When did it happen?").fill("2025-01-15");
  await assertAxeClean(page);
  // Reloading keeps the answers (sessionStorage).
  await page.reload();
  await stepTitle(page, "Tell us more");
  assert.equal(
    await page.getByLabel("What happened? (if you want)").inputValue(),
    "They asked me to pay for my medicines.",
  );
  await next(page);

  await stepTitle(page, "About the person");
  await page.getByRole("group", { name: "Gender" }).getByRole("radio", { name: "Woman" }).check();
  await page.getByRole("group", { name: "Age" }).getByRole("radio", { name: "Prefer not to say" }).check();
  await assertAxeClean(page);
  await next(page);

  await stepTitle(page, "What may we do with this report?");
  await page.getByRole("checkbox", { name: "You may contact me about this report." }).check();
  await assertAxeClean(page);
  await next(page);

  await stepTitle(page, "Phone number for answers");
  await page.getByText("Step 8 of 9").waitFor();
  await page.getByLabel("Phone number (if you want)").fill("call me");
  await next(page);
  await page.getByText(/Please check the phone number/).waitFor();
  await page.getByLabel("Phone number (if you want)").fill("+258 84 123 4567");
  await assertAxeClean(page);
  await next(page);

  await stepTitle(page, "Check and send");
  const review = (await page.locator(".review").textContent()) ?? "";
  for (const text of [category.label, sub.label, challenge.label, facilityName, "2025-01-15", "+258 84 123 4567"]) {
    assert.ok(review.includes(text), `review shows ${text}`);
  }
  await assertAxeClean(page);
  assert.equal(await horizontalOverflow(page), 0);
  // An edit link goes back to its step, and Next walks back to the review.
  await page.getByRole("button", { name: /^Change\W+When$/ }).click();
  await stepTitle(page, "Tell us more");

  for (let i = 0; i < 4; i++) await next(page);
  await stepTitle(page, "Check and send");
  await page.getByRole("button", { name: "Send report" }).click();

  await h1(page, "Thank you. Your report was sent.");
  const code = ((await page.locator("[data-tracking-code]").textContent()) ?? "").trim();
  assert.match(code, /^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  await assertAxeClean(page);
  assert.deepEqual(await suite.appReportsSince(since), [code], "exactly one report");

  const tracked = await page.request.get(`/api/reports/track/${code}`);
  assert.equal(tracked.status(), 200);
  assert.equal(((await tracked.json()) as { subcategoryCode: string }).subcategoryCode, sub.code);

  // Only the code, date and category stay on the device: no draft, no outbox, no text.
  const stored = await page.evaluate(() => ({ ...localStorage, ...sessionStorage }));
  assert.equal(stored["openclm.outbox"], undefined);
  assert.equal(stored["openclm.report.draft"], undefined);
  assert.ok(!JSON.stringify(stored).includes("medicines"), "no report text on the device");
  assert.ok(stored["openclm.reports"]?.includes(code));

  await page.getByRole("link", { name: "See my report" }).click();
  await h1(page, "Your report");
  await page.getByText("Received. A team will look at it soon.").waitFor();
  assert.deepEqual(unexpectedErrors(watch), []);
});

test("double-clicking Send makes one report", async () => {
  const since = new Date();
  const { page } = await suite.open("/app/report");
  await pageHeading(page);
  await fillRequired(page, await config(page));
  await page.getByRole("button", { name: "Send report" }).dblclick();
  await h1(page, "Thank you. Your report was sent.");
  const code = ((await page.locator("[data-tracking-code]").textContent()) ?? "").trim();
  assert.deepEqual(await suite.appReportsSince(since), [code]);
});

test("a report made offline waits on the device and is sent once the phone is back online", async () => {
  const since = new Date();
  // Service workers are blocked in tests: load My reports once so its code is in memory for the offline part.
  const { page, context } = await suite.open("/app/my-reports");
  await h1(page, "My reports");
  await page.getByRole("link", { name: "Back to home" }).click();
  await page.getByRole("link", { name: /Get involved/ }).click();
  await h1(page, "Get involved");
  await fillRequired(page, await config(page));

  await context.setOffline(true);
  await page.getByRole("button", { name: "Send report" }).click();
  await h1(page, "Your report is kept on this phone");
  await page.getByRole("link", { name: "Go to My reports" }).click();
  await h1(page, "My reports");
  await page.getByText("Waiting to send").waitFor();
  assert.deepEqual(await suite.appReportsSince(since), []);

  await context.setOffline(false);
  await page.getByText("Waiting to send").waitFor({ state: "detached", timeout: 20_000 });
  const link = page.locator(".report-item__code");
  await link.first().waitFor();
  const code = ((await link.first().textContent()) ?? "").trim();
  assert.deepEqual(await suite.appReportsSince(since), [code], "sent exactly once");
  assert.equal(await page.evaluate(() => localStorage.getItem("openclm.outbox")), null);
});
