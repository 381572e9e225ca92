import type { BulkResult, ErrorCode } from "@openclm/contracts";
import { AppError } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import { assignReport, decideReport } from "./inbox.workflow.js";

type Item = { id: string; version?: number };
type Outcome = BulkResult["results"][number];

/**
 * Runs the single action on each report in turn, each in its own transaction. Not all-or-nothing on purpose: the
 * reports are independent, and one a colleague decided a moment ago (409) or one out of scope (404) must not undo
 * the others; the caller gets each report's outcome with the same code the single action would answer. Each
 * success is audited and announced to open inboxes by the single action itself; transactions stay short.
 */
async function eachReport(items: Item[], act: (item: Item) => Promise<{ status: string; version: number }>) {
  const results: Outcome[] = [];
  for (const item of items) {
    try {
      const r = await act(item);
      results.push({ id: item.id, ok: true, status: r.status as Outcome["status"], version: r.version });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      results.push({ id: item.id, ok: false, code: err.code as ErrorCode });
    }
  }
  return { results };
}

export async function bulkValidate(ctx: Ctx, input: { items: Item[] }) {
  return eachReport(input.items, (item) => decideReport(ctx, item.id, { decision: "validate", version: item.version }));
}

export async function bulkAssign(
  ctx: Ctx,
  input: { items: Item[]; assigneeId: string | null; assigneeTeamId?: string | null },
) {
  return eachReport(input.items, (item) =>
    assignReport(ctx, item.id, {
      assigneeId: input.assigneeId,
      assigneeTeamId: input.assigneeTeamId,
      version: item.version,
    }),
  );
}
