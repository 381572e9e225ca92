import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import type { Page } from "playwright-core";
import type { DemoAccount } from "../../server/src/demo/demo-accounts.js";
import { FORUM_SETTING } from "../../server/src/forum/forum-setting.js";
import { putSetting } from "../../server/src/platform/platform.repo.js";
import { freshCode } from "../../server/src/testing/staff-session.js";
import { assertAxeClean, horizontalOverflow } from "./support/checks.js";
import { enterPassword, signIn, useStaffSuite } from "./support/staff.js";

const suite = useStaffSuite();
const phone = { viewport: { width: 360, height: 740 } };
const wide = { viewport: { width: 1366, height: 900 } };
const SHOTS = process.env.FORUM_SHOTS;

/** A nickname without digits (seven in a row would read as a phone number) and without capitals (a real name). */
const nickname = () =>
  `peer_${randomUUID()
    .slice(0, 8)
    .replace(/\d/g, (d) => "ghijklmnop"[Number(d)]!)}`;

/** Registers a community account with the page's own cookies: the page is then signed in. */
async function register(page: Page): Promise<void> {
  const res = await page.request.post("/api/community/accounts", {
    data: { nickname: nickname(), secret: "long enough secret" },
  });
  assert.equal(res.status(), 201, await res.text());
  await page.evaluate(() => localStorage.setItem("openclm.account", "1"));
}

/** A peer supporter signs in (landing on their home in the app) and opens the moderation page from its tile. */
async function signInPeer(page: Page, peer: DemoAccount): Promise<void> {
  await enterPassword(page, peer);
  await page.getByLabel("6-digit code").fill(freshCode(peer.totpSecret));
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.getByRole("link", { name: /Forum moderation/ }).click();
  await page.getByRole("heading", { level: 1, name: "Forum moderation" }).waitFor();
}

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

test("two community accounts talk in a support group in real time", async () => {
  const { database } = suite.server;
  await database.exec(
    "INSERT INTO support_groups (name, area_id, invite_code) SELECT 'Treatment peer group', id, 'E2EGROUP' FROM areas WHERE level = 0",
  );
  const a = await suite.open("/app", phone);
  await register(a.page);
  await a.page.goto("/app/connect");
  await a.page.getByLabel("Invite code from your peer supporter").fill("e2egroup");
  await a.page.getByRole("button", { name: "Join group" }).click();
  await a.page.getByRole("link", { name: "Treatment peer group" }).click();
  await a.page.getByRole("heading", { name: "Treatment peer group" }).waitFor();

  const b = await suite.open("/app", wide);
  await register(b.page);
  const joined = await b.page.request.post("/api/groups/join", { data: { inviteCode: "E2EGROUP" } });
  assert.equal(joined.status(), 200);
  const { id } = (await joined.json()) as { id: string };
  await b.page.goto(`/app/connect/group/${id}`);
  await b.page.getByRole("heading", { name: "Treatment peer group" }).waitFor();

  // A writes; B's open page shows it without reloading (the group's live channel).
  await a.page.getByLabel("Your message").fill("Hello from the group, day 30 today");
  await a.page.getByRole("button", { name: "Send" }).click();
  await b.page.getByText("Hello from the group, day 30 today").waitFor({ timeout: 10_000 });
  await b.page.getByLabel("Your message").fill("Well done, keep going");
  await b.page.getByRole("button", { name: "Send" }).click();
  await a.page.getByText("Well done, keep going").waitFor({ timeout: 10_000 });

  await assertAxeClean(a.page);
  assert.equal(await horizontalOverflow(a.page), 0);
  await shot(a.page, "group-360");
  await shot(b.page, "group-1366");
});

