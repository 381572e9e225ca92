import type { Page } from "playwright-core";

/** A challenge type to add: where it goes (by the names Set-up shows) and its code and name per language. */
export interface NewChallengeType {
  /** The category's name as Set-up shows it (in the staff UI's language). */
  category: string;
  /** The subcategory's name as Set-up shows it. */
  subcategory: string;
  code: string;
  /** Name per language, keyed by the language's own name as the form labels it ("English", "Français"). */
  labels: Record<string, string>;
}

/**
 * Adds a challenge type on Set-up's Forms page (/setup/forms), as a country administrator would, and waits until the
 * page says it was added. The page must be signed in with setup:manage and a country-wide scope; the labels are in
 * English, the staff UI's default language.
 */
export async function addChallengeTypeInUi(page: Page, item: NewChallengeType): Promise<void> {
  if (!new URL(page.url()).pathname.startsWith("/setup/forms")) await page.goto("/setup/forms");
  await page.getByRole("heading", { level: 1, name: "Forms" }).waitFor();
  const category = page.locator("details.forms-category", {
    has: page.locator("summary", { hasText: item.category }),
  });
  if (!(await category.evaluate((d) => (d as HTMLDetailsElement).open))) {
    await category.locator("summary").click();
  }
  await category.getByRole("button", { name: `Add a challenge type to ${item.subcategory}` }).click();
  const form = page.getByRole("form", { name: "New challenge type" });
  await form.getByLabel("Code", { exact: true }).fill(item.code);
  for (const [language, label] of Object.entries(item.labels)) {
    await form.getByLabel(new RegExp(`^${language}( \\(required\\))?$`)).fill(label);
  }
  await form.getByRole("button", { name: "Add", exact: true }).click();
  const name = item.labels.English ?? Object.values(item.labels)[0] ?? item.code;
  await page
    .getByRole("status")
    .filter({ hasText: `${name} added.` })
    .waitFor();
}
