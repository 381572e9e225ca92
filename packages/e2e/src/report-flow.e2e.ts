import assert from "node:assert/strict";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { assertAxeClean, horizontalOverflow, pageHeading } from "./support/checks.js";
import { config, fillRequired, h1, next, phone, stepTitle } from "./support/report-steps.js";
import { unexpectedErrors, useReportSuite } from "./support/report-suite.js";

const suite = useReportSuite();

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
  await page.getByText("Step 1 of 11").waitFor();
  await next(page);
  await page.locator(".field-error", { hasText: "Please choose what the problem was about." }).waitFor();
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
  await page.locator(".choices", { hasText: "Please choose a region, or use your location." }).waitFor();
  await page.getByRole("group", { name: "Region" }).getByRole("radio").first().check();
  await page.locator("fieldset", { hasText: "District in" }).getByRole("radio").first().check();
  await assertAxeClean(page);
  await next(page);

  await stepTitle(page, "Was it at one of these places?");
  const places = page.getByRole("group", { name: "Was it at one of these places?" }).getByRole("radio");
  // The district's facilities arrive after the step shows (only "no particular place" is there at first).
  await places.nth(1).waitFor();
  const facility = places.first();
  const facilityName = ((await facility.locator("xpath=..").textContent()) ?? "").trim();
  assert.ok(facilityName && facilityName !== "No particular place, or I do not know");
  await facility.check();
  await assertAxeClean(page);
  await next(page);

  await stepTitle(page, "When did it happen?");
  await next(page);
  await page.locator(".choices", { hasText: "Please choose when it happened." }).waitFor();
  await page.getByRole("radio", { name: "Another day" }).check();
  await page.getByLabel("Date", { exact: true }).fill("2999-01-01");
  await next(page);
  await page.locator(".field", { hasText: "The date cannot be in the future." }).waitFor();
  await page.getByLabel("Date", { exact: true }).fill("2025-01-15");
  await assertAxeClean(page);
  await next(page);

  await stepTitle(page, "Tell us more");
  await page.getByLabel("What happened? (if you want)").fill("They asked me to pay for my medicines.");
  await page.getByText("38 of 4000 letters").waitFor();
  await assertAxeClean(page);
  // Reloading keeps the answers (sessionStorage).
  await page.reload();
  await stepTitle(page, "Tell us more");
  assert.equal(
    await page.getByLabel("What happened? (if you want)").inputValue(),
    "They asked me to pay for my medicines.",
  );
  await next(page);

  // The three questions about the person, one per step.
  await stepTitle(page, "About the person: gender");
  await page.getByRole("radio", { name: "Woman" }).check();
  await assertAxeClean(page);
  await next(page);
  await stepTitle(page, "About the person: age");
  await page.getByRole("radio", { name: "Prefer not to say" }).check();
  await next(page);
  await stepTitle(page, "Does any of this describe the person?");
  // Gender and age were asked already: no "woman or girl" or "child" to contradict them.
  assert.equal(await page.getByRole("checkbox", { name: "Woman or girl" }).count(), 0);
  assert.equal(await page.getByRole("checkbox", { name: "Child" }).count(), 0);
  await page.getByRole("checkbox", { name: "Living with HIV" }).check();
  await assertAxeClean(page);
  await next(page);

  await stepTitle(page, "What may we do with this report?");
  await page.getByRole("checkbox", { name: "You may contact me about this report." }).check();
  await assertAxeClean(page);
  await next(page);

  await stepTitle(page, "Phone number for answers");
  await page.getByText("Step 12 of 13").waitFor();
  await page.getByLabel("Phone number (if you want)").fill("call me");
  await next(page);
  await page.locator(".field-error", { hasText: /Please check the phone number/ }).waitFor();
  await page.getByLabel("Phone number (if you want)").fill("+258 84 123 4567");
  await assertAxeClean(page);
  await next(page);

  await stepTitle(page, "Check and send");
  const review = (await page.locator(".review").textContent()) ?? "";
  for (const text of [
    category.label,
    sub.label,
    challenge.label,
    facilityName,
    "January 15, 2025",
    "Woman",
    "Living with HIV",
    "+258 84 123 4567",
  ]) {
    assert.ok(review.includes(text), `review shows ${text}`);
  }
  await assertAxeClean(page);
  assert.equal(await horizontalOverflow(page), 0);
  // An edit link goes back to its step, and Next walks back to the review.
  await page.getByRole("button", { name: /^Change\W+When$/ }).click();
  await stepTitle(page, "When did it happen?");
  for (let i = 0; i < 7; i++) await next(page);
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

