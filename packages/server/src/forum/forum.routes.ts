import {
  createForumCommentBodySchema,
  createForumPostBodySchema,
  createForumTopicBodySchema,
  createSupportGroupBodySchema,
  deletedCountSchema,
  forumPostListSchema,
  forumPostResultSchema,
  forumSettingSchema,
  forumThemesSchema,
  forumTopicListSchema,
  groupMessageResultSchema,
  groupMessagesSchema,
  idParamSchema,
  joinSupportGroupBodySchema,
  listForumPostsQuerySchema,
  listForumTopicsQuerySchema,
  moderateForumItemBodySchema,
  moderateForumItemResultSchema,
  moderationQueueSchema,
  okSchema,
  pinnablePostListSchema,
  reactionResultSchema,
  reportForumPostBodySchema,
  sendGroupMessageBodySchema,
  supportGroupListSchema,
  supportGroupSchema,
  toggleBodySchema,
} from "@openclm/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ctxOf } from "../platform/request-context.js";
import { errors } from "../platform/responses.js";
import { getForumSettings, updateForumSettings } from "../settings/settings.service.js";
import {
  createForumComment,
  createForumPost,
  createForumTopic,
  deleteMyForumPost,
  followForumTopic,
  listForumPosts,
  listForumThemes,
  listForumTopics,
  reactToForumPost,
  reportForumPost,
} from "./forum.service.js";
import { ForumHub, streamGroupEvents, streamModerationEvents } from "./forum.stream.js";
import {
  listModerationQueue,
  listPinnableForumPosts,
  moderateForumItem,
  pinForumPost,
} from "./forum-moderation.service.js";
import {
  createSupportGroup,
  deleteMyGroupMessages,
  joinSupportGroup,
  leaveSupportGroup,
  listGroupMessages,
  listManagedSupportGroups,
  listMySupportGroups,
  sendGroupMessage,
} from "./support-groups.service.js";

const tags = ["forum"];
/** Reading: public, or members only per the `forum` setting (the verb decides: 401 MEMBERS_ONLY). */
const reading = { auth: "public" as const };
/** Writing: a community account (PRODUCT.md 7: posting needs one). */
const member = { auth: "community" as const };
const posted = { 201: forumPostResultSchema, 200: forumPostResultSchema, ...errors(400, 401, 403, 404, 409, 429) };
const postId = idParamSchema;

