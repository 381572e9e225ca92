import assert from "node:assert/strict";
import { test } from "node:test";
import { assertAxeClean, horizontalOverflow } from "./support/checks.js";
import { signIn, useStaffSuite } from "./support/staff.js";

/**
 * Issue 14 item 6: a country administrator trains on the channel simulator on a phone-sized screen: dials, answers,
 * is told when an answer is not a choice, and starts again. (The whole walk to the last screen, with no report
 * stored, is in the server test channels/messenger.test.ts.)
 */
const suite = useStaffSuite();

test("the simulator answers typed USSD input like a phone on a 360 px screen", async () => {
  const { page } = await suite.open("/setup/simulator", { viewport: { width: 360, height: 740 } });
  await signIn(page, suite.account("country_admin"));
  await page.getByRole("heading", { name: "Channel simulator", level: 1 }).waitFor();
  await page.getByRole("button", { name: "Dial" }).click();
  const screen = page.getByRole("list", { name: "Conversation" });
  const lastScreen = () => screen.locator(".simulator-line--service").last().innerText();
  await screen.getByText("English").waitFor();

  const answer = page.getByLabel("Your answer");
  const send = async (text: string) => {
    const lines = await screen.locator("li").count();
    await answer.fill(text);
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await screen
      .locator("li")
      .nth(lines + 1)
      .waitFor();
    return lastScreen();
  };
  const english = /^(\d+) English$/m.exec(await lastScreen())?.[1];
  assert.ok(english, await lastScreen());
  assert.match(await send(english), /What happened\?/);
  assert.match(await send("99"), /Not a choice\. What happened\?/);
  assert.equal(await horizontalOverflow(page), 0);
  await assertAxeClean(page);

  await page.getByRole("button", { name: "Start again" }).click();
  assert.equal(await screen.locator("li").count(), 0);
  await page.getByRole("button", { name: "Dial" }).waitFor();
});
