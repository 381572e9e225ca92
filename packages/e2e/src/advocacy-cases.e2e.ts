import assert from "node:assert/strict";
import { test } from "node:test";
import { sql } from "drizzle-orm";
import { submitReport } from "../../server/src/testing/inbox-fixtures.js";
import { assertAxeClean, horizontalOverflow } from "./support/checks.js";
import { signIn, useStaffSuite } from "./support/staff.js";

const suite = useStaffSuite();
const SHOTS = process.env.SCREENSHOT_DIR;
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The calendar quarter containing today (the pack covers calendar periods). */
function thisQuarter() {
  const d = new Date();
  const q = Math.floor(d.getUTCMonth() / 3);
  return {
    from: iso(new Date(Date.UTC(d.getUTCFullYear(), q * 3, 1))),
    to: iso(new Date(Date.UTC(d.getUTCFullYear(), q * 3 + 3, 0))),
  };
}

test("an analyst opens a case from a dashboard selection, records actions and a commitment, makes the pack and closes the loop", async () => {
  const district = suite.account("first_responder").scope.districtIds[0]!;
  // Validated reports in the district over the last months, shared de-identified.
  for (let i = 0; i < 8; i++) {
    const r = await submitReport(suite.server, district, {
      consent: { contactMe: false, shareDeidentified: true, useInAdvocacyStories: false },
    });
    const when = new Date();
    when.setUTCMonth(when.getUTCMonth() - (i % 4));
    await suite.server.database.db.execute(
      sql`UPDATE reports SET status = 'validated', validated_at = now(), created_at = ${when.toISOString()}::timestamptz WHERE id = ${r.id}`,
    );
  }

  const { page, watch } = await suite.open(`/dashboard?area=${district}&category=health_services`);
  await signIn(page, suite.account("analyst"));
  await page.getByRole("link", { name: "Open an advocacy case" }).click();
  await page.getByRole("heading", { name: "Open an advocacy case" }).waitFor();
  await page.getByLabel("Title").fill("Asked to pay for medicines");
  await page.getByLabel("Duty bearer", { exact: true }).fill("District health office");
  await page.getByLabel("The ask").fill("Stop charging people for medicines that are free");
  await page.getByRole("button", { name: "Open the case" }).click();
  await page.getByRole("heading", { name: "Asked to pay for medicines" }).waitFor();
  await page.waitForLoadState("networkidle");
  await assertAxeClean(page);

  // Two actions, one with a document, then the commitment.
  await page.getByLabel("Kind of action").selectOption("meeting");
  await page.getByLabel("Note", { exact: true }).fill("Met the district health officer");
  await page
    .getByLabel("Document (optional)")
    .setInputFiles({ name: "minutes.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Record the action" }).click();
  await page.getByRole("link", { name: "minutes.pdf" }).waitFor();
  await page.getByLabel("Kind of action").selectOption("letter");
  await page.getByLabel("Note", { exact: true }).fill("Letter to the ministry");
  await page.getByRole("button", { name: "Record the action" }).click();
  await page.getByText("Letter to the ministry").waitFor();
  await page.getByLabel("New status").selectOption("commitment_made");
  await page.getByLabel("Commitment date").fill(iso(new Date(Date.now() - 40 * 24 * 3600 * 1000)));
  await page.getByRole("button", { name: "Save the status" }).click();
  // The trend either side of the commitment.
  await page.getByTestId("case-before-after").waitFor();
  assert.match((await page.getByTestId("case-before-after").textContent()) ?? "", /before the commitment/);
  assert.ok((await page.locator(".case-trend__after").count()) >= 1);
  await page.waitForLoadState("networkidle");
  await assertAxeClean(page);
  if (SHOTS) {
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.screenshot({ path: `${SHOTS}/advocacy-case-1366.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 360, height: 740 });
  assert.equal(await horizontalOverflow(page), 0, "the case page fits 360 px");
  await assertAxeClean(page);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/advocacy-case-360.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });

  // Editing: the ask and the owner (chosen among the staff who manage cases in the area).
  await page.getByLabel("The ask").fill("Stop charging for medicines and display the free-medicines notice");
  const owner = page.getByLabel("Owner");
  const options = await owner.locator("option").allTextContents();
  const current = await owner.locator("option:checked").textContent();
  const other = options.find((o) => o !== current && o !== "Nobody yet");
  assert.ok(other, `another owner to choose: ${options.join(", ")}`);
  await owner.selectOption({ label: other });
  await page.getByRole("button", { name: "Save the changes" }).click();
  await page.getByText("Stop charging for medicines and display the free-medicines notice").waitFor();
  await page.locator(".case-facts dd", { hasText: other }).waitFor();
  const caseUrl = page.url();

  // From the inbox, a responder adds a report from the district to the case (they cannot open cases themselves).
  const inboxReport = await submitReport(suite.server, district, {
    consent: { contactMe: false, shareDeidentified: true, useInAdvocacyStories: false },
  });
  const responder = await suite.open(`/inbox/${inboxReport.id}`);
  await signIn(responder.page, suite.account("first_responder"));
  const panel = responder.page.getByTestId("advocacy-panel");
  await panel.getByText("Not in any advocacy case yet.").waitFor();
  assert.equal(await panel.getByText("Open a new advocacy case from this report").count(), 0);
  await panel.getByLabel("Open case").selectOption({ label: "Asked to pay for medicines — District health office" });
  await panel.getByRole("button", { name: "Add to this case" }).click();
  await panel.getByText("In these advocacy cases:").waitFor();
  await panel.getByRole("listitem").filter({ hasText: "Asked to pay for medicines" }).waitFor();
  await responder.page.waitForLoadState("networkidle");
  await assertAxeClean(responder.page);
  if (SHOTS) await responder.page.screenshot({ path: `${SHOTS}/inbox-advocacy-panel-1280.png`, fullPage: true });
  await responder.page.setViewportSize({ width: 360, height: 740 });
  assert.equal(await horizontalOverflow(responder.page), 0, "the report with its advocacy panel fits 360 px");
  await assertAxeClean(responder.page);
  if (SHOTS) await panel.screenshot({ path: `${SHOTS}/inbox-advocacy-panel-360.png` });
  assert.deepEqual(responder.watch.errors, []);
  await page.goto(caseUrl);
  assert.equal((await page.getByTestId("case-linked").textContent())?.trim(), "1");

  // A data manager starts a new case from a report in the inbox: the report comes linked.
  const dm = await suite.open(`/inbox/${inboxReport.id}`);
  await signIn(dm.page, suite.account("data_manager"));
  await dm.page.getByRole("link", { name: "Open a new advocacy case from this report" }).click();
  await dm.page.getByTestId("case-from-report").waitFor();
  await dm.page.getByLabel("Title").fill("Medicines out of stock");
  await dm.page.getByLabel("Duty bearer", { exact: true }).fill("District store");
  await dm.page.getByLabel("The ask").fill("Keep the district store stocked");
  await dm.page.getByRole("button", { name: "Open the case" }).click();
  await dm.page.getByRole("heading", { name: "Medicines out of stock" }).waitFor();
  assert.equal((await dm.page.getByTestId("case-linked").textContent())?.trim(), "1");
  assert.deepEqual(dm.watch.errors, []);

  // The quarterly review pack: the PDF (five pages, titled) and the slide deck.
  await page.getByRole("link", { name: "Back to advocacy cases" }).click();
  await page.getByRole("heading", { name: "Quarterly review pack" }).waitFor();
  const { from, to } = thisQuarter();
  const pdf = await page.request.get(`/api/advocacy/review-pack?from=${from}&to=${to}&language=en&format=pdf`);
  assert.equal(pdf.status(), 200);
  const bytes = await pdf.body();
  assert.equal(bytes.subarray(0, 5).toString(), "%PDF-");
  assert.equal(bytes.toString("latin1").match(/\/Type \/Page\b/g)?.length, 5, "title, targets, areas, cases, loop");
  const deck = await suite.open(`/api/advocacy/review-pack?from=${from}&to=${to}&language=en&format=html`, {
    storageState: await page.context().storageState(),
  });
  await deck.page.getByRole("heading", { name: "Open advocacy cases" }).waitFor();
  assert.ok(await deck.page.getByRole("cell", { name: "Asked to pay for medicines" }).isVisible());
  await assertAxeClean(deck.page);
  if (SHOTS) {
    await deck.page.setViewportSize({ width: 1366, height: 900 });
    await deck.page.screenshot({ path: `${SHOTS}/review-deck-1366.png`, fullPage: true });
    await deck.page.setViewportSize({ width: 360, height: 740 });
    await deck.page.screenshot({ path: `${SHOTS}/review-deck-360.png`, fullPage: true });
  }
  assert.deepEqual(deck.watch.errors, [], "the deck runs under its own CSP with no error");

  // Resolve: publish, announce, tell the reporters.
  await page.getByRole("link", { name: "Asked to pay for medicines" }).click();
  await page.getByLabel("New status").selectOption("resolved");
  await page.getByLabel("What changed", { exact: true }).fill("The clinic no longer charges for medicines.");
  await page.getByLabel("Announcement title").fill("Medicines are free again at the district clinic");
  await page
    .getByLabel("Announcement text")
    .fill("After community reports, the district health office stopped the charges.");
  await page.getByRole("button", { name: "Save the status" }).click();
  await page.locator(".case-status--resolved").first().waitFor();

  // The community app's What changed and the public dashboard show it.
  const reader = await suite.open("/app/updates", { viewport: { width: 360, height: 740 } });
  await reader.page.getByText("Medicines are free again at the district clinic").waitFor();
  const pub = await suite.open("/dashboard/public", { viewport: { width: 360, height: 740 } });
  await pub.page.getByRole("heading", { name: "What changed because people reported" }).waitFor();
  assert.ok(await pub.page.getByText("The clinic no longer charges for medicines.").isVisible());
  await pub.page.waitForLoadState("networkidle");
  await assertAxeClean(pub.page);
  if (SHOTS) await pub.page.screenshot({ path: `${SHOTS}/public-cases-360.png` });
  assert.deepEqual(watch.errors, []);
  assert.deepEqual(reader.watch.errors, []);
});