test("questions switched off in Settings are not asked, not on the review, and not sent (360 px)", async () => {
  await suite.setReportQuestions({
    gender: false,
    ageGroup: true,
    keyPopulations: false,
    facility: false,
    occurredOn: false,
  });
  try {
    const { page } = await suite.open("/app/report", phone);
    await toPlaceStep(page);
    await page.getByRole("group", { name: "Region" }).getByRole("radio").first().check();
    await page.locator("fieldset", { hasText: "District in" }).getByRole("radio").first().check();
    await next(page);
    // No facility, no date: straight on to the story, in a flow of eight steps.
    await stepTitle(page, "Tell us more");
    await page.getByText("Step 5 of 8").waitFor();
    await next(page);
    await stepTitle(page, "About the person: age");
    await page.getByRole("radio", { name: "Prefer not to say" }).check();
    await next(page);
    await stepTitle(page, "What may we do with this report?");
    await next(page);
    await stepTitle(page, "Check and send");
    const rows = await page.locator(".review__row dt").allTextContents();
    for (const off of ["Place", "When"]) assert.ok(!rows.includes(off), `no ${off} row`);
    assert.ok(rows.includes("About the person"), "the age group is still asked");
    await assertAxeClean(page);
    const sent = page.waitForRequest((r) => r.method() === "POST" && new URL(r.url()).pathname === "/api/reports");
    await page.getByRole("button", { name: "Send report" }).click();
    const body = (await sent).postDataJSON() as Record<string, unknown>;
    assert.deepEqual(
      [body.occurredOn, body.facilityId, body.gender, body.ageGroup, body.keyPopulations],
      [null, null, null, "undisclosed", []],
    );
    await h1(page, "Thank you. Your report was sent.");
  } finally {
    await suite.setReportQuestions(null);
  }
});

/** From the intro to "Where did it happen?" with the first category and subcategory. */
async function toPlaceStep(page: Page): Promise<void> {
  const cfg = await config(page);
  await page.getByRole("button", { name: "Start" }).click();
  await page.getByRole("radio", { name: cfg.taxonomy[0]?.label }).check();
  await next(page);
  await page.getByRole("radio", { name: cfg.taxonomy[0]?.subcategories[0]?.label }).check();
  await next(page);
  await stepTitle(page, "What happened?");
  await next(page);
  await stepTitle(page, "Where did it happen?");
}

/** Whether `el` is on screen and not under the sticky Back/Next bar. */
async function clearOfNavBar(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    const bar = document.querySelector(".step__nav");
    if (!el || !bar) return false;
    const box = el.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= bar.getBoundingClientRect().top;
  }, selector);
}

test("a region without its district: the error names the district, sits by the list and takes focus (360 px)", async () => {
  const { page } = await suite.open("/app/report", phone);
  await toPlaceStep(page);
  await page.getByRole("group", { name: "Region" }).getByRole("radio").first().check();
  await next(page);
  const districts = page.locator("fieldset", { hasText: "District in" });
  await districts.getByText("Please choose a district.").waitFor();
  assert.equal(await page.getByRole("alert").textContent(), "Please choose a district.", "announced once more");
  // Focus is on the district list, on screen above the Back/Next bar, and the list is described by the error.
  const focused = await page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    el?.setAttribute("data-focused", "");
    return { name: el?.name, invalid: el?.getAttribute("aria-invalid") };
  });
  assert.deepEqual(focused, { name: "district", invalid: "true" });
  assert.ok(await clearOfNavBar(page, "[data-focused]"), "the focused choice is visible");
  assert.match((await districts.getAttribute("aria-describedby")) ?? "", /error/);
  await assertAxeClean(page);
});

test("the facility question is its own step, its choices in view above the Back/Next bar (360 px)", async () => {
  const { page } = await suite.open("/app/report", phone);
  await toPlaceStep(page);
  await page.getByRole("group", { name: "Region" }).getByRole("radio").first().check();
  await page.locator("fieldset", { hasText: "District in" }).getByRole("radio").first().check();
  await next(page);
  await stepTitle(page, "Was it at one of these places?");
  const group = page.getByRole("group", { name: "Was it at one of these places?" });
  await group.getByRole("radio").nth(1).waitFor();
  assert.ok(await clearOfNavBar(page, ".choices .choice"), "the first place is in view");
  await group.getByRole("radio", { name: "No particular place, or I do not know" }).check();
  await assertAxeClean(page);
});

test("with nothing ticked, the review says what each consent not given means; the date is in words", async () => {
  const { page } = await suite.open("/app/report", phone);
  await fillRequired(page, await config(page));
  const consent = (await page.locator(".review__row", { hasText: "What you allow" }).textContent()) ?? "";
  for (const text of [
    "Nobody will contact you.",
    "The report is not counted in the figures the programme publishes.",
    "What happened is not told to others to ask for change.",
    "Whatever you choose, the team works on the report and counts it in its own figures.",
  ]) {
    assert.ok(consent.includes(text), `review says: ${text}`);
  }
  assert.ok(!consent.includes("Nothing allowed"));
  const when = (await page.locator(".review__row", { hasText: "When" }).locator("dd").first().textContent()) ?? "";
  assert.doesNotMatch(when, /\d{4}-\d{2}-\d{2}/, "not an ISO date");
  assert.equal(when, new Intl.DateTimeFormat("en", { dateStyle: "long" }).format(new Date()));
  // In French the day reads the French way.
  await page.getByLabel("Language").selectOption("fr");
  const quand = page.locator(".review__row", { hasText: "Quand" }).locator("dd").first();
  await quand.filter({ hasText: new Intl.DateTimeFormat("fr", { dateStyle: "long" }).format(new Date()) }).waitFor();
});
