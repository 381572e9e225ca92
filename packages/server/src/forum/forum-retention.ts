import { z } from "zod";
import { audit } from "../audit/audit.service.js";
import { withTransaction } from "../db/database.js";
import type { Ctx } from "../platform/context.js";
import { defineJob } from "../platform/job-runner.js";
import * as repo from "./forum.repo.js";
import { forumSetting } from "./forum-setting.js";
import * as groups from "./support-groups.repo.js";

const BATCH = 200;
const DAY_MS = 24 * 3_600_000;

/**
 * Erases (not hides) the text of forum posts and group messages hidden or deleted more than `forum.retentionDays`
 * ago: the body becomes empty, an opening post's topic title too, and `erased_at` marks the row. Batches of 200, each
 * its own transaction with one audit row of counts, so a run that stops half-way keeps what it did (the pattern of
 * reports/retention.ts). Answers how many were erased.
 */
export async function applyForumRetention(ctx: Ctx, now = new Date()): Promise<{ posts: number; messages: number }> {
  const { retentionDays } = await forumSetting(ctx.db);
  const before = new Date(now.getTime() - retentionDays * DAY_MS);
  const run = { posts: 0, messages: 0 };
  for (;;) {
    const n = await withTransaction(ctx, async (tx) => {
      const posts = await repo.postsDueForErasure(tx, before, BATCH);
      const messages = await groups.messagesDueForErasure(tx, before, BATCH);
      if (posts.length + messages.length === 0) return 0;
      await repo.erasePosts(
        tx,
        posts.map((p) => p.id),
        now,
      );
      await repo.eraseTopicTitles(
        tx,
        posts.filter((p) => p.opensTopic).map((p) => p.topicId),
      );
      await groups.eraseMessages(
        tx,
        messages.map((m) => m.id),
        now,
      );
      await audit(ctx, tx, {
        action: "retention.erase",
        entity: "forum_post",
        details: { what: "forum", days: retentionDays, posts: posts.length, messages: messages.length },
      });
      run.posts += posts.length;
      run.messages += messages.length;
      return posts.length + messages.length;
    });
    if (n === 0) return run;
  }
}

/** Every night, after the reports' retention. */
export const forumRetentionJob = defineJob({
  id: "forum.retention",
  payload: z.object({ asOf: z.iso.datetime().optional() }),
  cron: "51 2 * * *",
  async handler(ctx, payload) {
    const run = await applyForumRetention(ctx, payload.asOf ? new Date(payload.asOf) : new Date());
    if (run.posts || run.messages) ctx.log.info(run, "forum retention: hidden texts erased");
  },
});
