import { eq } from "drizzle-orm";
import { findLiveAccountByKey } from "../community/community.repo.js";
import { registerCommunityAccount } from "../community/community-accounts.service.js";
import { nicknameKey } from "../community/nickname.js";
import type { Config } from "../config/config.js";
import type { FieldCipher } from "../crypto/field-cipher.js";
import type { Database } from "../db/database.js";
import {
  createForumComment,
  createForumPost,
  createForumTopic,
  followForumTopic,
  reactToForumPost,
  reportForumPost,
} from "../forum/forum.service.js";
import { listModerationQueue, moderateForumItem, pinForumPost } from "../forum/forum-moderation.service.js";
import { createSupportGroup, joinSupportGroup, sendGroupMessage } from "../forum/support-groups.service.js";
import { staffUsers } from "../identity/identity.schema.js";
import type { Ctx } from "../platform/context.js";
import { createLogger } from "../platform/logger.js";
import { mulberry32 } from "./grid-geometry.js";

/** Demo members: one nickname each, in the demo languages (no real names: the nickname rule refuses them). */
const MEMBERS = ["Sunbird", "Baobab", "Lumière", "Esperança", "Рассвет", "Mwezi"] as const;

interface DemoTopic {
  author: number;
  theme: string;
  title: string;
  body: string;
  replies: { author: number; body: string }[];
}

/** Active topics in English, French, Portuguese and Russian, as peers write them. */
const TOPICS: DemoTopic[] = [
  {
    author: 0,
    theme: "support_services",
    title: "Side effects in the second month",
    body: "I feel sick after the tablets every morning. What helped you?",
    replies: [
      { author: 1, body: "Taking them after a small meal helped me a lot. Tell the nurse too, they can help." },
      { author: 5, body: "Same for me in month two. It got better by month three, hold on." },
    ],
  },
  {
    author: 2,
    theme: "stigma",
    title: "Dire à mon employeur ?",
    body: "Je reprends le travail la semaine prochaine. Faut-il dire à mon employeur que j’étais en traitement ?",
    replies: [
      {
        author: 0,
        body: "Vous n’êtes pas obligé·e. Vous pouvez demander un certificat d’aptitude sans le diagnostic.",
      },
    ],
  },
  {
    author: 3,
    theme: "health_services",
    title: "Medicamentos em falta no centro",
    body: "Disseram-me para voltar na próxima semana porque não há medicamentos. Alguém passou pelo mesmo?",
    replies: [{ author: 1, body: "Sim. Relatei na secção Get involved e resolveram em poucos dias." }],
  },
  {
    author: 4,
    theme: "stigma",
    title: "Как рассказать семье",
    body: "Боюсь, что родные будут меня сторониться. Как вы им рассказали?",
    replies: [{ author: 2, body: "Я показал им страницу с информацией: они поняли, что после лечения я не заразен." }],
  },
];

/**
 * Demoland's Get Connected: members, active topics in the demo languages, a support group with its chat, and a
 * moderation history — all made through the verbs the app and the staff app call (forum/*.service.ts), so statuses,
 * holds, counters and audit rows are the product's own. The demo peer supporter (scoped to a region) approves the
 * new members' posts, edits a phone number out, hides a reported post, warns its author and pins a helpful answer;
 * one new member's post and one post with a link wait in the queue. A second peer supporter, scoped to a district of
 * the other region, has a local topic there with a newcomer's reply waiting: each sees only their own queue.
 */
