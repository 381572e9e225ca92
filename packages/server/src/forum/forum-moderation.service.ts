import {
  type ModerateForumItemBody,
  type ModerationItem,
  type ModerationReason,
  moderateForumItemBodySchema,
  moderationReasons,
  type PinnablePost,
} from "@openclm/contracts";
import { sql } from "drizzle-orm";
import { audit } from "../audit/audit.service.js";
import { withTransaction } from "../db/database.js";
import { actorScope } from "../identity/scope.js";
import { AppError, notFound } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import * as repo from "./forum.repo.js";
import * as groupsRepo from "./support-groups.repo.js";

const QUEUE_LIMIT = 200;
const PINNABLE_LIMIT = 20;
const DAY_MS = 24 * 3_600_000;

const staffId = (ctx: Ctx) => (ctx.actor.type === "staff" ? ctx.actor.userId : null);

/** The reasons of a queued post, most urgent first (the order of `moderationReasons`); readers' reports included. */
function reasonsOf(post: repo.PostRow): ModerationReason[] {
  const all = new Set<ModerationReason>(post.reasons as ModerationReason[]);
  if (post.openReports > 0) all.add("reported");
  return moderationReasons.filter((r) => all.has(r));
}

/**
 * The moderation queue of a peer supporter (PRODUCT.md 7 `listModerationQueue`): posts waiting in topics placed in
 * their scope and support-group messages held in groups placed there, crisis first, then reported, then the oldest.
 * Reading held texts is reading what may be personal data: audited (how many, not what).
 */
export async function listModerationQueue(ctx: Ctx): Promise<{ items: ModerationItem[] }> {
  const scope = await actorScope(ctx);
  return withTransaction(ctx, async (tx) => {
    const [posts, messages] = await Promise.all([
      repo.moderationQueue(tx, scope.areaIds, QUEUE_LIMIT),
      groupsRepo.heldMessagesInScope(tx, scope.areaIds, QUEUE_LIMIT),
    ]);
    const now = new Date();
    const items: ModerationItem[] = [
      ...posts.map((r): ModerationItem => {
        const reasons = reasonsOf(r.post);
        return {
          id: r.post.id,
          kind: r.post.opensTopic ? "topic" : r.post.parentId ? "comment" : "post",
          topicId: r.post.topicId,
          topicTitle: r.topicTitle,
          body: r.post.body,
          nickname: r.nickname ?? "—",
          reason: reasons[0] ?? "reported",
          reasons,
          status: r.post.status,
          reports: r.post.reports,
          authorWarnings: r.warnings,
          authorSuspended: !!r.suspendedUntil && r.suspendedUntil > now,
          at: r.post.createdAt.toISOString(),
        };
      }),
      ...messages.map((r): ModerationItem => {
        const reasons = moderationReasons.filter((m) => (r.message.reasons as string[]).includes(m));
        return {
          id: r.message.id,
          kind: "message",
          topicId: null,
          topicTitle: r.groupName,
          body: r.message.body,
          nickname: r.nickname ?? "—",
          reason: reasons[0] ?? "link",
          reasons,
          status: r.message.status,
          reports: 0,
          authorWarnings: r.warnings,
          authorSuspended: !!r.suspendedUntil && r.suspendedUntil > now,
          at: r.message.createdAt.toISOString(),
        };
      }),
    ];
    // Crisis first, then reported, then the oldest waiting (each list comes sorted; together they are merged here).
    const urgency = (i: ModerationItem) => (i.reasons.includes("crisis") ? 0 : i.reasons.includes("reported") ? 1 : 2);
    items.sort((a, b) => urgency(a) - urgency(b) || a.at.localeCompare(b.at));
    const shown = items.slice(0, QUEUE_LIMIT);
    if (shown.length)
      await audit(ctx, tx, { action: "forum.queue_viewed", entity: "forum_post", details: { count: shown.length } });
    return { items: shown };
  });
}

/**
 * A moderator in scope decides on a post (PRODUCT.md 7 `moderateForumItem`; out of scope: 404): approve publishes it
 * (and a held opening post its topic); hide takes it down (its text erased after the retention period); redact edits
 * personal data out and publishes the rest; warn counts a warning on the author; suspend_author hides the post and
 * stops the author posting for `days`. Every action is audited in the same transaction, with the before and after
 * status; a redaction records that the text changed, never the text.
 */
