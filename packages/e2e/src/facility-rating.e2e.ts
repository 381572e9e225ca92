import assert from "node:assert/strict";
import { test } from "node:test";
import type { PublicConfig } from "@openclm/contracts";
import { createFacility } from "../../server/src/testing/facility-factory.js";
import { assertAxeClean, horizontalOverflow, pageHeading } from "./support/checks.js";
import { useSuite } from "./support/suite.js";

const suite = useSuite();

/**
 * Issue 17: a person rates a facility from Near Me, once; after a low score, one tap opens the report flow with the
 * facility chosen. (Refusals, minimums, moderation and bursts are tested on the server: ratings/ratings.test.ts.)
 */
test("rate a facility from Near Me: a low score leads to a report, a second rating is refused", async () => {
  const probe = await suite.browser.newContext({ baseURL: suite.url });
  const config = (await (await (await probe.newPage()).request.get("/api/config?lang=en")).json()) as PublicConfig;
  await probe.close();
  const district = config.areas.find((a) => a.isLeaf);
  assert.ok(district);
  const facility = await createFacility(suite.server, district.id);

  const { page } = await suite.open(`/app/near-me?area=${district.id}`, { viewport: { width: 360, height: 740 } });
  await pageHeading(page);
  const card = page.getByRole("article", { name: facility.name });
  await card.getByText("Ratings", { exact: true }).click();
  await card.getByText("Ratings so far: 0.").waitFor();
  await card.getByRole("button", { name: "Rate this facility" }).click();
  await card.getByRole("button", { name: "Send rating" }).click();
  await card.getByText("Choose a score from 1 to 5.").waitFor();
  await card
    .getByRole("group", { name: "Overall, how was the care you got?" })
    .getByRole("radio", { name: "2, poor" })
    .check();
  await card.getByLabel("Comment (optional)").fill("We waited all day.");
  await card.getByRole("button", { name: "Send rating" }).click();
  await card.getByText("Thank you. Your rating was received.").waitFor();
  await assertAxeClean(page);
  assert.equal(await horizontalOverflow(page), 0);

  // The score was low: one tap opens the report flow with the facility already chosen.
  await card.getByRole("button", { name: "Tell us what happened" }).click();
  await page.waitForURL(/\/app\/report$/);
  const draft = await page.evaluate(() => JSON.parse(sessionStorage.getItem("openclm.report.draft") ?? "{}"));
  assert.equal(draft.facilityId, facility.id);
  assert.equal(draft.districtId, district.id);

  // The same phone rating the same place again within 30 days is refused, in words.
  await page.goto(`/app/near-me?area=${district.id}`);
  const again = page.getByRole("article", { name: facility.name });
  await again.getByText("Ratings", { exact: true }).click();
  await again.getByText("Ratings so far: 1.").waitFor();
  await again.getByRole("button", { name: "Rate this facility" }).click();
  await again
    .getByRole("group", { name: "Overall, how was the care you got?" })
    .getByRole("radio", { name: "4, good" })
    .check();
  await again.getByRole("button", { name: "Send rating" }).click();
  await again.getByText("You rated this place in the last 30 days.", { exact: false }).waitFor();
});
