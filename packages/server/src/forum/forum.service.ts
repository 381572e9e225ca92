import type {
  CreateForumPostBody,
  CreateForumTopicBody,
  ForumPost,
  ForumPostList,
  ForumPostResult,
  ForumSetting,
  ForumThemes,
  ForumTopic,
  ModerationReason,
} from "@openclm/contracts";
import { audit } from "../audit/audit.service.js";
import { type Db, withTransaction } from "../db/database.js";
import { AppError, notFound } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import { pickText } from "../platform/i18n-text.js";
import { resolveLanguage } from "../platform/platform.service.js";
import { limitSettings } from "../platform/rate-limit-settings.js";
import { enforceLimits, limitKey } from "../platform/rate-limiter.js";
import * as repo from "./forum.repo.js";
import { forumSetting, helplineFor } from "./forum-setting.js";
import { automaticHolds, hasCrisisKeyword } from "./text-screen.js";

/** The signed-in community account, or 401: posting needs one (PRODUCT.md 7, issue 18 item 1). */
export function memberId(ctx: Ctx): string {
  if (ctx.actor.type !== "community") throw new AppError("UNAUTHENTICATED", "Sign in to your community account first");
  return ctx.actor.accountId;
}

/**
 * Who reads: anyone when the country's forum is open, else a community account (401 MEMBERS_ONLY). Staff with a
 * session read too (moderators look at the context of what they moderate). Answers the member's id, if any.
 */
async function reader(ctx: Ctx, setting: ForumSetting): Promise<string | undefined> {
  if (ctx.actor.type === "community") return ctx.actor.accountId;
  if (setting.reading === "members" && ctx.actor.type !== "staff")
    throw new AppError("MEMBERS_ONLY", "Sign in to your community account to read the forum");
  return undefined;
}

/** A suspended account cannot post, comment, react or chat until the suspension ends. */
export async function assertNotSuspended(db: Db, accountId: string, now: Date): Promise<void> {
  const standing = await repo.member(db, accountId);
  if (standing?.suspendedUntil && standing.suspendedUntil > now)
    throw new AppError("ACCOUNT_SUSPENDED", "A moderator suspended this account", {
      until: standing.suspendedUntil.toISOString(),
    });
}

/** Counts a write against the member's bucket (platform/rate-limit-settings.ts): 429 past it. */
export async function limitMember(ctx: Ctx, accountId: string, kind: "post" | "action", now: Date) {
  const limits = (await limitSettings(ctx.db)).routes;
  const bucket = kind === "post" ? limits.forumPostPerAccount : limits.forumActionPerAccount;
  await enforceLimits(ctx.services.database, [{ key: limitKey(`forum-${kind}`, accountId), bucket }], now);
}

/**
 * How a new text starts (issue 18 item 4): held when it carries a phone number, an e-mail address or a link, or a
 * crisis keyword (a peer supporter reads it first, and the writer sees the helpline at once); pending while the
 * account is pre-moderated; published otherwise. Pure, so the rules are tested without a database.
 */
export function initialStatus(input: {
  holds: ModerationReason[];
  crisis: boolean;
  premoderation: ForumSetting["premoderation"];
  trusted: boolean;
}): { status: "published" | "pending" | "held"; reasons: ModerationReason[] } {
  const reasons: ModerationReason[] = [...(input.crisis ? (["crisis"] as const) : []), ...input.holds];
  if (reasons.length) return { status: "held", reasons };
  if (input.premoderation === "everyone") return { status: "pending", reasons: ["everyone"] };
  if (input.premoderation === "new_accounts" && !input.trusted) return { status: "pending", reasons: ["new_account"] };
  return { status: "published", reasons: [] };
}

/** Screens a text for a member: status, reasons, and the helpline to show when it held a crisis keyword. */
export async function screen(ctx: Ctx, accountId: string, text: string) {
  const setting = await forumSetting(ctx.db);
  const crisis = hasCrisisKeyword(text, setting.crisisKeywords);
  const trusted =
    setting.premoderation !== "new_accounts" || (await repo.publishedCount(ctx.db, accountId)) >= setting.trustedAfter;
  const decided = initialStatus({ holds: automaticHolds(text), crisis, premoderation: setting.premoderation, trusted });
  return { ...decided, crisis, helpline: crisis ? await helplineFor(ctx, setting) : null };
}

/** The themes: the taxonomy's categories, then the free themes set in Set-up, labelled in the reader's language. */
export async function listForumThemes(ctx: Ctx): Promise<ForumThemes> {
  const setting = await forumSetting(ctx.db);
  const { lang, defaultLang } = await resolveLanguage(ctx, ctx.language);
  const cats = await repo.activeCategories(ctx.db);
  return {
    reading: setting.reading,
    items: [...cats, ...setting.themes].map((t) => ({ code: t.code, label: pickText(t.labels, lang, defaultLang) })),
  };
}

