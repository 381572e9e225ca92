import { z } from "zod";
import { localizedTextSchema, taxonomyCodeSchema, uuidSchema } from "./common.js";

// ── Get Connected: the peer forum and support-group chats (issue 18; PRODUCT.md section 7 "Get Connected") ──

export const FORUM_TITLE_MAX = 120;
export const FORUM_BODY_MAX = 4000;
export const GROUP_MESSAGE_MAX = 1000;

/** Where a post stands. `pending`: waits for a moderator (pre-moderation); `held`: an automatic hold (see reasons). */
export const forumPostStatuses = ["published", "pending", "held", "hidden", "deleted"] as const;
export type ForumPostStatus = (typeof forumPostStatuses)[number];

/**
 * Why something is in the moderation queue: pre-moderation of a new account (`new_account`, or `everyone` when the
 * country pre-moderates every post), an automatic hold (`phone`, `email`, `link`), a crisis keyword (`crisis`), or
 * readers' reports (`reported`).
 */
export const moderationReasons = ["crisis", "reported", "phone", "email", "link", "new_account", "everyone"] as const;
export type ModerationReason = (typeof moderationReasons)[number];

/**
 * The `forum` setting (Set-up → Settings): who may read, how posts are moderated, the crisis keywords and the
 * helpline they show, the free themes beside the taxonomy's categories, and how long hidden content is kept.
 */
export const forumSettingSchema = z
  .object({
    /** `open`: anyone may read published posts; `members`: only signed-in community accounts. */
    reading: z.enum(["open", "members"]),
    /** `new_accounts`: an account's posts wait for a moderator until `trustedAfter` of them were published. */
    premoderation: z.enum(["new_accounts", "everyone", "nobody"]),
    trustedAfter: z.number().int().min(0).max(50),
    /** Words or phrases (any language, matched without case) that show the helpline at once and alert moderators. */
    crisisKeywords: z.array(z.string().trim().min(2).max(80)).max(300),
    helpline: z
      .object({
        phone: z.string().trim().max(40),
        /** What the member reads beside the number, per language. */
        text: localizedTextSchema,
      })
      .strict(),
    /** Free themes beside the taxonomy's categories (codes are stable; labels per language). */
    themes: z.array(z.object({ code: taxonomyCodeSchema, labels: localizedTextSchema }).strict()).max(50),
    /** Hidden and deleted posts and messages keep their text this many days (for appeals), then it is erased. */
    retentionDays: z.number().int().min(0).max(365),
  })
  .strict();
export type ForumSetting = z.infer<typeof forumSettingSchema>;

export const DEFAULT_FORUM_SETTING: ForumSetting = {
  reading: "open",
  premoderation: "new_accounts",
  trustedAfter: 3,
  crisisKeywords: [
    "suicide",
    "kill myself",
    "end my life",
    "self-harm",
    "want to die",
    "suicidio",
    "me matar",
    "me suicider",
    "mettre fin à mes jours",
    "самоубийство",
    "покончить с собой",
    "не хочу жить",
    // Machine-assisted like the catalogues of these languages: the country reviews them in Set-up → Forum.
    "bunuh diri",
    "ingin mati",
    "mengakhiri hidup",
    "kujiua",
    "nataka kufa",
    "kujidhuru",
    "ចង់ស្លាប់",
    "សម្លាប់ខ្លួន",
    "худкушӣ",
    "намехоҳам зинда бошам",
    "самогубство",
    "не хочу жити",
    "покінчити з собою",
    "өзіне қол салу",
    "өмір сүргім келмейді",
  ],
  helpline: { phone: "", text: {} },
  themes: [],
  retentionDays: 30,
};

/** The helpline content shown at once when a post or message holds a crisis keyword. */
export const helplineSchema = z.object({ phone: z.string(), text: z.string() });
export type Helpline = z.infer<typeof helplineSchema>;

