import assert from "node:assert/strict";
import type { PublicConfig } from "@openclm/contracts";
import type { Page } from "playwright-core";
import { pageHeading } from "./checks.js";

/** Waits for the page whose heading is `name` (a click's route change may not have landed yet). */
export async function h1(page: Page, name: string): Promise<void> {
  await page.getByRole("heading", { level: 1, name }).waitFor();
  assert.equal(await pageHeading(page), name);
}

export async function stepTitle(page: Page, title: string): Promise<void> {
  await page.getByRole("heading", { level: 2, name: title }).waitFor();
}

export async function next(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Next" }).click();
}

/** The required answers only, from the intro to the review screen. */
export async function fillRequired(page: Page, cfg: PublicConfig): Promise<void> {
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
  await next(page);
  await stepTitle(page, "Where did it happen?");
  await page.getByRole("group", { name: "Region" }).getByRole("radio").first().check();
  await page.locator("fieldset", { hasText: "District in" }).getByRole("radio").first().check();
  await next(page);
  await stepTitle(page, "Tell us more");
  await next(page);
  await next(page); // about the person
  await next(page); // consent
  await stepTitle(page, "Check and send");
}
