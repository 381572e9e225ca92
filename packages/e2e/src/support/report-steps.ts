import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import type { PublicConfig, SubmitReportResult } from "@openclm/contracts";
import type { APIRequestContext, Page } from "playwright-core";
import { pageHeading } from "./checks.js";

/** Waits for the page whose heading is `name` (a click's route change may not have landed yet). */
export async function h1(page: Page, name: string): Promise<void> {
  await page.getByRole("heading", { level: 1, name }).waitFor();
  assert.equal(await pageHeading(page), name);
}

export const phone = { viewport: { width: 360, height: 740 } };

export async function config(page: Page): Promise<PublicConfig> {
  return (await (await page.request.get("/api/config?lang=en")).json()) as PublicConfig;
}

export async function stepTitle(page: Page, title: string): Promise<void> {
  await page.getByRole("heading", { level: 2, name: title }).waitFor();
}

export async function next(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Next" }).click();
}

/**
 * The required answers only, from the intro to the review screen, in the first category and subcategory; `challenges`
 * names challenge types to tick there as well (by the label the app shows).
 */
export async function fillRequired(page: Page, cfg: PublicConfig, challenges: string[] = []): Promise<void> {
  const category = cfg.taxonomy[0];
  const sub = category?.subcategories[0];
  assert.ok(category && sub);
  await page.getByRole("button", { name: "Start" }).click();
  await stepTitle(page, "What was the problem about?");
  await page.getByRole("radio", { name: category.label }).check();
  await next(page);
  await page.getByRole("radio", { name: sub.label }).check();
  await next(page);
  await stepTitle(page, "What happened?");
  for (const name of challenges) await page.getByRole("checkbox", { name }).check();
  await next(page);
  await stepTitle(page, "Where did it happen?");
  await page.getByRole("group", { name: "Region" }).getByRole("radio").first().check();
  await page.locator("fieldset", { hasText: "District in" }).getByRole("radio").first().check();
  await next(page);
  await stepTitle(page, "Was it at one of these places?");
  await next(page);
  await stepTitle(page, "When did it happen?");
  await page.getByRole("radio", { name: "Today" }).check();
  await next(page);
  await stepTitle(page, "Tell us more");
  await next(page);
  // Each step's title before its Next: a click while the step before is still being replaced can be lost.
  await stepTitle(page, "About the person: gender");
  await next(page);
  await stepTitle(page, "About the person: age");
  await next(page);
  await stepTitle(page, "Does any of this describe the person?");
  await next(page);
  await stepTitle(page, "What may we do with this report?");
  await next(page);
  await stepTitle(page, "Check and send");
}

/** From the app's home: sends a report with the required answers and answers its tracking code, as the sent screen shows it. */
export async function sendReport(page: Page): Promise<string> {
  const cfg = await config(page);
  await page.getByRole("link", { name: /Get involved/ }).click();
  await fillRequired(page, cfg);
  await page.getByRole("button", { name: "Send report" }).click();
  await h1(page, "Thank you. Your report was sent.");
  const code = ((await page.locator("[data-tracking-code]").textContent()) ?? "").trim();
  assert.match(code, /^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  return code;
}

/** Everything the page's origin keeps in localStorage and sessionStorage, as one text. */
export async function storage(page: Page): Promise<string> {
  return page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
}

/** Whether `text` holds the tracking code, with or without its dash. */
export const holdsCode = (text: string, code: string) => text.includes(code) || text.includes(code.replace("-", ""));

/** A report sent straight to the API (as the app's outbox would), for tests that start on the track page. */
export async function submitByApi(request: APIRequestContext, extra: Record<string, unknown> = {}): Promise<string> {
  const cfg = (await (await request.get("/api/config")).json()) as PublicConfig;
  const res = await request.post("/api/reports", {
    data: {
      clientId: randomUUID(),
      channel: "app",
      reporterMode: "self",
      categoryCode: cfg.taxonomy[0]?.code,
      subcategoryCode: cfg.taxonomy[0]?.subcategories[0]?.code,
      challengeTypes: [],
      districtId: cfg.areas.find((a) => a.isLeaf)?.id,
      consent: { contactMe: true, shareDeidentified: true, useInAdvocacyStories: false },
      ...extra,
    },
  });
  assert.equal(res.status(), 201);
  return ((await res.json()) as SubmitReportResult).trackingCode;
}