export const forumThemesSchema = z.object({
  reading: z.enum(["open", "members"]),
  items: z.array(z.object({ code: z.string(), label: z.string() })),
});
export type ForumThemes = z.infer<typeof forumThemesSchema>;

export const listForumTopicsQuerySchema = z.object({
  theme: z.string().max(100).optional(),
  /** Searches titles and published posts. */
  q: z.string().trim().max(100).optional(),
});

export const forumTopicSchema = z.object({
  id: uuidSchema,
  title: z.string(),
  themeCode: z.string(),
  posts: z.number().int(),
  lastActivityAt: z.string(),
  /** Signed-in members only (false otherwise). */
  following: z.boolean(),
  /** Posts published since the member last opened the topic. */
  unread: z.number().int(),
});
export type ForumTopic = z.infer<typeof forumTopicSchema>;
export const forumTopicListSchema = z.object({ items: z.array(forumTopicSchema) });

export const createForumTopicBodySchema = z
  .object({
    clientId: uuidSchema,
    themeCode: z.string().min(1).max(100),
    title: z.string().trim().min(3).max(FORUM_TITLE_MAX),
    body: z.string().trim().min(1).max(FORUM_BODY_MAX),
    /** Optional place (a region or district) for local topics; their moderators are the peer supporters there. */
    areaId: uuidSchema.optional(),
  })
  .strict();
export type CreateForumTopicBody = z.infer<typeof createForumTopicBodySchema>;

export const createForumPostBodySchema = z
  .object({ topicId: uuidSchema, body: z.string().trim().min(1).max(FORUM_BODY_MAX), clientId: uuidSchema })
  .strict();
export type CreateForumPostBody = z.infer<typeof createForumPostBodySchema>;

export const createForumCommentBodySchema = z
  .object({ body: z.string().trim().min(1).max(FORUM_BODY_MAX), clientId: uuidSchema })
  .strict();

/** What posting answers: the status, and the helpline when the text held a crisis keyword. */
export const forumPostResultSchema = z.object({
  id: uuidSchema,
  topicId: uuidSchema,
  status: z.enum(["published", "pending", "held"]),
  helpline: helplineSchema.nullable(),
});
export type ForumPostResult = z.infer<typeof forumPostResultSchema>;

const postCore = {
  id: uuidSchema,
  body: z.string(),
  nickname: z.string(),
  likes: z.number().int(),
  at: z.string(),
  /** The signed-in member's own post: it may be deleted; unpublished own posts show their status. */
  mine: z.boolean(),
  status: z.enum(forumPostStatuses),
  likedByMe: z.boolean(),
};
export const forumCommentSchema = z.object(postCore);
export const forumPostSchema = z.object({
  ...postCore,
  helpful: z.number().int(),
  helpfulByMe: z.boolean(),
  /** Pinned by a peer supporter: shown first. */
  pinned: z.boolean(),
  comments: z.array(forumCommentSchema),
});
export type ForumPost = z.infer<typeof forumPostSchema>;

export const listForumPostsQuerySchema = z.object({ topicId: uuidSchema });
export const forumPostListSchema = z.object({
  topic: z.object({ id: uuidSchema, title: z.string(), themeCode: z.string(), following: z.boolean() }),
  items: z.array(forumPostSchema),
});
export type ForumPostList = z.infer<typeof forumPostListSchema>;

export const toggleBodySchema = z.object({ on: z.boolean() }).strict();
export const reactionResultSchema = z.object({ likes: z.number().int(), helpful: z.number().int() });

export const reportForumPostBodySchema = z
  .object({ reason: z.enum(["personal_data", "abuse", "spam", "harm", "other"]) })
  .strict();

// ── Moderation (staff with forum:moderate, in scope) ──

