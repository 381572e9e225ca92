import type { FastifyReply, FastifyRequest } from "fastify";
import type { Database } from "../db/database.js";
import { actorScope } from "../identity/scope.js";
import { sessionIsLive } from "../identity/sessions.js";
import { AppError } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import { ListenHub, openLiveStream } from "../platform/live-events.js";
import { isTrainee } from "../reports/training.js";

/** What a report write announces on `report_changes` (reports.repo.ts). */
interface Change {
  id: string;
  status: string;
  districtId: string;
  facilityId?: string | null;
  type: string;
  /** A practice report's change (training mode): the inbox's live view ignores it, the training view hears it. */
  training?: boolean;
}

/** Where a staff member reads: districts under their areas, and facilities of their own outside those. */
interface ReadScope {
  districtIds: Set<string>;
  facilityIds: Set<string>;
  /** A trainee account (reports/training.ts): hears of practice reports only. */
  practiceOnly?: boolean;
}

/** Whether a change is within a reader's scope: the read rule (identity/scope.ts `readableSql`). */
export function covers(s: ReadScope, change: Change): boolean {
  if (s.practiceOnly && change.training !== true) return false;
  return s.districtIds.has(change.districtId) || (!!change.facilityId && s.facilityIds.has(change.facilityId));
}

/** Report changes for open inboxes: one LISTEN per process on `report_changes` (platform/live-events.ts). */
export class ReportChangeHub extends ListenHub<Change> {
  constructor(database: Database) {
    super(database, "report_changes");
  }
}

/** A staff member's live inbox: `report` events for reports in their scope, while their session lives. */
export async function streamReportChanges(ctx: Ctx, hub: ReportChangeHub, req: FastifyRequest, reply: FastifyReply) {
  const actor = ctx.actor;
  if (actor.type !== "staff") throw new AppError("UNAUTHENTICATED", "Sign in first"); // the route demands staff
  const scope = await actorScope(ctx);
  const readable: ReadScope = {
    districtIds: new Set(scope.areaDistrictIds),
    facilityIds: new Set(scope.facilityIds),
    practiceOnly: isTrainee(actor),
  };
  const { db } = ctx.services.database;
  await openLiveStream(ctx, req, reply, {
    hub,
    stillSignedIn: () => sessionIsLive(db, actor.sessionHash, new Date()),
    wants: (change) => covers(readable, change),
    event: "report",
    data: (c) => ({ id: c.id, status: c.status, type: c.type, training: c.training === true }),
  });
}
