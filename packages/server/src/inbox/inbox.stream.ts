import type { FastifyReply, FastifyRequest } from "fastify";
import type { Database } from "../db/database.js";
import { actorScope } from "../identity/scope.js";
import type { Ctx } from "../platform/context.js";

export interface Subscriber {
  /** Districts under the subscriber's areas. */
  districtIds: Set<string>;
  /** Facilities in the subscriber's scope: reports there, and only there, in districts outside their areas. */
  facilityIds: Set<string>;
  send: (data: string) => void;
}

interface Change {
  id: string;
  status: string;
  districtId: string;
  facilityId?: string | null;
  type: string;
}

/** Whether a change is within a subscriber's scope: the read rule (identity/scope.ts `readableSql`). */
export function covers(s: Pick<Subscriber, "districtIds" | "facilityIds">, change: Change): boolean {
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

  private ensureListening() {
    this.unlisten ??= this.database.listen("report_changes", (payload) => {
      let change: Change;
      try {
        change = JSON.parse(payload);
      } catch {
        return;
      }
      const data = JSON.stringify({ id: change.id, status: change.status, type: change.type });
      for (const s of this.subscribers) if (covers(s, change)) s.send(data);
    });
    return this.unlisten;
  }

  async subscribe(sub: Subscriber): Promise<() => void> {
    await this.ensureListening();
    this.subscribers.add(sub);
    return () => this.subscribers.delete(sub);
  }

  async close() {
    this.subscribers.clear();
    if (this.unlisten) await (await this.unlisten)();
  }
}

const HEARTBEAT_MS = 25_000;

export async function streamReportChanges(ctx: Ctx, hub: ReportChangeHub, req: FastifyRequest, reply: FastifyReply) {
  const scope = await actorScope(ctx);
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    "Content-Type": "text/event-stream; charset=utf-8",
    "Cache-Control": "no-cache, no-transform",
    Connection: "keep-alive",
    "X-Accel-Buffering": "no",
  });
  res.write("retry: 3000\n\n");
  const unsubscribe = await hub.subscribe({
    districtIds: new Set(scope.areaDistrictIds),
    facilityIds: new Set(scope.facilityIds),
    send: (data) => res.write(`event: report\ndata: ${data}\n\n`),
  });
  const heartbeat = setInterval(() => res.write(": keep-alive\n\n"), HEARTBEAT_MS);
  req.raw.on("close", () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}