export const moderationItemSchema = z.object({
  id: uuidSchema,
  /** `message`: a support-group chat message held for personal data or a link (released or hidden like a post). */
  kind: z.enum(["topic", "post", "comment", "message"]),
  /** The topic of a post; null for a group message. */
  topicId: uuidSchema.nullable(),
  /** The topic's title, or for a group message the group's name. */
  topicTitle: z.string(),
  body: z.string(),
  nickname: z.string(),
  /** The first, most urgent reason; all of them in `reasons`. */
  reason: z.enum(moderationReasons),
  reasons: z.array(z.enum(moderationReasons)),
  status: z.enum(forumPostStatuses),
  reports: z.number().int(),
  /** Warnings the author had before. */
  authorWarnings: z.number().int(),
  authorSuspended: z.boolean(),
  at: z.string(),
});
export type ModerationItem = z.infer<typeof moderationItemSchema>;
export const moderationQueueSchema = z.object({ items: z.array(moderationItemSchema) });

export const moderateForumItemBodySchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("approve") }).strict(),
  z.object({ action: z.literal("hide"), note: z.string().trim().max(500).optional() }).strict(),
  /** Edits personal data out and publishes the rest. */
  z.object({ action: z.literal("redact"), body: z.string().trim().min(1).max(FORUM_BODY_MAX) }).strict(),
  z.object({ action: z.literal("warn"), note: z.string().trim().max(500).optional() }).strict(),
  z.object({ action: z.literal("suspend_author"), days: z.number().int().min(1).max(365).default(7) }).strict(),
]);
export type ModerateForumItemBody = z.input<typeof moderateForumItemBodySchema>;
export const moderateForumItemResultSchema = z.object({ id: uuidSchema, status: z.enum(forumPostStatuses) });

/** A published post (not a comment) in a topic placed in the moderator's scope: what they may pin or unpin. */
export const pinnablePostSchema = z.object({
  id: uuidSchema,
  topicId: uuidSchema,
  topicTitle: z.string(),
  body: z.string(),
  nickname: z.string(),
  pinned: z.boolean(),
  helpful: z.number().int(),
  at: z.string(),
});
export type PinnablePost = z.infer<typeof pinnablePostSchema>;
export const pinnablePostListSchema = z.object({ items: z.array(pinnablePostSchema) });

// ── Support groups ──

export const createSupportGroupBodySchema = z
  .object({
    name: z.string().trim().min(3).max(80),
    /** The region or district whose peer supporters look after the group; within the creator's scope. */
    areaId: uuidSchema,
    readReceipts: z.boolean().default(false),
  })
  .strict();
export const supportGroupSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  /** Staff only: what members type to join. */
  inviteCode: z.string().optional(),
  members: z.number().int(),
  readReceipts: z.boolean(),
});
export type SupportGroup = z.infer<typeof supportGroupSchema>;
export const supportGroupListSchema = z.object({ items: z.array(supportGroupSchema) });

export const joinSupportGroupBodySchema = z.object({ inviteCode: z.string().trim().min(4).max(20) }).strict();

export const sendGroupMessageBodySchema = z
  .object({ body: z.string().trim().min(1).max(GROUP_MESSAGE_MAX), clientId: uuidSchema })
  .strict();
export const groupMessageSchema = z.object({
  id: uuidSchema,
  body: z.string(),
  nickname: z.string(),
  mine: z.boolean(),
  at: z.string(),
  /** `held`: only its author sees it, until a moderator releases it. */
  status: z.enum(["published", "held"]),
  /** Members who have read up to here; only when the group has read receipts on. */
  seenBy: z.number().int().nullable(),
});
export type GroupMessage = z.infer<typeof groupMessageSchema>;
export const groupMessagesSchema = z.object({
  group: z.object({ id: uuidSchema, name: z.string(), readReceipts: z.boolean() }),
  /** Nicknames only. */
  members: z.array(z.object({ nickname: z.string() })),
  items: z.array(groupMessageSchema),
});
export type GroupMessages = z.infer<typeof groupMessagesSchema>;
export const groupMessageResultSchema = z.object({
  id: uuidSchema,
  status: z.enum(["published", "held"]),
  helpline: helplineSchema.nullable(),
});
export const deletedCountSchema = z.object({ deleted: z.number().int() });
