import assert from "node:assert/strict";
import { test } from "node:test";
import { assertAxeClean } from "./support/checks.js";
import { config, fillRequired, h1, phone } from "./support/report-steps.js";
import { unexpectedErrors, useReportSuite } from "./support/report-suite.js";

const suite = useReportSuite();

/**
 * Issue 22 item 2: intake answers 429 with Retry-After when an address or device sends too much. The app's outbox
 * must wait as long as it was told (not drop the report, not send it twice, not hammer), and say so calmly.
 */
test("a rate-limited report waits on the phone for Retry-After, then is sent exactly once", async () => {
  const since = new Date();
  const { page, watch } = await suite.open("/app", phone);
  await page.getByRole("link", { name: /Get involved/ }).click();
  await h1(page, "Get involved");
  const cfg = await config(page);
  await fillRequired(page, cfg);
  // From here the page's timers run on Playwright's clock, moved on explicitly past the server's Retry-After: the test
  // never waits for it in real time, and a slow machine cannot let the retry fire before the waiting screens are
  // checked. Installed only now: the form's own timers (focus moves, transitions) keep real time, so a loaded machine
  // cannot hold the form back on a fake clock that only advances when the test says so.
  await page.clock.install();

  // One report a burst from this address, one more every 3 minutes; another sender (same address) just used it up.
  await suite.setRouteLimits({ intakePerAddress: { burst: 1, perHour: 20 } });
  const district = cfg.areas.find((a) => a.isLeaf);
  const category = cfg.taxonomy[0];
  const primed = await page.request.post("/api/reports", {
    data: {
      clientId: crypto.randomUUID(),
      channel: "web",
      reporterMode: "self",
      categoryCode: category?.code,
      subcategoryCode: category?.subcategories[0]?.code,
      districtId: district?.id,
    },
  });
  assert.equal(primed.status(), 201, await primed.text());

  const posts: number[] = [];
  page.on("response", (r) => {
    if (r.url().endsWith("/api/reports") && r.request().method() === "POST") posts.push(r.status());
  });
  const refused = page.waitForResponse((r) => r.url().endsWith("/api/reports") && r.request().method() === "POST");
  await page.getByRole("button", { name: "Send report" }).click();
  const first = await refused;
  assert.equal(first.status(), 429);
  const retryAfter = Number(first.headers()["retry-after"]);
  assert.ok(retryAfter > 0, "the server says when to come back");
  const refusedAt = await page.evaluate(() => Date.now());

  // A calm state, not an error: the report is kept and will go by itself.
  await h1(page, "Your report is kept on this phone");
  await page.getByText("The service is busy right now.", { exact: false }).waitFor();
  await assertAxeClean(page);
  await page.getByRole("link", { name: "Go to My reports" }).click();
  await h1(page, "My reports");
  await page.getByText("The service is busy. It will be sent by itself in a little while.").waitFor();
  assert.equal(await page.getByRole("button", { name: "Try again now" }).count(), 0, "no button to hammer with");
  assert.deepEqual(await suite.appReportsSince(since), [], "nothing stored for the refused request");

  // The server would take it now; the phone still keeps the time it was given.
  await suite.setRouteLimits({ intakePerAddress: { burst: 100, perHour: 100_000 } });
  const held = await page.evaluate(() => JSON.parse(localStorage.getItem("openclm.outbox") ?? "[]"));
  assert.ok(held[0]?.busyUntil >= refusedAt + retryAfter * 1000 - 1000, "held back for the time the server gave");
  assert.deepEqual(posts, [429], "not sent again meanwhile");

  const accepted = page.waitForResponse(
    (r) => r.url().endsWith("/api/reports") && r.request().method() === "POST" && r.status() === 201,
  );
  await page.clock.fastForward((retryAfter + 5) * 1000); // past Retry-After and the app's up-to-2 s spread
  const { trackingCode } = (await (await accepted).json()) as { trackingCode: string };
  await page.locator(".report-item__code", { hasText: trackingCode }).waitFor();
  assert.deepEqual(posts, [429, 201], "one try after the wait");
  assert.deepEqual(await suite.appReportsSince(since), [trackingCode], "sent exactly once");
  assert.equal(await page.evaluate(() => localStorage.getItem("openclm.outbox")), null);
  assert.deepEqual(
    unexpectedErrors(watch).filter((e) => !/status of 429/.test(e)),
    [],
  );
});