export async function moderateForumItem(ctx: Ctx, id: string, body: ModerateForumItemBody) {
  const input = moderateForumItemBodySchema.parse(body);
  const scope = await actorScope(ctx);
  const now = new Date();
  return withTransaction(ctx, async (tx) => {
    const found = await repo.postInScope(tx, scope.areaIds, id);
    if (!found) return moderateGroupMessage(ctx, tx, scope.areaIds, id, input, now);
    if (found.post.status === "deleted") throw notFound("post");
    const { post } = found;
    const decided = { moderatedBy: staffId(ctx), moderatedAt: now, openReports: 0 };
    let updated = post;
    switch (input.action) {
      case "approve":
      case "redact":
        if (post.status === "hidden") throw new AppError("ALREADY_DECIDED", "This post was hidden");
        updated = await repo.updatePost(tx, id, {
          ...decided,
          status: "published",
          ...(input.action === "redact" ? { body: input.body } : {}),
        });
        if (post.opensTopic) await repo.setTopicStatus(tx, post.topicId, "published");
        await repo.touchTopic(tx, post.topicId, post.status === "published" ? found.topic.lastActivityAt : now);
        break;
      case "hide":
      case "suspend_author":
        updated = await hide(tx, post, decided, now);
        if (input.action === "suspend_author" && post.accountId)
          await repo.upsertMember(tx, post.accountId, {
            suspendedUntil: new Date(now.getTime() + input.days * DAY_MS),
          });
        break;
      case "warn":
        if (post.accountId) await repo.upsertMember(tx, post.accountId, { warnings: sql`1` });
        updated = await repo.updatePost(tx, id, { moderatedBy: decided.moderatedBy, moderatedAt: now });
        break;
    }
    await audit(ctx, tx, {
      action: `forum.moderate.${input.action}`,
      entity: "forum_post",
      entityId: id,
      details: {
        topicId: post.topicId,
        before: post.status,
        after: updated.status,
        reasons: reasonsOf(post),
        ...(input.action === "suspend_author" ? { days: input.days, authorId: post.accountId } : {}),
        ...(input.action === "warn" ? { authorId: post.accountId } : {}),
        ...(input.action === "redact" ? { textChanged: input.body !== post.body } : {}),
      },
    });
    return { id, status: updated.status };
  });
}

/**
 * The same decisions on a support-group message held for personal data or a link (ADR 0021): approve releases it to
 * the group (live, over the group's channel), redact releases the edited text, hide keeps it from the group for good
 * (its text erased after the retention period), warn and suspend_author act on the author as for posts. Audited.
 */
async function moderateGroupMessage(
  ctx: Ctx,
  tx: Ctx["db"],
  scopeAreaIds: string[],
  id: string,
  input: ReturnType<typeof moderateForumItemBodySchema.parse>,
  now: Date,
) {
  const found = await groupsRepo.messageInScope(tx, scopeAreaIds, id);
  if (!found || found.message.status === "deleted") throw notFound("post");
  const { message } = found;
  let updated = message;
  switch (input.action) {
    case "approve":
    case "redact":
      if (message.status === "hidden") throw new AppError("ALREADY_DECIDED", "This message was hidden");
      updated = await groupsRepo.updateMessage(tx, id, {
        status: "published",
        ...(input.action === "redact" ? { body: input.body } : {}),
      });
      if (message.status !== "published") await repo.notifyForum(tx, { kind: "group", groupId: message.groupId, id });
      break;
    case "hide":
    case "suspend_author":
      updated = await groupsRepo.updateMessage(tx, id, { status: "hidden", removedAt: now });
      if (input.action === "suspend_author" && message.accountId)
        await repo.upsertMember(tx, message.accountId, {
          suspendedUntil: new Date(now.getTime() + input.days * DAY_MS),
        });
      break;
    case "warn":
      if (message.accountId) await repo.upsertMember(tx, message.accountId, { warnings: sql`1` });
      break;
  }
  await audit(ctx, tx, {
    action: `forum.moderate.${input.action}`,
    entity: "support_group_message",
    entityId: id,
    details: {
      groupId: message.groupId,
      before: message.status,
      after: updated.status,
      reasons: message.reasons,
      ...(input.action === "suspend_author" ? { days: input.days, authorId: message.accountId } : {}),
      ...(input.action === "warn" ? { authorId: message.accountId } : {}),
      ...(input.action === "redact" ? { textChanged: input.body !== message.body } : {}),
    },
  });
  return { id, status: updated.status };
}

async function hide(tx: Ctx["db"], post: repo.PostRow, decided: object, now: Date) {
  const updated = await repo.updatePost(tx, post.id, { ...decided, status: "hidden", removedAt: now, pinned: false });
  if (post.opensTopic) await repo.setTopicStatus(tx, post.topicId, "hidden");
  return updated;
}

/** A peer supporter pins a published post in scope (shown first) or unpins it; audited. */
export async function pinForumPost(ctx: Ctx, id: string, on: boolean) {
  const scope = await actorScope(ctx);
  return withTransaction(ctx, async (tx) => {
    const found = await repo.postInScope(tx, scope.areaIds, id);
    if (found?.post.status !== "published" || found.post.parentId) throw notFound("post");
    await repo.updatePost(tx, id, { pinned: on });
    await audit(ctx, tx, { action: on ? "forum.pin" : "forum.unpin", entity: "forum_post", entityId: id });
    return { ok: true as const };
  });
}

/** What a peer supporter may pin: published posts (not comments) in topics placed in their scope, pinned first. */
export async function listPinnableForumPosts(ctx: Ctx): Promise<{ items: PinnablePost[] }> {
  const scope = await actorScope(ctx);
  const rows = await repo.pinnablePosts(ctx.db, scope.areaIds, PINNABLE_LIMIT);
  return {
    items: rows.map((r) => ({
      id: r.post.id,
      topicId: r.post.topicId,
      topicTitle: r.topicTitle,
      body: r.post.body,
      nickname: r.nickname ?? "—",
      pinned: r.post.pinned,
      helpful: r.post.helpful,
      at: r.post.createdAt.toISOString(),
    })),
  };
}
