import { audit } from "../audit/audit.service.js";
import { withTransaction } from "../db/database.js";
import type { Ctx } from "../platform/context.js";
import * as repo from "./reports.repo.js";
import { searchTokens } from "./search-words.js";

export interface ReindexInput {
  /** Every report, not only those without tokens: after a change to the normalisation (search-words.ts). */
  all?: boolean;
  batchSize?: number;
}

export interface ReindexResult {
  reports: number;
  /** Descriptions that would not decrypt with this key (left without tokens, and logged by id). */
  unreadable: number;
}

/**
 * Gives reports their text-search tokens. SQL cannot do it (the descriptions are encrypted): each batch is read,
 * decrypted and tokenised here, then written in one short transaction that also records the audit row, so the
 * embedded database serves requests between batches. Idempotent; run at start-up for reports stored before text
 * search existed, and by `npm run search:reindex`.
 */
export async function reindexSearchTokens(ctx: Ctx, input: ReindexInput = {}): Promise<ReindexResult> {
  const all = input.all === true;
  const limit = input.batchSize ?? 500;
  const result: ReindexResult = { reports: 0, unreadable: 0 };
  for (let afterId: string | undefined; ; ) {
    const batch = await repo.reportsToIndex(ctx.db, { all, afterId, limit });
    if (batch.length === 0) return result;
    afterId = batch.at(-1)?.id;
    const rows = tokenise(ctx, batch, result);
    if (rows.length === 0) continue;
    await withTransaction(ctx, async (tx) => {
      await repo.setSearchTokens(tx, rows);
      await audit(ctx, tx, {
        action: "report.search_reindex",
        entity: "report",
        details: { reports: rows.length, all },
      });
    });
    result.reports += rows.length;
  }
}

function tokenise(ctx: Ctx, batch: { id: string; descriptionEnc: string | null }[], result: ReindexResult) {
  const { cipher } = ctx.services;
  const rows: { id: string; tokens: string[] }[] = [];
  for (const r of batch) {
    try {
      rows.push({ id: r.id, tokens: searchTokens(cipher, cipher.decryptOptional(r.descriptionEnc)) });
    } catch {
      result.unreadable++;
      ctx.log.warn({ reportId: r.id }, "report description does not decrypt with this key; not indexed");
    }
  }
  return rows;
}
