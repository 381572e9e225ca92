import assert from "node:assert/strict";
import crypto from "node:crypto";
import { after, before, describe, test } from "node:test";
import { DEFAULT_FORUM_SETTING, type ForumPostList, type ModerationItem } from "@openclm/contracts";
import { sql } from "drizzle-orm";
import { nicknameProblem } from "../community/nickname.js";
import { queryRows } from "../db/database.js";
import { systemCtx } from "../platform/context.js";
import { putSetting } from "../platform/platform.repo.js";
import { createStaffAccount } from "../testing/staff-factory.js";
import { cookieFrom, signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";
import { initialStatus } from "./forum.service.js";
import { applyForumRetention } from "./forum-retention.js";
import { FORUM_SETTING } from "./forum-setting.js";
import { automaticHolds, hasCrisisKeyword } from "./text-screen.js";

describe("forum rules (pure)", () => {
  test("nicknames that look like a real name, a phone number or an e-mail are refused", () => {
    for (const n of ["Grace.Banda", "GraceBanda", "Grace_Banda"]) assert.equal(nicknameProblem(n), "real_name", n);
    assert.equal(nicknameProblem("0977123456"), "phone");
    assert.equal(nicknameProblem("me-099-712-3456"), "phone");
    for (const n of ["Sunflower", "moon_star", "Amina-TB", "river2024"]) assert.equal(nicknameProblem(n), null, n);
  });

  test("phone numbers, e-mail addresses and links are held; crisis keywords match as words", () => {
    assert.deepEqual(automaticHolds("call me on +260 977 123 456"), ["phone"]);
    assert.deepEqual(automaticHolds("write to amina@example.org"), ["email", "link"]);
    assert.deepEqual(automaticHolds("see bit.ly/abc"), ["link"]);
    assert.deepEqual(automaticHolds("the clinic was kind to me today"), []);
    assert.equal(hasCrisisKeyword("Some days I want to DIE, honestly", ["want to die"]), true);
    assert.equal(hasCrisisKeyword("Я не хочу жить", ["не хочу жить"]), true);
    assert.equal(hasCrisisKeyword("the diet was hard", ["die"]), false);
    // Khmer writes no spaces between words and its vowels are combining marks.
    assert.equal(hasCrisisKeyword("ខ្ញុំហត់ណាស់ ហើយចង់ស្លាប់", ["ចង់ស្លាប់"]), true);
    assert.equal(hasCrisisKeyword("ខ្ញុំទៅគ្លីនិកថ្ងៃនេះ", ["ចង់ស្លាប់"]), false);
    // The defaults speak every shipped language: a Ukrainian post is not missed for lack of a Russian word.
    assert.equal(hasCrisisKeyword("Іноді я не хочу жити", DEFAULT_FORUM_SETTING.crisisKeywords), true);
    assert.equal(hasCrisisKeyword("Kadang saya ingin mati saja", DEFAULT_FORUM_SETTING.crisisKeywords), true);
    assert.equal(hasCrisisKeyword("Nataka kujiua", DEFAULT_FORUM_SETTING.crisisKeywords), true);
  });

  test("pre-moderation for new accounts, post-moderation afterwards; holds win over both", () => {
    const base = { holds: [], crisis: false };
    assert.equal(initialStatus({ ...base, premoderation: "new_accounts", trusted: false }).status, "pending");
    assert.equal(initialStatus({ ...base, premoderation: "new_accounts", trusted: true }).status, "published");
    assert.equal(initialStatus({ ...base, premoderation: "everyone", trusted: true }).status, "pending");
    assert.equal(initialStatus({ ...base, premoderation: "nobody", trusted: false }).status, "published");
    assert.deepEqual(initialStatus({ holds: ["phone"], crisis: true, premoderation: "nobody", trusted: true }), {
      status: "held",
      reasons: ["crisis", "phone"],
    });
  });
});

describe("forum and support groups over HTTP", () => {
  let t: TestApp;
  let countryId: string;
  let regionA: string;
  let regionB: string;
  let moderatorA: string;
  let moderatorB: string;
  const inject = (method: "GET" | "POST" | "PUT" | "DELETE", url: string, cookie?: string, payload?: object) =>
    t.app.inject({ method, url, ...(cookie ? { cookies: parse(cookie) } : {}), ...(payload ? { payload } : {}) });
  const parse = (cookie: string) => Object.fromEntries(cookie.split("; ").map((c) => c.split("=") as [string, string]));
  const uuid = () => crypto.randomUUID();
  let registered = 0;

  async function member(nickname = `member_${uuid().slice(0, 4).replace(/\d/g, "x")}`): Promise<string> {
    // Each from its own address: registration is limited per address.
    const res = await t.app.inject({
      method: "POST",
      url: "/api/community/accounts",
      remoteAddress: `198.51.100.${++registered}`,
      payload: { nickname, secret: "long enough secret" },
    });
    assert.equal(res.statusCode, 201, res.body);
    return cookieFrom(res);
  }
  async function openTopic(cookie: string, body = "How do you cope with the side effects?", areaId?: string) {
    const res = await inject("POST", "/api/forum/topics", cookie, {
      clientId: uuid(),
      themeCode: "stigma",
      title: "Coping with treatment",
      body,
      ...(areaId ? { areaId } : {}),
    });
    assert.equal(res.statusCode, 201, res.body);
    return res.json() as { id: string; topicId: string; status: string; helpline: unknown };
  }
  const queue = async (cookie: string): Promise<ModerationItem[]> => {
    const res = await inject("GET", "/api/forum/moderation", cookie);
    assert.equal(res.statusCode, 200, res.body);
    return res.json().items;
  };
  const moderate = (cookie: string, id: string, body: object) =>
    inject("POST", `/api/forum/moderation/${id}`, cookie, body);
  const posts = async (topicId: string, cookie?: string): Promise<ForumPostList> => {
    const res = await inject("GET", `/api/forum/posts?topicId=${topicId}`, cookie);
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };

  before(async () => {
    t = await createTestApp();
    const areas = await queryRows<{ id: string; level: number }>(
      t.database.db,
      sql`SELECT id, level FROM areas WHERE level <= 1 ORDER BY level, code`,
    );
    countryId = areas.find((a) => a.level === 0)!.id;
    [regionA, regionB] = areas.filter((a) => a.level === 1).map((a) => a.id) as [string, string];
    moderatorA = await signInAs(t.app, await createStaffAccount(t, "peer_supporter", { areaIds: [regionA] }));
    moderatorB = await signInAs(t.app, await createStaffAccount(t, "peer_supporter", { areaIds: [regionB] }));
    await putSetting(t.database.db, FORUM_SETTING, {
      reading: "open",
      premoderation: "new_accounts",
      trustedAfter: 1,
      crisisKeywords: ["want to die"],
      helpline: { phone: "116 123", text: { en: "You are not alone. Call, free, day and night." } },
      themes: [{ code: "daily_life", labels: { en: "Daily life" } }],
      retentionDays: 30,
    });
  });
  after(async () => t.close());

  test("Demoland has active topics, a support group and a moderation history, made through the verbs", async () => {
    const [row] = await queryRows<{ topics: number; groups: number; messages: number; decisions: number }>(
      t.database.db,
      sql`SELECT (SELECT count(*)::int FROM forum_topics WHERE status = 'published') AS topics,
                 (SELECT count(*)::int FROM support_groups) AS groups,
                 (SELECT count(*)::int FROM support_group_messages WHERE status = 'published') AS messages,
                 (SELECT count(*)::int FROM audit_events WHERE action LIKE 'forum.moderate.%') AS decisions`,
    );
    assert.ok(row!.topics >= 4 && row!.groups >= 1 && row!.messages >= 4, JSON.stringify(row));
    assert.ok(row!.decisions >= 5, "approvals, a redaction, a hide and a warning");
  });

  test("Demoland's moderators each see only their own area's queue: the region's and the district's", async () => {
    const demo = (email: string) => t.demoAccounts.find((a) => a.email === email)!;
    const region = await queue(await signInAs(t.app, demo("peer@demo.openclm.org")));
    const district = await queue(await signInAs(t.app, demo("peer.district@demo.openclm.org")));
    assert.ok(region.length >= 2 && district.length >= 1, "both queues hold something");
    const districtIds = new Set(district.map((i) => i.id));
    assert.ok(!region.some((i) => districtIds.has(i.id)), "the region's moderator sees none of the other district");
    assert.deepEqual(
      district.map((i) => i.topicTitle),
      district.map(() => "Очередь в районной больнице"),
      "the district's moderator sees only its local topic",
    );
    const regional = await signInAs(t.app, demo("peer@demo.openclm.org"));
    assert.equal((await moderate(regional, district[0]!.id, { action: "approve" })).statusCode, 404);
  });

  test("a new account's post waits; out-of-scope moderators see nothing (404); approval publishes it", async () => {
    const amina = await member();
    const opened = await openTopic(amina, "First post, please be kind", regionA);
    assert.equal(opened.status, "pending");
    // Nobody else sees the topic yet; its author sees it with its status.
    const anonymousList = (await inject("GET", "/api/forum/topics")).json().items;
    assert.ok(!anonymousList.some((x: { id: string }) => x.id === opened.topicId));
    assert.equal((await inject("GET", `/api/forum/posts?topicId=${opened.topicId}`)).statusCode, 404);
    assert.equal((await posts(opened.topicId, amina)).items[0]?.status, "pending");

    assert.ok(!(await queue(moderatorB)).some((i) => i.id === opened.id), "region B's moderator sees nothing");
    assert.equal((await moderate(moderatorB, opened.id, { action: "approve" })).statusCode, 404);
    const item = (await queue(moderatorA)).find((i) => i.id === opened.id);
    assert.equal(item?.reason, "new_account");
    assert.equal((await moderate(moderatorA, opened.id, { action: "approve" })).statusCode, 200);

    const list = (await inject("GET", "/api/forum/topics?theme=stigma")).json().items;
    assert.ok(list.some((x: { id: string }) => x.id === opened.topicId));
    assert.equal((await posts(opened.topicId)).items[0]?.body, "First post, please be kind");
    // Trusted after one published post (the setting above): the next post is published at once.
    const next = await inject("POST", "/api/forum/posts", amina, {
      topicId: opened.topicId,
      body: "Thank you all",
      clientId: uuid(),
    });
    assert.equal(next.json().status, "published");
    const audit = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'forum.moderate.approve' AND entity_id = ${opened.id}`,
    );
    assert.equal(audit[0]?.n, 1);
  });

  test("a phone number is held, a moderator edits it out; a crisis keyword answers the helpline at once", async () => {
    const baraka = await member();
    const held = await openTopic(baraka, "Call me on 0977 123 456 any time", regionA);
    assert.equal(held.status, "held");
    const item = (await queue(moderatorA)).find((i) => i.id === held.id);
    assert.deepEqual(item?.reasons, ["phone"]);
    const redacted = await moderate(moderatorA, held.id, { action: "redact", body: "Call me any time" });
    assert.equal(redacted.json().status, "published");
    assert.equal((await posts(held.topicId)).items[0]?.body, "Call me any time");

    const crisis = await openTopic(baraka, "Some nights I want to die", regionA);
    assert.equal(crisis.status, "held");
    assert.deepEqual(crisis.helpline, { phone: "116 123", text: "You are not alone. Call, free, day and night." });
    assert.equal((await queue(moderatorA))[0]?.reason, "crisis", "crisis comes first in the queue");
  });

  test("readers report a post; a moderator hides it; its text is erased after the retention period", async () => {
    const author = await member();
    const reader = await member();
    const opened = await openTopic(author, "Something rude", regionA);
    await moderate(moderatorA, opened.id, { action: "approve" });
    const report = await inject("POST", `/api/forum/posts/${opened.id}/report`, reader, { reason: "abuse" });
    assert.equal(report.statusCode, 200, report.body);
    assert.equal((await queue(moderatorA)).find((i) => i.id === opened.id)?.reason, "reported");
    assert.equal((await moderate(moderatorA, opened.id, { action: "hide" })).json().status, "hidden");
    assert.equal((await inject("GET", `/api/forum/posts?topicId=${opened.topicId}`)).statusCode, 404);

    const ctx = systemCtx({ ...t.app.services });
    await applyForumRetention(ctx, new Date(Date.now() + 29 * 24 * 3_600_000));
    const kept = await queryRows<{ body: string }>(
      t.database.db,
      sql`SELECT body FROM forum_posts WHERE id = ${opened.id}`,
    );
    assert.equal(kept[0]?.body, "Something rude", "kept during the retention period");
    await applyForumRetention(ctx, new Date(Date.now() + 31 * 24 * 3_600_000));
    const erased = await queryRows<{ body: string; title: string }>(
      t.database.db,
      sql`SELECT p.body, t.title FROM forum_posts p JOIN forum_topics t ON t.id = p.topic_id WHERE p.id = ${opened.id}`,
    );
    assert.deepEqual(erased[0], { body: "", title: "" });
  });

  test("a suspended account cannot post; likes, helpful marks, follows and unread markers", async () => {
    const writer = await member();
    const peer = await member();
    const opened = await openTopic(writer, "Side effects in month two", regionA);
    await moderate(moderatorA, opened.id, { action: "approve" });
    await inject("PUT", `/api/forum/topics/${opened.topicId}/follow`, peer, { on: true });
    const like = await inject("PUT", `/api/forum/posts/${opened.id}/like`, peer, { on: true });
    assert.deepEqual(like.json(), { likes: 1, helpful: 0 });
    await inject("PUT", `/api/forum/posts/${opened.id}/like`, peer, { on: true });
    const helpful = await inject("PUT", `/api/forum/posts/${opened.id}/helpful`, peer, { on: true });
    assert.deepEqual(helpful.json(), { likes: 1, helpful: 1 }, "one like per member");
    await posts(opened.topicId, peer); // read
    const reply = await inject("POST", `/api/forum/posts/${opened.id}/comments`, writer, {
      body: "It got better",
      clientId: uuid(),
    });
    assert.equal(reply.json().status, "published");
    const mine = (await inject("GET", "/api/forum/topics", peer))
      .json()
      .items.find((x: { id: string }) => x.id === opened.topicId);
    assert.deepEqual([mine.following, mine.unread], [true, 1]);

    await moderate(moderatorA, reply.json().id, { action: "suspend_author", days: 3 });
    const refused = await inject("POST", "/api/forum/posts", writer, {
      topicId: opened.topicId,
      body: "Let me back",
      clientId: uuid(),
    });
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().error.code, "ACCOUNT_SUSPENDED");
  });

  test("the same clientId again answers the first post (the offline outbox) and writes nothing", async () => {
    const m = await member();
    const opened = await openTopic(m, "Retry me", regionA);
    await moderate(moderatorA, opened.id, { action: "approve" });
    const body = { topicId: opened.topicId, body: "sent twice", clientId: uuid() };
    const first = await inject("POST", "/api/forum/posts", m, body);
    const again = await inject("POST", "/api/forum/posts", m, body);
    assert.deepEqual([first.statusCode, again.statusCode], [201, 200]);
    assert.equal(first.json().id, again.json().id);
  });

  test("members-only reading; a country-wide topic needs a country-wide moderator", async () => {
    const m = await member();
    const opened = await openTopic(m, "Country-wide question");
    assert.ok(!(await queue(moderatorA)).some((i) => i.id === opened.id));
    const national = await signInAs(t.app, await createStaffAccount(t, "peer_supporter", { areaIds: [countryId] }));
    assert.ok((await queue(national)).some((i) => i.id === opened.id));

    const setting = (
      await queryRows<{ value: object }>(t.database.db, sql`SELECT value FROM settings WHERE key = 'forum'`)
    )[0]!.value;
    await putSetting(t.database.db, FORUM_SETTING, { ...setting, reading: "members" });
    const anonymous = await inject("GET", "/api/forum/topics");
    assert.equal(anonymous.statusCode, 401);
    assert.equal(anonymous.json().error.code, "MEMBERS_ONLY");
    assert.equal((await inject("GET", "/api/forum/topics", m)).statusCode, 200);
    await putSetting(t.database.db, FORUM_SETTING, setting);
  });

  test("support groups: invite code, nicknames only, held numbers, leave and delete my messages", async () => {
    const created = await inject("POST", "/api/groups", moderatorA, { name: "MDR-TB treatment", areaId: regionA });
    assert.equal(created.statusCode, 201, created.body);
    const { id, inviteCode } = created.json();
    assert.equal(
      (await inject("POST", "/api/groups", moderatorB, { name: "Not mine", areaId: regionA })).statusCode,
      400,
    );
    const a = await member();
    const b = await member();
    assert.equal((await inject("POST", "/api/groups/join", a, { inviteCode: "WRONGCODE" })).statusCode, 404);
    for (const c of [a, b]) assert.equal((await inject("POST", "/api/groups/join", c, { inviteCode })).statusCode, 200);
    const outsider = await member();
    assert.equal((await inject("GET", `/api/groups/${id}/messages`, outsider)).statusCode, 404);

    await inject("POST", `/api/groups/${id}/messages`, a, { body: "Hello all", clientId: uuid() });
    const held = await inject("POST", `/api/groups/${id}/messages`, a, {
      body: "my number 0977123456",
      clientId: uuid(),
    });
    assert.equal(held.json().status, "held");
    const seenByB = (await inject("GET", `/api/groups/${id}/messages`, b)).json();
    assert.deepEqual(
      seenByB.items.map((m: { body: string }) => m.body),
      ["Hello all"],
    );
    assert.equal(seenByB.items[0].seenBy, null, "read receipts are off by default");
    assert.deepEqual(Object.keys(seenByB.members[0]), ["nickname"]);

    // The held message waits in the queue of the group's moderators only; released edited, it reaches the group.
    const item = (await queue(moderatorA)).find((i) => i.id === held.json().id);
    assert.deepEqual([item?.kind, item?.topicTitle, item?.reasons], ["message", "MDR-TB treatment", ["phone"]]);
    assert.ok(!(await queue(moderatorB)).some((i) => i.id === held.json().id));
    assert.equal((await moderate(moderatorB, held.json().id, { action: "approve" })).statusCode, 404);
    const released = await moderate(moderatorA, held.json().id, { action: "redact", body: "my number: ask me" });
    assert.equal(released.json().status, "published");
    const link = await inject("POST", `/api/groups/${id}/messages`, a, {
      body: "see www.example.org",
      clientId: uuid(),
    });
    assert.equal((await moderate(moderatorA, link.json().id, { action: "hide" })).json().status, "hidden");
    assert.deepEqual(
      (await inject("GET", `/api/groups/${id}/messages`, b)).json().items.map((m: { body: string }) => m.body),
      ["Hello all", "my number: ask me"],
    );
    assert.ok(!(await queue(moderatorA)).some((i) => i.kind === "message"), "nothing left waiting");

    const erased = await inject("DELETE", `/api/groups/${id}/messages/mine`, a);
    assert.equal(erased.json().deleted, 2);
    assert.equal((await inject("GET", `/api/groups/${id}/messages`, b)).json().items.length, 0);
    assert.equal((await inject("POST", `/api/groups/${id}/leave`, b)).statusCode, 200);
    assert.equal((await inject("GET", `/api/groups/${id}/messages`, b)).statusCode, 404);
  });

  test("search: full-text, any case, words as typed so far, the best match first; moderators pin in scope", async () => {
    const m = await member();
    const inTitle = await openTopic(m, "Cannot sleep well", regionA);
    await moderate(moderatorA, inTitle.id, { action: "approve" });
    const inBody = await openTopic(m, "The tablets give me insomnia some nights", regionA);
    const titled = await queryRows<{ id: string }>(
      t.database.db,
      sql`UPDATE forum_topics SET title = 'Insomnia' WHERE id = ${inTitle.topicId} RETURNING id`,
    );
    assert.equal(titled.length, 1);
    const found = async (q: string) =>
      (await inject("GET", `/api/forum/topics?q=${encodeURIComponent(q)}`))
        .json()
        .items.map((x: { id: string }) => x.id);
    // The newer topic names it in a post, the older one in its title: the title ranks first.
    assert.deepEqual(await found("insomnia"), [inTitle.topicId, inBody.topicId]);
    assert.deepEqual(await found("INSOMN"), [inTitle.topicId, inBody.topicId], "case and a word begun");
    assert.deepEqual(await found("tablets insomnia"), [inBody.topicId], "every word must be there");
    assert.deepEqual(await found("%_"), [], "nothing searchable finds nothing");
    const russian = await openTopic(m, "Бессонница каждую ночь, но я держусь", regionA);
    assert.deepEqual(await found("БЕССОН"), [russian.topicId], "other scripts too");

    // Pinning: the moderator in scope lists the published posts, pins one, sees it first; out of scope, 404.
    const listed = async (cookie: string) =>
      (await inject("GET", "/api/forum/moderation/posts", cookie)).json().items as { id: string; pinned: boolean }[];
    assert.ok((await listed(moderatorA)).some((p) => p.id === inBody.id && !p.pinned));
    assert.ok(!(await listed(moderatorB)).some((p) => p.id === inBody.id));
    assert.equal((await inject("PUT", `/api/forum/posts/${inBody.id}/pin`, moderatorB, { on: true })).statusCode, 404);
    assert.equal((await inject("PUT", `/api/forum/posts/${inBody.id}/pin`, moderatorA, { on: true })).statusCode, 200);
    const first = (await listed(moderatorA))[0];
    assert.deepEqual([first?.id, first?.pinned], [inBody.id, true], "the newest pinned post comes first");
  });

  test("Set-up: a country administrator changes the forum's rules, validated and audited; a regional one may not", async () => {
    const national = await signInAs(t.app, await createStaffAccount(t, "country_admin", { areaIds: [countryId] }));
    const regional = await signInAs(t.app, await createStaffAccount(t, "country_admin", { areaIds: [regionA] }));
    const before = (await inject("GET", "/api/forum/settings", national)).json();
    assert.equal(before.helpline.phone, "116 123");
    const wrong = await inject("PUT", "/api/forum/settings", national, { ...before, trustedAfter: 99 });
    assert.equal(wrong.statusCode, 400);
    const changed = { ...before, premoderation: "everyone", crisisKeywords: [...before.crisisKeywords, "no way out"] };
    const saved = await inject("PUT", "/api/forum/settings", national, changed);
    assert.equal(saved.statusCode, 200, saved.body);
    assert.deepEqual(saved.json(), changed);
    const refused = await inject("PUT", "/api/forum/settings", regional, before);
    assert.deepEqual([refused.statusCode, refused.json().error.code], [403, "COUNTRY_SCOPE_REQUIRED"]);
    const audited = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'settings.update' AND entity_id = 'forum'`,
    );
    assert.equal(audited[0]?.n, 1);
    // The new keyword holds a post at once.
    const crisis = await openTopic(await member(), "I see no way out", regionA);
    assert.ok(crisis.helpline);
    await putSetting(t.database.db, FORUM_SETTING, before);
  });
});
