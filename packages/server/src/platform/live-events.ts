import type { ServerResponse } from "node:http";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Database } from "../db/database.js";
import { isDatabaseUnavailable } from "../db/db-errors.js";
import type { Ctx } from "./context.js";

/** One open stream's interest in a hub's events. */
export interface Listener<E> {
  wants: (event: E) => boolean;
  send: (event: E) => void;
  /** The database connection was lost and regained: events may have been missed, the client should reload. */
  resync: () => void;
  /** Ends the stream (the server is shutting down). */
  end: () => void;
}

/**
 * Live events for open Server-Sent Event streams (the inbox's report changes, the forum's messages and queue). One
 * LISTEN per process on a channel that writes announce with pg_notify inside their transaction (so only committed
 * changes are announced), fanned out to the listeners that want each event. Works across processes on PostgreSQL; on
 * the embedded database there is only one process. Events carry ids only: a client reloads what it may read.
 */
export class ListenHub<E> {
  private listeners = new Set<Listener<E>>();
  private unlisten?: Promise<() => Promise<void>>;

  constructor(
    private readonly database: Database,
    private readonly channel: string,
  ) {}

  /** Listens once per process; fails while the database is unreachable (and is tried again by the next caller). */
  ready(): Promise<unknown> {
    this.unlisten ??= this.database
      .listen(
        this.channel,
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
    let event: E;
    try {
      event = JSON.parse(payload);
    } catch {
      return;
    }
    for (const l of this.listeners) if (l.wants(event)) l.send(event);
  }

  /** Call after `ready()`; returns the unsubscribe. */
  subscribe(listener: Listener<E>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Ends every open stream, so that shutdown does not wait for clients that never hang up. */
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

const HEARTBEAT_MS = 25_000;

/**
 * One open event stream. Before anything is written — an event, a resync notice, a heartbeat — the session is checked
 * again, in order: once it was signed out (here or everywhere), expired, or its account disabled (or, for a group, the
 * member left), the stream ends. While the database cannot answer the check, no event is written (only the heartbeat
 * comment, which carries nothing), and the stream stays open for when it is back.
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

/**
 * Answers a request with an event stream fed by `hub`: `stillSignedIn` guards every write, `event` names what the
 * client hears and `data` says what it carries. Waits for the hub's LISTEN before the answer starts, so an
 * unreachable database is still a 503.
 */
export async function openLiveStream<E>(
  ctx: Ctx,
  req: FastifyRequest,
  reply: FastifyReply,
  opts: {
    hub: ListenHub<E>;
    stillSignedIn: () => Promise<boolean>;
    wants: (event: E) => boolean;
    event: string;
    data: (event: E) => unknown;
  },
): Promise<void> {
  await opts.hub.ready();
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    "Content-Type": "text/event-stream; charset=utf-8",
    "Cache-Control": "no-cache, no-transform",
    Connection: "keep-alive",
    "X-Accel-Buffering": "no",
  });
  res.write("retry: 3000\n\n");
  const stream = new SessionStream(res, opts.stillSignedIn, ctx.log);
  stream.onEnd = opts.hub.subscribe({
    wants: opts.wants,
    send: (e) => stream.write(`event: ${opts.event}\ndata: ${JSON.stringify(opts.data(e))}\n\n`),
    resync: () => stream.write("event: resync\ndata: {}\n\n"),
    end: () => stream.end(),
  });
  req.raw.on("close", () => stream.end());
}
