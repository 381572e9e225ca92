import type { FastifyReply, FastifyRequest } from "fastify";
import { COMMUNITY_COOKIE, lookupCommunitySession } from "../community/community-sessions.js";
import type { Database } from "../db/database.js";
import { actorScope } from "../identity/scope.js";
import { sessionIsLive } from "../identity/sessions.js";
import { AppError, notFound } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import { ListenHub, openLiveStream } from "../platform/live-events.js";
import { FORUM_CHANNEL } from "./forum.repo.js";
import { memberId } from "./forum.service.js";
import { isMember } from "./support-groups.service.js";

interface ForumEvent {
  kind: "group" | "queue";
  id: string | null;
  groupId?: string;
  crisis?: boolean;
  areaPath?: string[];
}

/**
 * The forum's live channel, `forum_events` (platform/live-events.ts): a group's members hear its messages;
 * moderators hear queue and crisis notices for places in their scope.
 */
export class ForumHub extends ListenHub<ForumEvent> {
  constructor(database: Database) {
    super(database, FORUM_CHANNEL);
  }
}

/** A member's live stream of one group: `message` events while the session lives and they stay a member. */
export async function streamGroupEvents(
  ctx: Ctx,
  hub: ForumHub,
  groupId: string,
  req: FastifyRequest,
  reply: FastifyReply,
) {
  const accountId = memberId(ctx);
  if (!(await isMember(ctx, groupId, accountId))) throw notFound("group");
  const { db } = ctx.services.database;
  const token = req.cookies[COMMUNITY_COOKIE] ?? "";
  await openLiveStream(ctx, req, reply, {
    hub,
    stillSignedIn: async () =>
      (await lookupCommunitySession(db, token, new Date()))?.accountId === accountId &&
      (await isMember({ ...ctx, db }, groupId, accountId)),
    wants: (e) => e.kind === "group" && e.groupId === groupId,
    event: "message",
    data: (e) => ({ id: e.id }),
  });
}

/** A moderator's live stream: `queue` events (with `crisis`) for places in their scope. */
export async function streamModerationEvents(ctx: Ctx, hub: ForumHub, req: FastifyRequest, reply: FastifyReply) {
  const actor = ctx.actor;
  if (actor.type !== "staff") throw new AppError("UNAUTHENTICATED", "Sign in first"); // the route demands staff
  const scope = new Set((await actorScope(ctx)).areaIds);
  const { db } = ctx.services.database;
  await openLiveStream(ctx, req, reply, {
    hub,
    stillSignedIn: () => sessionIsLive(db, actor.sessionHash, new Date()),
    wants: (e) => e.kind === "queue" && (e.areaPath ?? []).some((a) => scope.has(a)),
    event: "queue",
    data: (e) => ({ id: e.id, crisis: !!e.crisis }),
  });
}