async function themeExists(ctx: Ctx, code: string): Promise<boolean> {
  const setting = await forumSetting(ctx.db);
  if (setting.themes.some((t) => t.code === code)) return true;
  return (await repo.activeCategories(ctx.db)).some((c) => c.code === code);
}

const TOPIC_LIMIT = 100;

export async function listForumTopics(
  ctx: Ctx,
  query: { theme?: string; q?: string },
): Promise<{ items: ForumTopic[] }> {
  const accountId = await reader(ctx, await forumSetting(ctx.db));
  const rows = await repo.listTopics(ctx.db, { ...query, accountId }, TOPIC_LIMIT);
  return { items: rows.map((r) => ({ ...r, lastActivityAt: r.lastActivityAt.toISOString() })) };
}

/**
 * A topic's posts with their comments, pinned first (PRODUCT.md 7 `listForumPosts`): published ones, plus the
 * member's own that still wait (with their status, so the member knows). Opening the topic clears its unread marker.
 */
export async function listForumPosts(ctx: Ctx, topicId: string): Promise<ForumPostList> {
  const accountId = await reader(ctx, await forumSetting(ctx.db));
  const topic = await repo.topicById(ctx.db, topicId);
  const ownTopic = !!accountId && topic?.accountId === accountId;
  if (!topic || (topic.status !== "published" && !(ownTopic && ["pending", "held"].includes(topic.status))))
    throw notFound("topic");
  const rows = await repo.postsOfTopic(ctx.db, topicId, accountId);
  if (accountId) await repo.markRead(ctx.db, topicId, accountId, new Date());
  const present = (r: (typeof rows)[number]) => ({
    id: r.post.id,
    body: r.post.body,
    nickname: r.nickname ?? "—",
    likes: r.post.likes,
    at: r.post.createdAt.toISOString(),
    mine: !!accountId && r.post.accountId === accountId,
    status: r.post.status,
    likedByMe: r.likedByMe,
  });
  const posts: ForumPost[] = rows
    .filter((r) => !r.post.parentId)
    .map((r) => ({
      ...present(r),
      helpful: r.post.helpful,
      helpfulByMe: r.helpfulByMe,
      pinned: r.post.pinned,
      comments: rows.filter((c) => c.post.parentId === r.post.id).map(present),
    }));
  posts.sort((a, b) => Number(b.pinned) - Number(a.pinned));
  return {
    topic: {
      id: topic.id,
      title: topic.title,
      themeCode: topic.themeCode,
      following: accountId ? await repo.isFollowing(ctx.db, topicId, accountId) : false,
    },
    items: posts,
  };
}

interface NewText {
  clientId: string;
  body: string;
  /** An existing topic, or a new one to open with this post. */
  topic: { id: string } | { themeCode: string; title: string; areaId: string };
  parentId?: string;
}

/**
 * Writes a post, comment or new topic (with its opening post) for the signed-in member. The same clientId again (a
 * retry from the offline outbox) answers the first post and writes nothing. Suspended accounts are refused; posts
 * count against the member's rate limit. A held or pending text is announced to moderators' live queue.
 */
async function writeText(ctx: Ctx, input: NewText): Promise<{ created: boolean; result: ForumPostResult }> {
  const accountId = memberId(ctx);
  const existing = await repo.postByClientId(ctx.db, input.clientId);
  if (existing) return { created: false, result: replay(existing, accountId) };
  const now = new Date();
  await assertNotSuspended(ctx.db, accountId, now);
  await limitMember(ctx, accountId, "post", now);
  const text = "title" in input.topic ? `${input.topic.title}\n${input.body}` : input.body;
  const screened = await screen(ctx, accountId, text);
  const { post, created } = await withTransaction(ctx, async (tx) => {
    const raced = await repo.postByClientId(tx, input.clientId);
    if (raced) return { post: raced, created: false };
    const topicId =
      "id" in input.topic
        ? input.topic.id
        : (await repo.insertTopic(tx, { ...input.topic, accountId, status: screened.status, createdAt: now })).id;
    const inserted = await repo.insertPost(tx, {
      clientId: input.clientId,
      topicId,
      parentId: input.parentId ?? null,
      opensTopic: !("id" in input.topic),
      accountId,
      body: input.body,
      status: screened.status,
      reasons: screened.reasons,
      createdAt: now,
    });
    if (screened.status === "published") await repo.touchTopic(tx, topicId, now);
    await audit(ctx, tx, {
      action: "forum.post_created",
      entity: "forum_post",
      entityId: inserted.id,
      details: { topicId, status: screened.status, reasons: screened.reasons, comment: !!input.parentId },
    });
    if (screened.status !== "published") {
      const topic = await repo.topicById(tx, topicId);
      await repo.notifyForum(tx, {
        kind: "queue",
        id: inserted.id,
        crisis: screened.crisis,
        areaPath: await repo.areaPath(tx, topic!.areaId),
      });
    }
    return { post: inserted, created: true };
  });
  if (!created) return { created, result: replay(post, accountId) };
  return {
    created,
    result: { id: post.id, topicId: post.topicId, status: resultStatus(post.status), helpline: screened.helpline },
  };
}

