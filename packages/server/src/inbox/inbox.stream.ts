import type { ServerResponse } from "node:http";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Database } from "../db/database.js";
import { isDatabaseUnavailable } from "../db/db-errors.js";
import { actorScope } from "../identity/scope.js";
import { sessionIsLive } from "../identity/sessions.js";
import { AppError } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import { isTrainee } from "../reports/training.js";

export interface Subscriber {
  /** Districts under the subscriber's areas. */
  districtIds: Set<string>;
  /** Facilities in the subscriber's scope: reports there, and only there, in districts outside their areas. */
  facilityIds: Set<string>;
  /** A trainee account (reports/training.ts): hears of practice reports only. */
  practiceOnly?: boolean;
  send: (data: string) => void;
  /** The database connection was lost and regained: changes may have been missed, the client should reload. */
  resync: () => void;
  /** Ends the stream (the server is shutting down). */
  end: () => void;
}

interface Change {
  id: string;
  status: string;
  districtId: string;
  facilityId?: string | null;
  type: string;
  /** A practice report's change (training mode): the inbox's live view ignores it, the training view hears it. */
  training?: boolean;
}

/** Whether a change is within a subscriber's scope: the read rule (identity/scope.ts `readableSql`). */
export function covers(s: Pick<Subscriber, "districtIds" | "facilityIds" | "practiceOnly">, change: Change): boolean {
  if (s.practiceOnly && change.training !== true) return false;
  return s.districtIds.has(change.districtId) || (!!change.facilityId && s.facilityIds.has(change.facilityId));
}

/**
 * Pushes report changes to open inboxes as Server-Sent Events. One LISTEN per process on `report_changes` (written
 * with pg_notify inside each write's transaction, so only committed changes are announced), fanned out to the
 * subscribers whose scope covers the report (`covers`). Works across processes on PostgreSQL; on the embedded database
 * there is only one process.
 */
export class ReportChangeHub {
  private subscribers = new Set<Subscriber>();
  private unlisten?: Promise<() => Promise<void>>;

  constructor(private readonly database: Database) {}

  /** Listens once per process; fails while the database is unreachable (and is tried again by the next caller). */
  ready(): Promise<unknown> {
    this.unlisten ??= this.database
      .listen(
        "report_changes",
        (payload) => this.announce(payload),
        () => {
          for (const s of this.subscribers) s.resync();
        },
      )
      .catch((err: unknown) => {
        this.unlisten = undefined;
        throw err;
      });
    return this.unlisten;
  }

  private announce(payload: string) {
    let change: Change;
    try {
      change = JSON.parse(payload);
    } catch {
      return;
    }
    const data = JSON.stringify({
      id: change.id,
      status: change.status,
      type: change.type,
      training: change.training === true,
    });
    for (const s of this.subscribers) if (covers(s, change)) s.send(data);
  }

  /** Call after `ready()`. */
  subscribe(sub: Subscriber): () => void {
    this.subscribers.add(sub);
    return () => this.subscribers.delete(sub);
  }

  /** Ends every open stream, so that shutdown does not wait for clients that never hang up. */
  endAll() {
    for (const s of [...this.subscribers]) s.end();
    this.subscribers.clear();
  }

  async close() {
    this.endAll();
    const unlisten = await this.unlisten?.catch(() => undefined);
    await unlisten?.();
  }
}

const HEARTBEAT_MS = 25_000;

/**
 * One open event stream (the inbox here; the forum's streams reuse it). Before anything is written — a change, a resync notice, a heartbeat — the session is
 * checked again, in order: once it was signed out (here or everywhere), expired, or its account disabled, the stream
 * ends. While the database cannot answer the check, no event is written (only the heartbeat comment, which carries
 * nothing), and the stream stays open for when it is back.
 */
export class SessionStream {
  private queue: Promise<void> = Promise.resolve();
  private ended = false;
  private readonly heartbeat: NodeJS.Timeout;
  onEnd?: () => void;

  constructor(
    private readonly res: ServerResponse,
    private readonly stillSignedIn: () => Promise<boolean>,
    private readonly log: Ctx["log"],
  ) {
    this.heartbeat = setInterval(() => this.write(": keep-alive\n\n", true), HEARTBEAT_MS);
  }

  write(chunk: string, evenUnverified = false) {
    this.queue = this.queue.then(async () => {
      if (this.ended) return;
      let live: boolean | undefined;
      try {
        live = await this.stillSignedIn();
      } catch (err) {
        if (!isDatabaseUnavailable(err))
          this.log.error({ code: (err as { code?: string }).code }, "session check failed");
      }
      if (live === false) return this.end();
      if (live || evenUnverified) this.res.write(chunk);
    });
  }

  end() {
    if (this.ended) return;
    this.ended = true;
    clearInterval(this.heartbeat);
    this.onEnd?.();
    this.res.end();
  }
}

export async function streamReportChanges(ctx: Ctx, hub: ReportChangeHub, req: FastifyRequest, reply: FastifyReply) {
  const actor = ctx.actor;
  if (actor.type !== "staff") throw new AppError("UNAUTHENTICATED", "Sign in first"); // the route demands staff
  const scope = await actorScope(ctx);
  await hub.ready(); // before the answer starts, so an unreachable database is still a 503
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    "Content-Type": "text/event-stream; charset=utf-8",
    "Cache-Control": "no-cache, no-transform",
    Connection: "keep-alive",
    "X-Accel-Buffering": "no",
  });
  res.write("retry: 3000\n\n");
  const { db } = ctx.services.database;
  const stream = new SessionStream(res, () => sessionIsLive(db, actor.sessionHash, new Date()), ctx.log);
  stream.onEnd = hub.subscribe({
    districtIds: new Set(scope.areaDistrictIds),
    facilityIds: new Set(scope.facilityIds),
    practiceOnly: isTrainee(actor),
    send: (data) => stream.write(`event: report\ndata: ${data}\n\n`),
    resync: () => stream.write("event: resync\ndata: {}\n\n"),
    end: () => stream.end(),
  });
  req.raw.on("close", () => stream.end());
}