test("a new member's post waits for a moderator and appears after approval; a phone number is held; a crisis keyword shows the helpline", async () => {
  await putSetting(suite.server.database.db, FORUM_SETTING, {
    reading: "open",
    premoderation: "new_accounts",
    trustedAfter: 3,
    crisisKeywords: ["want to die"],
    helpline: { phone: "116 123", text: { en: "Free, day and night." } },
    themes: [],
    retentionDays: 30,
  });
  const peer = suite.account("peer_supporter");
  const regionId = peer.scope.areaIds[0]!;

  const m = await suite.open("/app/connect", phone);
  await register(m.page);
  await m.page.reload();
  const startTopic = async (title: string, body: string) => {
    await m.page.getByText("Start a new topic").click();
    await m.page.getByLabel("Where (optional)").selectOption(regionId);
    await m.page.getByLabel("Title").fill(title);
    await m.page.getByLabel("What would you like to talk about?").fill(body);
    await m.page.getByRole("button", { name: "Post topic" }).click();
  };
  await startTopic("Tired after the tablets", "Is it normal to feel so tired in the first weeks?");
  await m.page.getByText("A moderator will read your post before others can see it.").waitFor();
  await assertAxeClean(m.page);
  assert.equal(await horizontalOverflow(m.page), 0);
  await shot(m.page, "connect-360");

  // Not visible to other readers yet.
  const reader = await suite.open("/app/connect", wide);
  await reader.page.getByRole("heading", { name: "Topics" }).waitFor();
  assert.equal(await reader.page.getByRole("link", { name: "Tired after the tablets" }).count(), 0);

  await m.page.reload();
  await startTopic("Call me", "You can call me on 0977 123 456 any time");
  await m.page.getByText("it may hold a phone number, an e-mail address or a link").waitFor();
  await m.page.reload();
  await startTopic("Hard nights", "Some nights I want to die");
  await m.page.getByRole("alert").filter({ hasText: "You are not alone" }).waitFor();
  await m.page.getByRole("link", { name: "Call 116 123" }).waitFor();

  // The peer supporter of the region: crisis first, the phone number held, the new member's post waiting.
  const staff = await suite.open("/inbox", wide);
  await signInPeer(staff.page, peer);
  const queue = staff.page.getByRole("region", { name: "Waiting for a moderator" });
  await queue.getByText("Some nights I want to die").waitFor();
  assert.match((await queue.locator("li").first().textContent()) ?? "", /Crisis keyword/);
  await queue.locator("li", { hasText: "0977 123 456" }).getByText("Phone number").waitFor();
  await shot(staff.page, "moderation-1366");
  assert.equal(await staff.page.getByRole("heading", { level: 1 }).textContent(), "Forum moderation");
  await queue
    .locator("li", { hasText: "so tired in the first weeks" })
    .getByRole("button", { name: "Publish", exact: true })
    .click();
  await staff.page.getByRole("status").filter({ hasText: "Published." }).waitFor();

  await reader.page.reload();
  await reader.page.getByRole("link", { name: "Tired after the tablets" }).click();
  await reader.page.getByText("Is it normal to feel so tired in the first weeks?").waitFor();
  await assertAxeClean(reader.page);
  await shot(reader.page, "topic-1366");
  if (SHOTS) {
    await reader.page.setViewportSize(phone.viewport);
    await shot(reader.page, "topic-360");
    await staff.page.setViewportSize(phone.viewport);
    await shot(staff.page, "moderation-360");
  }
  assert.equal(await reader.page.getByRole("link", { name: "Call me" }).count(), 0, "the held post stays hidden");

  // The peer supporter of a district in the other region sees their own district's waiting reply, nothing of this
  // region's: not the crisis post, not the held phone number.
  const outside = await suite.open("/inbox", wide);
  await signInPeer(outside.page, suite.account("peer_supporter", 1));
  const theirs = outside.page.getByRole("region", { name: "Waiting for a moderator" });
  await theirs.getByText("Я прихожу к восьми").waitFor();
  assert.equal(await theirs.getByText("Some nights I want to die").count(), 0, "out of scope: not shown");
  assert.equal(await theirs.getByText("0977 123 456").count(), 0, "out of scope: not shown");
});