const resultStatus = (s: repo.PostRow["status"]) => (s === "pending" || s === "held" ? s : "published");

function replay(row: repo.PostRow, accountId: string): ForumPostResult {
  if (row.accountId !== accountId) throw new AppError("CONFLICT", "This clientId was used for another post");
  return { id: row.id, topicId: row.topicId, status: resultStatus(row.status), helpline: null };
}

/** A published topic a member may write in (404 otherwise, as for a topic that does not exist). */
async function openTopic(ctx: Ctx, topicId: string) {
  const topic = await repo.topicById(ctx.db, topicId);
  if (topic?.status !== "published") throw notFound("topic");
  return topic;
}

export async function createForumTopic(ctx: Ctx, input: CreateForumTopicBody) {
  if (!(await themeExists(ctx, input.themeCode)))
    throw new AppError("VALIDATION_FAILED", "Unknown theme", { field: "themeCode" });
  const areaId = input.areaId ?? (await repo.countryAreaId(ctx.db));
  if (!areaId || !(await repo.areaExists(ctx.db, areaId))) throw new AppError("UNKNOWN_AREA", "Unknown area");
  return writeText(ctx, {
    clientId: input.clientId,
    body: input.body,
    topic: { themeCode: input.themeCode, title: input.title, areaId },
  });
}

export async function createForumPost(ctx: Ctx, input: CreateForumPostBody) {
  await openTopic(ctx, input.topicId);
  return writeText(ctx, { clientId: input.clientId, body: input.body, topic: { id: input.topicId } });
}

/** A published post (or 404), for comments, reactions and reports. */
async function publishedPost(ctx: Ctx, postId: string) {
  const post = await repo.postById(ctx.db, postId);
  if (post?.status !== "published") throw notFound("post");
  return post;
}

export async function createForumComment(ctx: Ctx, postId: string, input: { body: string; clientId: string }) {
  const post = await publishedPost(ctx, postId);
  if (post.parentId) throw new AppError("VALIDATION_FAILED", "Comment on the post, not on a comment");
  return writeText(ctx, { ...input, topic: { id: post.topicId }, parentId: post.id });
}

/** A like or a "helpful" mark, on or off; one per member and post. */
export async function reactToForumPost(ctx: Ctx, postId: string, kind: "like" | "helpful", on: boolean) {
  const accountId = memberId(ctx);
  const now = new Date();
  await publishedPost(ctx, postId);
  await assertNotSuspended(ctx.db, accountId, now);
  await limitMember(ctx, accountId, "action", now);
  return repo.setReaction(ctx.db, postId, accountId, kind, on);
}

/** Any reader with an account reports a post: it goes to the moderators' queue (once per reader), audited. */
export async function reportForumPost(ctx: Ctx, postId: string, reason: string) {
  const accountId = memberId(ctx);
  const now = new Date();
  await publishedPost(ctx, postId);
  await limitMember(ctx, accountId, "action", now);
  await withTransaction(ctx, async (tx) => {
    if (!(await repo.addReport(tx, postId, accountId, reason))) return;
    await audit(ctx, tx, {
      action: "forum.post_reported",
      entity: "forum_post",
      entityId: postId,
      details: { reason },
    });
    const post = await repo.postById(tx, postId);
    const topic = await repo.topicById(tx, post!.topicId);
    await repo.notifyForum(tx, {
      kind: "queue",
      id: postId,
      crisis: false,
      areaPath: await repo.areaPath(tx, topic!.areaId),
    });
  });
  return { ok: true as const };
}

export async function followForumTopic(ctx: Ctx, topicId: string, on: boolean) {
  const accountId = memberId(ctx);
  await openTopic(ctx, topicId);
  await limitMember(ctx, accountId, "action", new Date());
  await repo.setFollowing(ctx.db, topicId, accountId, on);
  return { ok: true as const };
}

/**
 * The member deletes their own post or comment: gone from the forum at once, its text erased at once too (the
 * member asked; there is nothing to appeal). A deleted opening post takes its topic with it. Audited.
 */
export async function deleteMyForumPost(ctx: Ctx, postId: string) {
  const accountId = memberId(ctx);
  const now = new Date();
  await withTransaction(ctx, async (tx) => {
    const post = await repo.postById(tx, postId);
    if (!post || post.accountId !== accountId || post.status === "deleted") throw notFound("post");
    await repo.updatePost(tx, postId, { status: "deleted", body: "", removedAt: now, erasedAt: now, openReports: 0 });
    if (post.opensTopic) {
      await repo.setTopicStatus(tx, post.topicId, "deleted");
      await repo.eraseTopicTitles(tx, [post.topicId]);
    }
    await audit(ctx, tx, { action: "forum.post_deleted", entity: "forum_post", entityId: postId });
  });
  return { ok: true as const };
}
