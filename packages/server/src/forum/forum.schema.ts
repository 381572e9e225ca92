import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { communityAccounts } from "../community/community.schema.js";
import { areas } from "../geography/geography.schema.js";
import { staffUsers } from "../identity/identity.schema.js";

type PostStatus = "published" | "pending" | "held" | "hidden" | "deleted";

/**
 * A forum topic (issue 18). Its place (`area_id`: the country, a region or a district) decides which peer supporters
 * moderate it: those whose scope holds the area. The topic is visible once its first post is published.
 */
export const forumTopics = pgTable(
  "forum_topics",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    themeCode: text("theme_code").notNull(),
    title: text("title").notNull(),
    areaId: uuid("area_id")
      .notNull()
      .references(() => areas.id),
    accountId: uuid("account_id").references(() => communityAccounts.id, { onDelete: "set null" }),
    status: text("status").$type<PostStatus>().notNull(),
    lastActivityAt: timestamp("last_activity_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("forum_topics_theme_activity_idx").on(t.themeCode, t.lastActivityAt),
    // Search (forum.repo.ts `listTopics`): the same expression as the query, so the planner uses it.
    index("forum_topics_search_idx").using("gin", sql`to_tsvector('simple', ${t.title})`),
  ],
);

/**
 * Posts and their comments (`parent_id` set). The body is plain text a member chose to publish to peers; held,
 * pending and hidden bodies are read only by moderators in scope. Hidden and deleted bodies are erased (`erased_at`)
 * after the `forum.retentionDays` setting.
 */
export const forumPosts = pgTable(
  "forum_posts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The device's idempotency key: a retried post (the offline outbox) answers the first one. */
    clientId: uuid("client_id").notNull().unique(),
    topicId: uuid("topic_id")
      .notNull()
      .references(() => forumTopics.id, { onDelete: "cascade" }),
    parentId: uuid("parent_id"),
    /** The topic's opening post: moderating it moderates the topic too. */
    opensTopic: boolean("opens_topic").notNull().default(false),
    accountId: uuid("account_id").references(() => communityAccounts.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    status: text("status").$type<PostStatus>().notNull(),
    /** Why it waits or was held (contracts `moderationReasons`). */
    reasons: text("reasons").array().notNull().default([]),
    pinned: boolean("pinned").notNull().default(false),
    likes: integer("likes").notNull().default(0),
    helpful: integer("helpful").notNull().default(0),
    reports: integer("reports").notNull().default(0),
    /** Reports not yet looked at by a moderator: puts a published post in the queue. */
    openReports: integer("open_reports").notNull().default(0),
    moderatedBy: uuid("moderated_by").references(() => staffUsers.id, { onDelete: "set null" }),
    moderatedAt: timestamp("moderated_at", { withTimezone: true }),
    /** When it was hidden or deleted: the retention period counts from here. */
    removedAt: timestamp("removed_at", { withTimezone: true }),
    erasedAt: timestamp("erased_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("forum_posts_topic_idx").on(t.topicId, t.createdAt),
    index("forum_posts_account_idx").on(t.accountId),
    index("forum_posts_search_idx").using("gin", sql`to_tsvector('simple', ${t.body})`),
    index("forum_posts_queue_idx").on(t.createdAt).where(sql`status IN ('pending', 'held') OR open_reports > 0`),
    index("forum_posts_removed_idx").on(t.removedAt).where(sql`removed_at IS NOT NULL AND erased_at IS NULL`),
  ],
);

/** One like and one "helpful" mark per member and post. */
export const forumReactions = pgTable(
  "forum_reactions",
  {
    postId: uuid("post_id")
      .notNull()
      .references(() => forumPosts.id, { onDelete: "cascade" }),
    accountId: uuid("account_id")
      .notNull()
      .references(() => communityAccounts.id, { onDelete: "cascade" }),
    kind: text("kind").$type<"like" | "helpful">().notNull(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.accountId, t.kind] })],
);

/** One report per member and post; the reason only (readers' words could carry personal data). */
export const forumPostReports = pgTable(
  "forum_post_reports",
  {
    postId: uuid("post_id")
      .notNull()
      .references(() => forumPosts.id, { onDelete: "cascade" }),
    accountId: uuid("account_id")
      .notNull()
      .references(() => communityAccounts.id, { onDelete: "cascade" }),
    reason: text("reason").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.accountId] })],
);

/** A member's relation to a topic: following it, and when they last read it (the unread markers). */
export const forumTopicReads = pgTable(
  "forum_topic_reads",
  {
    topicId: uuid("topic_id")
      .notNull()
      .references(() => forumTopics.id, { onDelete: "cascade" }),
    accountId: uuid("account_id")
      .notNull()
      .references(() => communityAccounts.id, { onDelete: "cascade" }),
    following: boolean("following").notNull().default(false),
    lastReadAt: timestamp("last_read_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.topicId, t.accountId] })],
);

/** A community account's standing in the forum: moderators' warnings and suspension. */
export const forumMembers = pgTable("forum_members", {
  accountId: uuid("account_id")
    .primaryKey()
    .references(() => communityAccounts.id, { onDelete: "cascade" }),
  warnings: integer("warnings").notNull().default(0),
  suspendedUntil: timestamp("suspended_until", { withTimezone: true }),
});

/** A support group, created by a peer supporter for a place; members join with its invite code. */
export const supportGroups = pgTable(
  "support_groups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    areaId: uuid("area_id")
      .notNull()
      .references(() => areas.id),
    inviteCode: text("invite_code").notNull(),
    readReceipts: boolean("read_receipts").notNull().default(false),
    createdBy: uuid("created_by").references(() => staffUsers.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("support_groups_invite_idx").on(t.inviteCode)],
);

export const supportGroupMembers = pgTable(
  "support_group_members",
  {
    groupId: uuid("group_id")
      .notNull()
      .references(() => supportGroups.id, { onDelete: "cascade" }),
    accountId: uuid("account_id")
      .notNull()
      .references(() => communityAccounts.id, { onDelete: "cascade" }),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull().defaultNow(),
    /** Recorded only in groups with read receipts on. */
    lastReadAt: timestamp("last_read_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.accountId] }),
    index("support_group_members_account_idx").on(t.accountId),
  ],
);

export const supportGroupMessages = pgTable(
  "support_group_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clientId: uuid("client_id").notNull().unique(),
    groupId: uuid("group_id")
      .notNull()
      .references(() => supportGroups.id, { onDelete: "cascade" }),
    accountId: uuid("account_id").references(() => communityAccounts.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    status: text("status").$type<"published" | "held" | "hidden" | "deleted">().notNull(),
    reasons: text("reasons").array().notNull().default([]),
    removedAt: timestamp("removed_at", { withTimezone: true }),
    erasedAt: timestamp("erased_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("support_group_messages_group_idx").on(t.groupId, t.createdAt)],
);
