import type { auditQuerySchema } from "@openclm/contracts";
import type { z } from "zod";
import type { Ctx } from "../platform/context.js";
import { listAudit } from "./audit.repo.js";

export async function listAuditEvents(ctx: Ctx, q: z.output<typeof auditQuerySchema>) {
  const rows = await listAudit(ctx.db, {
    actorId: q.actorId,
    action: q.action,
    entity: q.entity,
    entityId: q.entityId,
    from: q.from ? new Date(q.from) : undefined,
    to: q.to ? new Date(q.to) : undefined,
    beforeSeq: q.cursor ? Number(q.cursor) : undefined,
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  return {
    items: page.map((r) => ({
      id: r.seq,
      at: r.at.toISOString(),
      actorType: r.actorType,
      actorId: r.actorId,
      actorRole: r.actorRole,
      action: r.action,
      entity: r.entity,
      entityId: r.entityId,
      outcome: r.outcome,
      requestId: r.requestId,
      details: r.details,
      hash: r.hash,
    })),
    nextCursor: rows.length > q.limit ? String(page.at(-1)?.seq) : null,
  };
}