/** Get Connected (issue 18): the forum, its moderation, and support-group chats with their live channel. */
export const forumRoutes: FastifyPluginAsyncZod = async (app) => {
  const hub = new ForumHub(app.services.database);
  app.addHook("preClose", async () => hub.endAll());
  app.addHook("onClose", async () => hub.close());

  app.get(
    "/forum/themes",
    {
      config: reading,
      schema: {
        operationId: "listForumThemes",
        tags,
        summary: "The forum's themes (taxonomy categories, then the free themes of Set-up) and who may read",
        response: { 200: forumThemesSchema },
      },
    },
    async (req) => listForumThemes(ctxOf(req)),
  );

  app.get(
    "/forum/topics",
    {
      config: reading,
      schema: {
        operationId: "listForumTopics",
        tags,
        summary: "Published topics, most active first; by theme, or searched; following and unread for members",
        querystring: listForumTopicsQuerySchema,
        response: { 200: forumTopicListSchema, ...errors(400, 401) },
      },
    },
    async (req, reply) => {
      reply.header("Cache-Control", "no-store");
      return listForumTopics(ctxOf(req), req.query);
    },
  );

  app.post(
    "/forum/topics",
    {
      config: member,
      schema: {
        operationId: "createForumTopic",
        tags,
        summary: "Open a topic with its first post (moderated like any post); the same clientId again answers 200",
        body: createForumTopicBodySchema,
        response: posted,
      },
    },
    async (req, reply) => {
      const { created, result } = await createForumTopic(ctxOf(req), req.body);
      return reply.code(created ? 201 : 200).send(result);
    },
  );

  app.put(
    "/forum/topics/:id/follow",
    {
      config: member,
      schema: {
        operationId: "followForumTopic",
        tags,
        summary: "Follow a topic or stop following it",
        params: idParamSchema,
        body: toggleBodySchema,
        response: { 200: okSchema, ...errors(400, 401, 404, 429) },
      },
    },
    async (req) => followForumTopic(ctxOf(req), req.params.id, req.body.on),
  );

  app.get(
    "/forum/posts",
    {
      config: reading,
      schema: {
        operationId: "listForumPosts",
        tags,
        summary: "A topic's published posts with comments, pinned first, and the member's own waiting ones",
        querystring: listForumPostsQuerySchema,
        response: { 200: forumPostListSchema, ...errors(400, 401, 404) },
      },
    },
    async (req, reply) => {
      reply.header("Cache-Control", "no-store");
      return listForumPosts(ctxOf(req), req.query.topicId);
    },
  );

  app.post(
    "/forum/posts",
    {
      config: member,
      schema: {
        operationId: "createForumPost",
        tags,
        summary:
          "Post in a topic: published, pending (pre-moderation) or held (phone, e-mail, link, crisis keyword); the helpline comes back with a crisis keyword",
        body: createForumPostBodySchema,
        response: posted,
      },
    },
    async (req, reply) => {
      const { created, result } = await createForumPost(ctxOf(req), req.body);
      return reply.code(created ? 201 : 200).send(result);
    },
  );

  app.post(
    "/forum/posts/:id/comments",
    {
      config: member,
      schema: {
        operationId: "createForumComment",
        tags,
        summary: "Comment on a published post (moderated like a post)",
        params: postId,
        body: createForumCommentBodySchema,
        response: posted,
      },
    },
    async (req, reply) => {
      const { created, result } = await createForumComment(ctxOf(req), req.params.id, req.body);
      return reply.code(created ? 201 : 200).send(result);
    },
  );

  app.delete(
    "/forum/posts/:id",
    {
      config: member,
      schema: {
        operationId: "deleteMyForumPost",
        tags,
        summary: "Delete one's own post or comment; its text is erased at once",
        params: postId,
        response: { 200: okSchema, ...errors(400, 401, 404) },
      },
    },
    async (req) => deleteMyForumPost(ctxOf(req), req.params.id),
  );

  for (const [kind, operationId] of [
    ["like", "likeForumPost"],
    ["helpful", "markForumPostHelpful"],
  ] as const)
    app.put(
      `/forum/posts/:id/${kind}`,
      {
        config: member,
        schema: {
          operationId,
          tags,
          summary: kind === "like" ? "Like a post, or take the like back" : "Mark a post helpful, or take it back",
          params: postId,
          body: toggleBodySchema,
          response: { 200: reactionResultSchema, ...errors(400, 401, 403, 404, 429) },
        },
      },
      async (req) => reactToForumPost(ctxOf(req), req.params.id, kind, req.body.on),
    );

  app.post(
    "/forum/posts/:id/report",
    {
      config: member,
      schema: {
        operationId: "reportForumPost",
        tags,
        summary: "Report a post to the moderators (once per member)",
        params: postId,
        body: reportForumPostBodySchema,
        response: { 200: okSchema, ...errors(400, 401, 404, 429) },
      },
    },
    async (req) => reportForumPost(ctxOf(req), req.params.id, req.body.reason),
  );

  app.get(
    "/forum/moderation",
    {
      config: { permission: "forum:moderate" },
      schema: {
        operationId: "listModerationQueue",
        tags,
        summary: "Posts waiting for a moderator in scope: crisis first, then reported, then the oldest",
        response: { 200: moderationQueueSchema, ...errors(401, 403) },
      },
    },
    async (req, reply) => {
      reply.header("Cache-Control", "no-store");
      return listModerationQueue(ctxOf(req));
    },
  );

  app.get(
    "/forum/moderation/events",
    {
      config: { permission: "forum:moderate", stream: true },
      schema: {
        operationId: "streamModerationEvents",
        tags,
        summary: "Server-Sent Events: new items in the queue in scope (crisis alerts among them)",
      },
    },
    async (req, reply) => streamModerationEvents(ctxOf(req), hub, req, reply),
  );

  app.post(
    "/forum/moderation/:id",
    {
      config: { permission: "forum:moderate" },
      schema: {
        operationId: "moderateForumItem",
        tags,
        summary: "Approve, hide, edit personal data out of, warn about or suspend the author of a post (audited)",
        params: idParamSchema,
        body: moderateForumItemBodySchema,
        response: { 200: moderateForumItemResultSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => moderateForumItem(ctxOf(req), req.params.id, req.body),
  );

  app.get(
    "/forum/moderation/posts",
    {
      config: { permission: "forum:moderate" },
      schema: {
        operationId: "listPinnableForumPosts",
        tags,
        summary: "Published posts in topics in scope, pinned first: what the moderator may pin or unpin",
        response: { 200: pinnablePostListSchema, ...errors(401, 403) },
      },
    },
    async (req, reply) => {
      reply.header("Cache-Control", "no-store");
      return listPinnableForumPosts(ctxOf(req));
    },
  );

  app.get(
    "/forum/settings",
    {
      config: { permission: "setup:manage" },
      schema: {
        operationId: "getForumSettings",
        tags,
        summary: "The forum's rules (the `forum` setting, defaults filled in), for Set-up",
        response: { 200: forumSettingSchema, ...errors(401, 403) },
      },
    },
    async (req) => getForumSettings(ctxOf(req)),
  );

  app.put(
    "/forum/settings",
    {
      config: { permission: "setup:manage" },
      schema: {
        operationId: "updateForumSettings",
        tags,
        summary:
          "Change the forum's rules (reading, pre-moderation, crisis keywords, helpline, themes, retention): country-wide administrators; audited",
        body: forumSettingSchema,
        response: { 200: forumSettingSchema, ...errors(400, 401, 403) },
      },
    },
    async (req) => updateForumSettings(ctxOf(req), req.body),
  );

  app.put(
    "/forum/posts/:id/pin",
    {
      config: { permission: "forum:moderate" },
      schema: {
        operationId: "pinForumPost",
        tags,
        summary: "Pin a published post in scope (shown first in its topic), or unpin it",
        params: postId,
        body: toggleBodySchema,
        response: { 200: okSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => pinForumPost(ctxOf(req), req.params.id, req.body.on),
  );

  app.post(
    "/groups",
    {
      config: { permission: "forum:moderate" },
      schema: {
        operationId: "createSupportGroup",
        tags,
        summary: "Create a support group for a place in scope; the answer holds its invite code",
        body: createSupportGroupBodySchema,
        response: { 201: supportGroupSchema, ...errors(400, 401, 403) },
      },
    },
    async (req, reply) => reply.code(201).send(await createSupportGroup(ctxOf(req), req.body)),
  );

  app.get(
    "/groups/managed",
    {
      config: { permission: "forum:moderate" },
      schema: {
        operationId: "listManagedSupportGroups",
        tags,
        summary: "Support groups placed in the peer supporter's scope, with invite codes",
        response: { 200: supportGroupListSchema, ...errors(401, 403) },
      },
    },
    async (req) => listManagedSupportGroups(ctxOf(req)),
  );

  app.get(
    "/groups",
    {
      config: member,
      schema: {
        operationId: "listMySupportGroups",
        tags,
        summary: "The member's support groups",
        response: { 200: supportGroupListSchema, ...errors(401) },
      },
    },
    async (req, reply) => {
      reply.header("Cache-Control", "no-store");
      return listMySupportGroups(ctxOf(req));
    },
  );

  app.post(
    "/groups/join",
    {
      config: member,
      schema: {
        operationId: "joinSupportGroup",
        tags,
        summary: "Join a support group with its invite code",
        body: joinSupportGroupBodySchema,
        response: { 200: supportGroupSchema, ...errors(400, 401, 403, 404, 429) },
      },
    },
    async (req) => joinSupportGroup(ctxOf(req), req.body.inviteCode),
  );

  app.get(
    "/groups/:id/messages",
    {
      config: member,
      schema: {
        operationId: "listGroupMessages",
        tags,
        summary: "A group's last messages and its members' nicknames",
        params: idParamSchema,
        response: { 200: groupMessagesSchema, ...errors(400, 401, 404) },
      },
    },
    async (req, reply) => {
      reply.header("Cache-Control", "no-store");
      return listGroupMessages(ctxOf(req), req.params.id);
    },
  );

  app.post(
    "/groups/:id/messages",
    {
      config: member,
      schema: {
        operationId: "sendGroupMessage",
        tags,
        summary: "Write to a group; delivered live to its members (held when it has a phone, e-mail or link)",
        params: idParamSchema,
        body: sendGroupMessageBodySchema,
        response: {
          201: groupMessageResultSchema,
          200: groupMessageResultSchema,
          ...errors(400, 401, 403, 404, 409, 429),
        },
      },
    },
    async (req, reply) => {
      const { created, result } = await sendGroupMessage(ctxOf(req), req.params.id, req.body);
      return reply.code(created ? 201 : 200).send(result);
    },
  );

  app.get(
    "/groups/:id/events",
    {
      config: { ...member, stream: true },
      schema: {
        operationId: "streamGroupEvents",
        tags,
        summary: "Server-Sent Events: new messages in the group",
        params: idParamSchema,
      },
    },
    async (req, reply) => streamGroupEvents(ctxOf(req), hub, req.params.id, req, reply),
  );

  app.post(
    "/groups/:id/leave",
    {
      config: member,
      schema: {
        operationId: "leaveSupportGroup",
        tags,
        summary: "Leave a group",
        params: idParamSchema,
        response: { 200: okSchema, ...errors(400, 401, 404) },
      },
    },
    async (req) => leaveSupportGroup(ctxOf(req), req.params.id),
  );

  app.delete(
    "/groups/:id/messages/mine",
    {
      config: member,
      schema: {
        operationId: "deleteMyGroupMessages",
        tags,
        summary: "Erase every message one wrote in the group",
        params: idParamSchema,
        response: { 200: deletedCountSchema, ...errors(400, 401, 404) },
      },
    },
    async (req) => deleteMyGroupMessages(ctxOf(req), req.params.id),
  );
};