export async function seedDemoForum(
  database: Database,
  cipher: FieldCipher,
  opts: { seed?: number } = {},
): Promise<{ topics: number; posts: number }> {
  const rnd = mulberry32(opts.seed ?? 20_261_218);
  const uuid = () => {
    const hex = Array.from({ length: 32 }, () => Math.floor(rnd() * 16).toString(16));
    hex[12] = "4";
    hex[16] = "89ab"[Math.floor(rnd() * 4)] as string;
    const s = hex.join("");
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  };
  const services = {
    config: { replicaMaxLagSeconds: 0 } as Config,
    database,
    cipher,
    log: createLogger({ logLevel: "silent", nodeEnv: "production" }),
  };
  const base = (actor: Ctx["actor"], language = "en"): Ctx => ({
    services,
    db: database.db,
    log: services.log,
    requestId: "demo-forum",
    actor,
    language,
  });
  const staffCtx = async (email: string) => {
    const [user] = await database.db.select().from(staffUsers).where(eq(staffUsers.email, email)).limit(1);
    if (!user?.scopeAreaIds[0]) return undefined;
    return {
      areaId: user.scopeAreaIds[0],
      ctx: base({
        type: "staff",
        userId: user.id,
        role: user.role,
        email: user.email,
        scopeAreaIds: user.scopeAreaIds,
        scopeFacilityIds: user.scopeFacilityIds,
        sessionHash: "demo",
        stage: "full",
      }),
    };
  };
  const peer = await staffCtx("peer@demo.openclm.org");
  if (!peer) return { topics: 0, posts: 0 };
  const { ctx: moderator, areaId: regionId } = peer;

  const members: Ctx[] = [];
  for (const [i, name] of MEMBERS.entries()) {
    const anon = { ...base({ type: "anonymous" }), ip: `10.99.0.${i + 1}` };
    const { account } = await registerCommunityAccount(anon, { nickname: name, secret: `demo-${uuid()}` });
    const row = await findLiveAccountByKey(database.db, nicknameKey(account.nickname));
    if (row) members.push(base({ type: "community", accountId: row.id }));
  }
  const approveWaiting = async (by = moderator) => {
    for (const item of (await listModerationQueue(by)).items)
      if (item.reasons.length === 1 && item.reason === "new_account")
        await moderateForumItem(by, item.id, { action: "approve" });
  };

  let posts = 0;
  const firstReplies: string[] = [];
  for (const topic of TOPICS) {
    const author = members[topic.author]!;
    const opened = await createForumTopic(author, {
      clientId: uuid(),
      themeCode: topic.theme,
      title: topic.title,
      body: topic.body,
      areaId: regionId,
    });
    await approveWaiting();
    posts += 1;
    for (const reply of topic.replies) {
      const r = await createForumPost(members[reply.author]!, {
        topicId: opened.result.topicId,
        body: reply.body,
        clientId: uuid(),
      });
      firstReplies.push(r.result.id);
      posts += 1;
    }
    await approveWaiting();
    for (const m of members.slice(0, 3)) {
      await reactToForumPost(m, opened.result.id, "like", true);
      await followForumTopic(m, opened.result.topicId, true);
    }
  }
  const helpful = firstReplies[0]!;
  for (const m of members.slice(2)) await reactToForumPost(m, helpful, "helpful", true);
  await pinForumPost(moderator, helpful, true);
  await createForumComment(members[0]!, helpful, { body: "Thank you, I will try that.", clientId: uuid() });
  await approveWaiting();
  posts += 1;

  // A phone number, edited out by the moderator; a rude post, reported, hidden and its author warned.
  const meToo = await createForumComment(members[1]!, helpful, { body: "Me too.", clientId: uuid() });
  const withPhone = await createForumPost(members[5]!, {
    topicId: meToo.result.topicId,
    body: "If anyone wants to talk, call me on 0977 555 0198.",
    clientId: uuid(),
  });
  await moderateForumItem(moderator, withPhone.result.id, {
    action: "redact",
    body: "If anyone wants to talk, write to me here in the forum.",
  });
  const topicId = withPhone.result.topicId;
  const rude = await createForumPost(members[1]!, {
    topicId: topicId,
    body: "Stop complaining, it is your own fault.",
    clientId: uuid(),
  });
  await approveWaiting();
  await reportForumPost(members[0]!, rude.result.id, "abuse");
  await moderateForumItem(moderator, rude.result.id, { action: "hide" });
  await moderateForumItem(moderator, rude.result.id, { action: "warn" });
  // Waiting in the queue: a new member's first post, and a post with a link.
  const newcomer = { ...base({ type: "anonymous" }), ip: "10.99.1.1" };
  const { account } = await registerCommunityAccount(newcomer, { nickname: "Kestrel", secret: `demo-${uuid()}` });
  const kestrel = await findLiveAccountByKey(database.db, nicknameKey(account.nickname));
  if (kestrel)
    await createForumPost(base({ type: "community", accountId: kestrel.id }), {
      topicId: topicId,
      body: "Hello, I started treatment last week. Is it normal to feel so tired?",
      clientId: uuid(),
    });
  await createForumPost(members[3]!, {
    topicId: topicId,
    body: "There is a good video about this at www.example.org/tb-video",
    clientId: uuid(),
  });
  posts += 6;

  // A local topic in the district peer supporter's district (only they moderate it: the region's peer supporter
  // neither sees it in the queue nor may act on it), and a newcomer's reply waiting there.
  const local = await staffCtx("peer.district@demo.openclm.org");
  if (local) {
    const opened = await createForumTopic(members[4]!, {
      clientId: uuid(),
      themeCode: "health_services",
      title: "Очередь в районной больнице",
      body: "В районной больнице по утрам очень длинная очередь за таблетками. Во сколько лучше приходить?",
      areaId: local.areaId,
    });
    await approveWaiting(local.ctx);
    const anon = { ...base({ type: "anonymous" }), ip: "10.99.1.2" };
    const { account: heron } = await registerCommunityAccount(anon, { nickname: "Heron", secret: `demo-${uuid()}` });
    const row = await findLiveAccountByKey(database.db, nicknameKey(heron.nickname));
    if (row)
      await createForumPost(base({ type: "community", accountId: row.id }, "ru"), {
        topicId: opened.result.topicId,
        body: "Я прихожу к восьми, после девяти уже не успеть.",
        clientId: uuid(),
      });
    posts += 2;
  }

  // A support group for the region, its members and a short conversation.
  const group = await createSupportGroup(moderator, { name: "MDR-TB treatment — peer group", areaId: regionId });
  const chat = [
    [0, "Good morning everyone. Day 40 of treatment today."],
    [4, "Доброе утро! Держись, половина пути позади."],
    [2, "Bravo ! Les nausées vont mieux de mon côté."],
    [0, "Thank you, that helps to hear."],
  ] as const;
  for (const m of [0, 2, 4]) await joinSupportGroup(members[m]!, group.inviteCode ?? "");
  for (const [m, body] of chat) await sendGroupMessage(members[m]!, group.id, { body, clientId: uuid() });
  return { topics: TOPICS.length + (local ? 1 : 0), posts };
}