test("a post readers report is hidden by a moderator, who suspends a spammer (who can then no longer post) and pins a post", async () => {
  const setting = {
    reading: "open" as const,
    premoderation: "nobody" as const,
    trustedAfter: 3,
    crisisKeywords: ["want to die"],
    helpline: { phone: "116 123", text: { en: "Free, day and night." } },
    themes: [],
    retentionDays: 30,
  };
  await putSetting(suite.server.database.db, FORUM_SETTING, setting);
  const peer = suite.account("peer_supporter");
  const author = await suite.open("/app", phone);
  await register(author.page);
  const write = async (url: string, data: object) => {
    const res = await author.page.request.post(url, { data: { clientId: randomUUID(), ...data } });
    assert.equal(res.status(), 201, await res.text());
    return (await res.json()) as { id: string; topicId: string };
  };
  const opened = await write("/api/forum/topics", {
    themeCode: "stigma",
    title: "Weekend clinic hours",
    body: "Does the clinic open on Saturdays?",
    areaId: peer.scope.areaIds[0],
  });
  await write("/api/forum/posts", { topicId: opened.topicId, body: "Stop complaining, it is your own fault." });
  await write("/api/forum/posts", { topicId: opened.topicId, body: "Cheap pills at www.example.org" });

  const reader = await suite.open("/app", wide);
  await register(reader.page);
  await reader.page.goto(`/app/connect/topic/${opened.topicId}`);
  const rude = reader.page.getByRole("article").filter({ hasText: "your own fault" });
  await rude.getByRole("button", { name: "Report to a moderator" }).click();
  await rude.getByText("Reported. Thank you.").waitFor();

  const staff = await suite.open("/inbox", phone);
  await signInPeer(staff.page, peer);
  const queue = staff.page.getByRole("region", { name: "Waiting for a moderator" });
  const reported = queue.locator("li", { hasText: "your own fault" });
  await reported.getByText("Reported by readers").waitFor();
  await reported.getByRole("button", { name: "Hide" }).click();
  await staff.page.getByRole("status").filter({ hasText: "Hidden." }).waitFor();
  await queue.locator("li", { hasText: "Cheap pills" }).getByRole("button", { name: "Suspend author 7 days" }).click();
  await staff.page.getByRole("status").filter({ hasText: "Author suspended" }).waitFor();
  const pins = staff.page.getByRole("region", { name: "Pinned posts" });
  await pins
    .locator("li", { hasText: "Does the clinic open on Saturdays?" })
    .getByRole("button", { name: "Pin" })
    .click();
  await pins
    .locator("li", { hasText: "Does the clinic open on Saturdays?" })
    .getByRole("button", { name: "Unpin" })
    .waitFor();
  await assertAxeClean(staff.page);
  assert.equal(await horizontalOverflow(staff.page), 0);
  await shot(staff.page, "moderation-pins-360");

  await reader.page.reload();
  await reader.page.getByText("Pinned by a peer supporter").waitFor();
  assert.equal(await reader.page.getByText("your own fault").count(), 0, "the reported post is hidden");

  await author.page.goto(`/app/connect/topic/${opened.topicId}`);
  await author.page.getByLabel("Your reply").fill("Why was my post removed?");
  await author.page.getByRole("button", { name: "Send" }).last().click();
  await author.page.getByText("A moderator has paused this account from posting for now.").waitFor();
});

test("Set-up: a country administrator sets the forum's rules; a wrong value is explained before anything is saved", async () => {
  const admin = suite.account("country_admin");
  const { page } = await suite.open("/setup", phone);
  await signIn(page, admin);
  await page.goto("/setup/forum");
  const trusted = page.getByLabel("Published posts after which an account is no longer new");
  await trusted.fill("99");
  await page.getByRole("button", { name: "Save the forum rules" }).click();
  await page.getByText("Enter a whole number from 0 to 50.").waitFor();
  assert.equal(await trusted.getAttribute("aria-invalid"), "true");
  await trusted.fill("2");
  await page.getByRole("button", { name: "Add a theme" }).click();
  await page.getByLabel("Theme 1: code").fill("Daily Life");
  await page.getByRole("button", { name: "Save the forum rules" }).click();
  await page.getByText("Lower-case letters, digits and _ only").waitFor();
  await page.getByLabel("Theme 1: code").fill("daily_life");
  await page.getByLabel("Theme 1: name (English)").fill("Daily life");
  await page.getByLabel("Only people signed in with a community account").check();
  await page.getByLabel("Helpline phone number").fill("116 123");
  await page.getByLabel("Crisis keywords and phrases").fill("want to die\nno way out");
  await page.getByRole("button", { name: "Save the forum rules" }).click();
  await page.getByRole("status").filter({ hasText: "Saved." }).waitFor();
  await assertAxeClean(page);
  assert.equal(await horizontalOverflow(page), 0);
  await shot(page, "setup-forum-360");
  if (SHOTS) {
    await page.setViewportSize(wide.viewport);
    await shot(page, "setup-forum-1366");
  }
  const saved = (await (await page.request.get("/api/forum/settings")).json()) as {
    reading: string;
    trustedAfter: number;
    themes: unknown[];
  };
  assert.deepEqual(
    [saved.reading, saved.trustedAfter, saved.themes],
    ["members", 2, [{ code: "daily_life", labels: { en: "Daily life" } }]],
  );
});
