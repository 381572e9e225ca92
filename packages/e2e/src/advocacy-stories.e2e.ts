import assert from "node:assert/strict";
import { test } from "node:test";
import { submitReport } from "../../server/src/testing/inbox-fixtures.js";
import { assertAxeClean, horizontalOverflow, untranslatedText } from "./support/checks.js";
import { signIn, useStaffSuite } from "./support/staff.js";

const suite = useStaffSuite();
const SHOTS = process.env.SCREENSHOT_DIR;
const ORIGINAL = "Nurse Grace Phiri at the Lakeside clinic told my employer about my TB. Call me on 0991 234 567.";
const REDACTED = "A nurse told the person's employer about their TB without consent.";

test("a data manager redacts and approves a story; the analyst reads only the redacted text until consent is withdrawn", async () => {
  const district = suite.account("first_responder").scope.districtIds[0]!;
  const report = await submitReport(suite.server, district, {
    description: ORIGINAL,
    occurredOn: "2026-08-20",
    consent: { contactMe: false, shareDeidentified: true, useInAdvocacyStories: true },
  });

  // The data manager: from the inbox to the review queue, opens the story, redacts, confirms, approves.
  const dm = await suite.open("/inbox");
  await signIn(dm.page, suite.account("data_manager"));
  await dm.page.getByRole("link", { name: "Advocacy stories to review" }).click();
  await dm.page.getByRole("heading", { level: 1, name: "Advocacy stories to review" }).waitFor();
  await dm.page.locator(".stories-queue a").first().waitFor();
  await dm.page.waitForLoadState("networkidle");
  await assertAxeClean(dm.page);
  await dm.page.locator(`.stories-queue a[href$="${report.id}"]`).click();
  await dm.page.locator(".story-original", { hasText: "Grace Phiri" }).waitFor();
  const approve = dm.page.getByRole("button", { name: "Approve story" });
  assert.equal(await approve.isDisabled(), true, "the reporter's own text cannot be approved");
  await dm.page.getByLabel("Story for analysts").fill(REDACTED);
  await dm.page.getByLabel("I removed everything that could identify the person").check();
  await assertAxeClean(dm.page);
  if (SHOTS) {
    await dm.page.setViewportSize({ width: 1366, height: 900 });
    await dm.page.screenshot({ path: `${SHOTS}/story-review-1366.png`, fullPage: true });
    await dm.page.setViewportSize({ width: 360, height: 740 });
    assert.equal(await horizontalOverflow(dm.page), 0, "the review fits 360 px");
    await dm.page.screenshot({ path: `${SHOTS}/story-review-360.png`, fullPage: true });
    await dm.page.setViewportSize({ width: 1280, height: 720 });
  }
  await approve.click();
  await dm.page.getByText("Story approved: analysts can read it now.").waitFor();
  assert.equal(await dm.page.locator(`.stories-queue a[href$="${report.id}"]`).count(), 0, "left the queue");

  // The analyst: the redacted text with category, region and month; nothing of the original, no report id.
  const an = await suite.open("/dashboard");
  await signIn(an.page, suite.account("analyst"));
  await an.page.getByRole("link", { name: "Advocacy stories" }).click();
  const card = an.page.locator(".story-card", { hasText: REDACTED });
  await card.waitFor();
  assert.match((await card.textContent()) ?? "", /August 2026/);
  assert.match((await card.textContent()) ?? "", /Health services|health/i);
  const page = (await an.page.locator("main").innerHTML()) ?? "";
  assert.doesNotMatch(page, /Grace|Phiri|Lakeside|0991/);
  assert.ok(!page.includes(report.id), "no id that leads to the report");
  await an.page.waitForLoadState("networkidle");
  await assertAxeClean(an.page);
  if (SHOTS) {
    await an.page.setViewportSize({ width: 1366, height: 900 });
    await an.page.screenshot({ path: `${SHOTS}/stories-1366.png`, fullPage: true });
  }
  await an.page.setViewportSize({ width: 360, height: 740 });
  assert.equal(await horizontalOverflow(an.page), 0, "the stories fit 360 px");
  if (SHOTS) await an.page.screenshot({ path: `${SHOTS}/stories-360.png`, fullPage: true });

  // The reporter withdraws consent: the story is gone on the next look.
  const withdrawn = await suite.server.app.inject({
    method: "POST",
    url: "/api/reports/track/consent",
    payload: { trackingCode: report.code, contactMe: false, shareDeidentified: true, useInAdvocacyStories: false },
  });
  assert.equal(withdrawn.statusCode, 200);
  await an.page.reload();
  await an.page.getByRole("heading", { name: "Approved stories, newest first" }).waitFor();
  await an.page.waitForLoadState("networkidle");
  assert.equal(await an.page.locator(".story-card", { hasText: REDACTED }).count(), 0);

  // Every string of both pages comes from the catalogs.
  await an.page.goto("/dashboard/stories?lang=en-XA");
  await an.page.locator(".advocacy-stories[aria-busy='false']").waitFor();
  assert.deepEqual(await untranslatedText(an.page, "⟦", "⟧"), [], "hard-coded text on /dashboard/stories");
  await dm.page.goto("/inbox/stories?lang=en-XA");
  await dm.page.locator(".stories .lead").waitFor();
  await dm.page.waitForLoadState("networkidle");
  const hardCoded = await untranslatedText(dm.page, "⟦", "⟧");
  // Category, topic and district names are the server's content, not the UI's.
  // Category, topic and district names are the server's content, and months are dates: not the UI's strings.
  const config = (await suite.server.app.inject({ method: "GET", url: "/api/config?lang=en" })).json() as {
    taxonomy: { label: string; subcategories: { label: string }[] }[];
    areas: { name: string }[];
  };
  const serverContent = new Set([
    "·",
    ...config.taxonomy.flatMap((c) => [c.label, ...c.subcategories.map((s) => s.label)]),
    ...config.areas.map((a) => a.name),
  ]);
  assert.deepEqual(
    hardCoded.filter((text) => !serverContent.has(text) && !/^[A-Z][a-z]+ \d{4}$/.test(text)),
    [],
    "hard-coded text on /inbox/stories",
  );
  assert.deepEqual(dm.watch.errors, []);
  assert.deepEqual(an.watch.errors, []);
});
