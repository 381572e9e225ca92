import assert from "node:assert/strict";
import { test } from "node:test";
import { assertAxeClean, horizontalOverflow, pageHeading } from "./support/checks.js";
import { signIn, useStaffSuite } from "./support/staff.js";

const suite = useStaffSuite();

const BODY_EN = [
  "Wash your hands **before** every meal.",
  "<script>window.__injected = 1</script>",
  '<img src="x" onerror="window.__handler = 1">',
  "[More from WHO](https://www.who.int/health-topics/tuberculosis)",
].join("\n\n");

test("an editor writes and translates an article, an administrator publishes it, /app shows it in both languages and offline", async () => {
  // The content editor writes in English, then in French beside the English text, and submits for review.
  const editor = await suite.open("/setup/content");
  await signIn(editor.page, suite.account("content_editor"));
  await editor.page.getByRole("button", { name: "New item" }).click();
  const form = editor.page.locator(".content-editor");
  await form.getByLabel("Address name (lower-case letters, digits, hyphens)").fill("clean-hands");
  await form.getByLabel("Title").fill("Clean hands");
  await form.getByLabel("Summary (optional)").fill("Simple habits at home.");
  await form.getByLabel("Text (Markdown)").fill(BODY_EN);
  // The live preview is the server's rendering: bold kept, the script only as text.
  await form.locator(".content-editor__preview strong", { hasText: "before" }).waitFor();
  assert.equal(await form.locator(".content-editor__preview script, .content-editor__preview img").count(), 0);
  await form.getByRole("button", { name: "Save" }).click();
  await form.getByText("Saved.").waitFor();
  await form.getByLabel("Language").selectOption("fr");
  await form.getByRole("heading", { name: "Default language (en)" }).waitFor();
  await form.getByLabel("Title").fill("Des mains propres");
  await form.getByLabel("Text (Markdown)").fill("Lavez-vous les mains **avant** chaque repas.");
  await form.getByRole("button", { name: "Save" }).click();
  await form.getByText(/Saved\. Draft/).waitFor();
  assert.equal(await form.getByRole("button", { name: "Publish now" }).count(), 0, "an editor cannot publish");
  await form.getByRole("button", { name: "Submit for review" }).click();
  await form.getByText(/In review/).waitFor();
  await assertAxeClean(editor.page);

  // Not published yet: the community app does not show it.
  const reader = await suite.open("/app/rights", { viewport: { width: 360, height: 740 } });
  assert.equal(await pageHeading(reader.page), "Know your rights");
  await reader.page.locator(".content-card").first().waitFor();
  assert.equal(await reader.page.getByRole("link", { name: "Clean hands" }).count(), 0);

  // The country administrator publishes it.
  const admin = await suite.open("/setup/content");
  await signIn(admin.page, suite.account("country_admin"));
  await admin.page.getByRole("button", { name: "Clean hands" }).click();
  await admin.page.getByRole("button", { name: "Publish now" }).click();
  await admin.page.getByText(/Published\. Published/).waitFor();

  // In English, at 360 px, readable by a screen reader (axe), with the review date and no script.
  await reader.page.reload();
  await reader.page.getByRole("link", { name: "Clean hands" }).click();
  await reader.page.getByRole("heading", { level: 1, name: "Clean hands" }).waitFor();
  await reader.page.locator(".content-body strong", { hasText: "before" }).waitFor();
  assert.equal(await reader.page.locator(".content-body script, .content-body img").count(), 0);
  assert.equal(await reader.page.evaluate("typeof window.__injected + typeof window.__handler"), "undefinedundefined");
  const external = reader.page.getByRole("link", { name: /More from WHO/ });
  assert.equal(await external.getAttribute("rel"), "noopener noreferrer");
  assert.match((await external.textContent()) ?? "", /opens another website/);
  await reader.page.getByText("Sample content: review it with your national TB programme before using it.").waitFor();
  assert.equal(await horizontalOverflow(reader.page), 0);
  await assertAxeClean(reader.page);

  // In French: the list and the article follow the language; visiting the list keeps the articles on the phone.
  await reader.page.getByRole("link", { name: "All topics" }).click();
  await reader.page.getByLabel("Language").selectOption("fr");
  const frLink = reader.page.getByRole("link", { name: "Des mains propres" });
  await frLink.waitFor();
  // The section's articles are brought onto the phone in the background (newest first).
  await reader.page.waitForFunction(() =>
    Object.keys(JSON.parse(localStorage.getItem("openclm.content.v1") ?? "{}").articles ?? {}).includes(
      "fr/clean-hands",
    ),
  );

  // Offline: the French article still opens, from the copy kept on the phone.
  await reader.context.setOffline(true);
  await frLink.click();
  await reader.page.getByRole("heading", { level: 1, name: "Des mains propres" }).waitFor();
  await reader.page.locator(".content-body strong", { hasText: "avant" }).waitFor();
  await reader.page
    .getByRole("status")
    .filter({ hasText: /hors ligne/ })
    .first()
    .waitFor();
  for (const w of [editor.watch, admin.watch]) assert.deepEqual(w.errors, []);
  // Offline, the browser logs the requests it could not make; nothing else may fail.
  assert.deepEqual(
    reader.watch.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e)),
    [],
  );
});
