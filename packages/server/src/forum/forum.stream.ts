import type { FastifyReply, FastifyRequest } from "fastify";
import { COMMUNITY_COOKIE, lookupCommunitySession } from "../community/community-sessions.js";
import type { Database } from "../db/database.js";
import { actorScope } from "../identity/scope.js";
import { sessionIsLive } from "../identity/sessions.js";
import { SessionStream } from "../inbox/inbox.stream.js";
import { AppError, notFound } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
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

interface Listener {
  wants: (e: ForumEvent) => boolean;
  send: (e: ForumEvent) => void;
  resync: () => void;
  end: () => void;
}

/**
 * The forum's live channel: one LISTEN per process on `forum_events` (pg_notify inside each write's transaction, so
 * only committed messages are announced), fanned out to the open streams that want the event: a group's members get
 * its messages; moderators get queue and crisis notices for places in their scope. Same design as the inbox's
 * ReportChangeHub; events carry ids only, and the client reloads what it may read.
 */
export class ForumHub {
  private listeners = new Set<Listener>();
  private unlisten?: Promise<() => Promise<void>>;

  constructor(private readonly database: Database) {}

  ready(): Promise<unknown> {
    this.unlisten ??= this.database
      .listen(
        FORUM_CHANNEL,
        (payload) => this.announce(payload),
        () => {
          for (const l of this.listeners) l.resync();
        },
      )
      .catch((err: unknown) => {
        this.unlisten = undefined;
        throw err;
      });
    return this.unlisten;
  }

  private announce(payload: string) {
    let event: ForumEvent;
    try {
      event = JSON.parse(payload);
    } catch {
      return;
    }
    for (const l of this.listeners) if (l.wants(event)) l.send(event);
  }

  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  endAll() {
    for (const l of [...this.listeners]) l.end();
    this.listeners.clear();
  }

  async close() {
    this.endAll();
    const unlisten = await this.unlisten?.catch(() => undefined);
    await unlisten?.();
  }
}

function open(reply: FastifyReply) {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    "Content-Type": "text/event-stream; charset=utf-8",
    "Cache-Control": "no-cache, no-transform",
    Connection: "keep-alive",
    "X-Accel-Buffering": "no",
  });
  res.write("retry: 3000\n\n");
  return res;
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
  await hub.ready();
  const res = open(reply);
  const { db } = ctx.services.database;
  const token = req.cookies[COMMUNITY_COOKIE] ?? "";
  const stream = new SessionStream(
    res,
    async () =>
      (await lookupCommunitySession(db, token, new Date()))?.accountId === accountId &&
      (await isMember({ ...ctx, db }, groupId, accountId)),
    ctx.log,
  );
  stream.onEnd = hub.subscribe({
    wants: (e) => e.kind === "group" && e.groupId === groupId,
    send: (e) => stream.write(`event: message\ndata: ${JSON.stringify({ id: e.id })}\n\n`),
    resync: () => stream.write("event: resync\ndata: {}\n\n"),
    end: () => stream.end(),
  });
  req.raw.on("close", () => stream.end());
}

/** A moderator's live stream: `queue` events (with `crisis`) for places in their scope. */
export async function streamModerationEvents(ctx: Ctx, hub: ForumHub, req: FastifyRequest, reply: FastifyReply) {
  const actor = ctx.actor;
  if (actor.type !== "staff") throw new AppError("UNAUTHENTICATED", "Sign in first"); // the route demands staff
  const scope = new Set((await actorScope(ctx)).areaIds);
  await hub.ready();
  const res = open(reply);
  const { db } = ctx.services.database;
  const stream = new SessionStream(res, () => sessionIsLive(db, actor.sessionHash, new Date()), ctx.log);
  stream.onEnd = hub.subscribe({
    wants: (e) => e.kind === "queue" && (e.areaPath ?? []).some((a) => scope.has(a)),
    send: (e) => stream.write(`event: queue\ndata: ${JSON.stringify({ id: e.id, crisis: !!e.crisis })}\n\n`),
    resync: () => stream.write("event: resync\ndata: {}\n\n"),
    end: () => stream.end(),
  });
  req.raw.on("close", () => stream.end());
}
