import { and, asc, desc, eq, inArray, isNull, lte, or, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { communityAccounts } from "../community/community.schema.js";
import type { Db } from "../db/database.js";
import { areas } from "../geography/geography.schema.js";
import { categories } from "../taxonomy/taxonomy.schema.js";
import {
  forumMembers,
  forumPostReports,
  forumPosts,
  forumReactions,
  forumTopicReads,
  forumTopics,
} from "./forum.schema.js";

export type TopicRow = typeof forumTopics.$inferSelect;
export type PostRow = typeof forumPosts.$inferSelect;
export type PostInsert = typeof forumPosts.$inferInsert;

export const FORUM_CHANNEL = "forum_events";

export async function activeCategories(db: Db) {
  return db
    .select({ code: categories.code, labels: categories.labels })
    .from(categories)
    .where(eq(categories.active, true))
    .orderBy(asc(categories.sort), asc(categories.code));
}

export async function countryAreaId(db: Db): Promise<string | undefined> {
  const [row] = await db.select({ id: areas.id }).from(areas).where(eq(areas.level, 0)).limit(1);
  return row?.id;
}

export async function areaExists(db: Db, id: string): Promise<boolean> {
  const [row] = await db.select({ id: areas.id }).from(areas).where(eq(areas.id, id)).limit(1);
  return !!row;
}

/** The area and its ancestors: moderators whose scope names any of them moderate what is placed there. */
export async function areaPath(db: Db, id: string): Promise<string[]> {
  const [row] = await db.select({ ancestorIds: areas.ancestorIds }).from(areas).where(eq(areas.id, id));
  return row ? [id, ...(row.ancestorIds ?? [])] : [];
}

/**
 * The moderation read rule, as SQL on a column holding an area id: the area is one of the scope's areas or lies
 * under one. A scope of facilities only moderates nothing (the forum has no facilities).
 */
export function areaInScopeSql(areaColumn: SQLWrapper, scopeAreaIds: string[]): SQL {
  if (scopeAreaIds.length === 0) return sql`false`;
  const ids = sql`${sql.param(scopeAreaIds)}::uuid[]`;
  return sql`EXISTS (SELECT 1 FROM ${areas} a WHERE a.id = ${areaColumn} AND (a.id = ANY(${ids}) OR a.ancestor_ids && ${ids}))`;
}

export async function postByClientId(db: Db, clientId: string) {
  const [row] = await db.select().from(forumPosts).where(eq(forumPosts.clientId, clientId));
  return row;
}

export async function topicById(db: Db, id: string) {
  const [row] = await db.select().from(forumTopics).where(eq(forumTopics.id, id));
  return row;
}

export async function postById(db: Db, id: string) {
  const [row] = await db.select().from(forumPosts).where(eq(forumPosts.id, id));
  return row;
}

export async function insertTopic(db: Db, row: typeof forumTopics.$inferInsert) {
  const [inserted] = await db.insert(forumTopics).values(row).returning();
  return inserted!;
}

export async function insertPost(db: Db, row: PostInsert) {
  const [inserted] = await db.insert(forumPosts).values(row).returning();
  return inserted!;
}

export async function touchTopic(db: Db, topicId: string, at: Date) {
  await db.update(forumTopics).set({ lastActivityAt: at }).where(eq(forumTopics.id, topicId));
}

export async function setTopicStatus(db: Db, topicId: string, status: TopicRow["status"]) {
  await db.update(forumTopics).set({ status }).where(eq(forumTopics.id, topicId));
}

export async function updatePost(db: Db, id: string, changes: Partial<PostInsert>) {
  const [row] = await db.update(forumPosts).set(changes).where(eq(forumPosts.id, id)).returning();
  return row!;
}

/** Published posts of an account: past `trustedAfter` of them, it is no longer pre-moderated. */
export async function publishedCount(db: Db, accountId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(forumPosts)
    .where(and(eq(forumPosts.accountId, accountId), eq(forumPosts.status, "published")));
  return row?.n ?? 0;
}

export async function member(db: Db, accountId: string) {
  const [row] = await db.select().from(forumMembers).where(eq(forumMembers.accountId, accountId));
  return row;
}

export async function upsertMember(db: Db, accountId: string, changes: { warnings?: SQL; suspendedUntil?: Date }) {
  await db
    .insert(forumMembers)
    .values({ accountId, warnings: changes.warnings ? 1 : 0, suspendedUntil: changes.suspendedUntil ?? null })
    .onConflictDoUpdate({
      target: forumMembers.accountId,
      set: {
        ...(changes.warnings ? { warnings: sql`${forumMembers.warnings} + 1` } : {}),
        ...(changes.suspendedUntil ? { suspendedUntil: changes.suspendedUntil } : {}),
      },
    });
}

/**
 * The reader's search as a full-text query: each word (letters and digits of any script) must appear, the last one
 * also as the start of a longer word (people search as they type). Null when nothing searchable is left. The `simple`
 * configuration folds case and keeps every word whatever its language: the forum is written in several languages at
 * once, and stemming for one of them would miss words of the others.
 */
export function searchQuery(q: string): string | null {
  const words = q.match(/[\p{L}\p{M}\p{N}]+/gu)?.slice(0, 8) ?? [];
  if (words.length === 0) return null;
  return words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(" & ");
}

/** Text as the search index holds it: the same expression as the GIN indexes on titles and bodies. */
export const searchVector = (column: SQLWrapper) => sql`to_tsvector('simple', ${column})`;

/**
 * Published topics with post counts and (for a member) following and unread markers: most active first, or with a
 * search, best match first (the title counts twice as much as a post), then most active.
 */
export async function listTopics(db: Db, filter: { theme?: string; q?: string; accountId?: string }, limit: number) {
  const account = filter.accountId ?? null;
  const published = sql`p.status = 'published'`;
  const search = filter.q ? searchQuery(filter.q) : null;
  const tsq = sql`to_tsquery('simple', ${search ?? ""})`;
  const postMatch = sql`${searchVector(sql`p.body`)} @@ ${tsq}`;
  const rank = sql`(ts_rank(${searchVector(forumTopics.title)}, ${tsq}) * 2 + coalesce((SELECT max(ts_rank(${searchVector(sql`p.body`)}, ${tsq})) FROM ${forumPosts} p WHERE p.topic_id = ${forumTopics.id} AND ${published} AND ${postMatch}), 0))`;
  return db
    .select({
      id: forumTopics.id,
      title: forumTopics.title,
      themeCode: forumTopics.themeCode,
      lastActivityAt: forumTopics.lastActivityAt,
      posts: sql<number>`(SELECT count(*)::int FROM ${forumPosts} p WHERE p.topic_id = ${forumTopics.id} AND ${published})`,
      following: sql<boolean>`coalesce(${forumTopicReads.following}, false)`,
      unread: sql<number>`CASE WHEN ${account}::uuid IS NULL THEN 0 ELSE (SELECT count(*)::int FROM ${forumPosts} p WHERE p.topic_id = ${forumTopics.id} AND ${published} AND p.created_at > coalesce(${forumTopicReads.lastReadAt}, '-infinity'::timestamptz) AND p.account_id IS DISTINCT FROM ${account}::uuid) END`,
    })
    .from(forumTopics)
    .leftJoin(
      forumTopicReads,
      and(eq(forumTopicReads.topicId, forumTopics.id), sql`${forumTopicReads.accountId} = ${account}::uuid`),
    )
    .where(
      and(
        eq(forumTopics.status, "published"),
        filter.theme ? eq(forumTopics.themeCode, filter.theme) : undefined,
        // A search with nothing searchable in it (only punctuation) finds nothing rather than everything.
        filter.q && !search ? sql`false` : undefined,
        search
          ? or(
              sql`${searchVector(forumTopics.title)} @@ ${tsq}`,
              sql`EXISTS (SELECT 1 FROM ${forumPosts} p WHERE p.topic_id = ${forumTopics.id} AND ${published} AND ${postMatch})`,
            )
          : undefined,
      ),
    )
    .orderBy(...(search ? [desc(rank)] : []), desc(forumTopics.lastActivityAt))
    .limit(limit);
}

/** A topic's posts and comments a reader may see: published ones, and the member's own (with their status). */
export async function postsOfTopic(db: Db, topicId: string, accountId: string | undefined) {
  const own = accountId ? eq(forumPosts.accountId, accountId) : sql`false`;
  return db
    .select({
      post: forumPosts,
      nickname: communityAccounts.nickname,
      likedByMe: accountId
        ? sql<boolean>`EXISTS (SELECT 1 FROM ${forumReactions} r WHERE r.post_id = ${forumPosts.id} AND r.account_id = ${accountId}::uuid AND r.kind = 'like')`
        : sql<boolean>`false`,
      helpfulByMe: accountId
        ? sql<boolean>`EXISTS (SELECT 1 FROM ${forumReactions} r WHERE r.post_id = ${forumPosts.id} AND r.account_id = ${accountId}::uuid AND r.kind = 'helpful')`
        : sql<boolean>`false`,
    })
    .from(forumPosts)
    .leftJoin(communityAccounts, eq(communityAccounts.id, forumPosts.accountId))
    .where(
      and(
        eq(forumPosts.topicId, topicId),
        or(eq(forumPosts.status, "published"), and(own, inArray(forumPosts.status, ["pending", "held"]))),
      ),
    )
    .orderBy(asc(forumPosts.createdAt))
    .limit(500);
}

export async function markRead(db: Db, topicId: string, accountId: string, at: Date) {
  await db
    .insert(forumTopicReads)
    .values({ topicId, accountId, lastReadAt: at })
    .onConflictDoUpdate({ target: [forumTopicReads.topicId, forumTopicReads.accountId], set: { lastReadAt: at } });
}

export async function setFollowing(db: Db, topicId: string, accountId: string, following: boolean) {
  await db
    .insert(forumTopicReads)
    .values({ topicId, accountId, following })
    .onConflictDoUpdate({ target: [forumTopicReads.topicId, forumTopicReads.accountId], set: { following } });
}

export async function isFollowing(db: Db, topicId: string, accountId: string): Promise<boolean> {
  const [row] = await db
    .select({ following: forumTopicReads.following })
    .from(forumTopicReads)
    .where(and(eq(forumTopicReads.topicId, topicId), eq(forumTopicReads.accountId, accountId)));
  return row?.following ?? false;
}

/** Adds or removes a reaction and keeps the post's counter in step; answers the counters. */
export async function setReaction(db: Db, postId: string, accountId: string, kind: "like" | "helpful", on: boolean) {
  const column = kind === "like" ? forumPosts.likes : forumPosts.helpful;
  const changed = on
    ? await db.insert(forumReactions).values({ postId, accountId, kind }).onConflictDoNothing().returning()
    : await db
        .delete(forumReactions)
        .where(
          and(
            eq(forumReactions.postId, postId),
            eq(forumReactions.accountId, accountId),
            eq(forumReactions.kind, kind),
          ),
        )
        .returning();
  const delta = changed.length === 0 ? 0 : on ? 1 : -1;
  const [row] = await db
    .update(forumPosts)
    .set(kind === "like" ? { likes: sql`${column} + ${delta}` } : { helpful: sql`${column} + ${delta}` })
    .where(eq(forumPosts.id, postId))
    .returning({ likes: forumPosts.likes, helpful: forumPosts.helpful });
  return row!;
}

/** Records a reader's report once; a new report opens the post for a moderator. Answers whether it was new. */
export async function addReport(db: Db, postId: string, accountId: string, reason: string): Promise<boolean> {
  const inserted = await db
    .insert(forumPostReports)
    .values({ postId, accountId, reason })
    .onConflictDoNothing()
    .returning();
  if (inserted.length === 0) return false;
  await db
    .update(forumPosts)
    .set({ reports: sql`${forumPosts.reports} + 1`, openReports: sql`${forumPosts.openReports} + 1` })
    .where(eq(forumPosts.id, postId));
  return true;
}

/** The queue of posts a moderator in scope should look at: unpublished ones and those readers reported. */
export async function moderationQueue(db: Db, scopeAreaIds: string[], limit: number) {
  return (
    db
      .select({
        post: forumPosts,
        topicTitle: forumTopics.title,
        nickname: communityAccounts.nickname,
        warnings: sql<number>`coalesce(${forumMembers.warnings}, 0)`,
        suspendedUntil: forumMembers.suspendedUntil,
      })
      .from(forumPosts)
      .innerJoin(forumTopics, eq(forumTopics.id, forumPosts.topicId))
      .leftJoin(communityAccounts, eq(communityAccounts.id, forumPosts.accountId))
      .leftJoin(forumMembers, eq(forumMembers.accountId, forumPosts.accountId))
      .where(
        and(
          or(inArray(forumPosts.status, ["pending", "held"]), sql`${forumPosts.openReports} > 0`),
          isNull(forumPosts.erasedAt),
          areaInScopeSql(forumTopics.areaId, scopeAreaIds),
        ),
      )
      // Crisis first, then reported, then the oldest waiting.
      .orderBy(
        desc(sql`'crisis' = ANY(${forumPosts.reasons})`),
        desc(sql`${forumPosts.openReports} > 0`),
        asc(forumPosts.createdAt),
      )
      .limit(limit)
  );
}

/**
 * Published posts (not comments) of published topics in the moderator's scope, pinned first, then the newest: what a
 * peer supporter may pin or unpin.
 */
export async function pinnablePosts(db: Db, scopeAreaIds: string[], limit: number) {
  return db
    .select({ post: forumPosts, topicTitle: forumTopics.title, nickname: communityAccounts.nickname })
    .from(forumPosts)
    .innerJoin(forumTopics, eq(forumTopics.id, forumPosts.topicId))
    .leftJoin(communityAccounts, eq(communityAccounts.id, forumPosts.accountId))
    .where(
      and(
        eq(forumPosts.status, "published"),
        isNull(forumPosts.parentId),
        eq(forumTopics.status, "published"),
        areaInScopeSql(forumTopics.areaId, scopeAreaIds),
      ),
    )
    .orderBy(desc(forumPosts.pinned), desc(forumPosts.createdAt))
    .limit(limit);
}

/** One post with its topic, if the topic's area is in the moderator's scope (else undefined: 404). */
export async function postInScope(db: Db, scopeAreaIds: string[], id: string) {
  const [row] = await db
    .select({ post: forumPosts, topic: forumTopics })
    .from(forumPosts)
    .innerJoin(forumTopics, eq(forumTopics.id, forumPosts.topicId))
    .where(and(eq(forumPosts.id, id), areaInScopeSql(forumTopics.areaId, scopeAreaIds)));
  return row;
}

/** Hidden or deleted posts whose retention period is over and whose text is still there. */
export async function postsDueForErasure(db: Db, before: Date, limit: number) {
  return db
    .select({ id: forumPosts.id, opensTopic: forumPosts.opensTopic, topicId: forumPosts.topicId })
    .from(forumPosts)
    .where(and(lte(forumPosts.removedAt, before), isNull(forumPosts.erasedAt)))
    .limit(limit);
}

export async function erasePosts(db: Db, ids: string[], at: Date) {
  if (ids.length === 0) return;
  await db.update(forumPosts).set({ body: "", erasedAt: at }).where(inArray(forumPosts.id, ids));
}

export async function eraseTopicTitles(db: Db, topicIds: string[]) {
  if (topicIds.length === 0) return;
  await db.update(forumTopics).set({ title: "" }).where(inArray(forumTopics.id, topicIds));
}

/** Announces a change to open streams after commit (pg_notify inside the write's transaction). */
export async function notifyForum(db: Db, payload: Record<string, unknown>) {
  await db.execute(sql`SELECT pg_notify(${FORUM_CHANNEL}, ${JSON.stringify(payload)})`);
}
