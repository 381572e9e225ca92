import { type Db, withAdvisoryLock } from "../db/database.js";
import { AppError } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";

/** Thrown to roll a dry run back once it has counted what it would do. */
class DryRunRollback<T> extends Error {
  constructor(readonly result: T) {
    super("dry run");
  }
}

/** Geography and facility imports queue on this lock: they read and write the same rows (codes, districts). */
const IMPORT_LOCK_ID = 0x47454f31;

/**
 * Runs an import in one transaction, one import at a time (so two at once cannot both create a code and fail). A dry run does exactly the same work and then rolls back, so its counts are the
 * ones the real import would give, and nothing is kept.
 */
export async function inTransactionOrDryRun<T extends object>(
  ctx: Ctx,
  dryRun: boolean,
  work: (tx: Db) => Promise<T>,
): Promise<T & { dryRun: boolean }> {
  try {
    const result = await withAdvisoryLock(ctx.db, IMPORT_LOCK_ID, async (tx) => {
      const out = await work(tx);
      if (dryRun) throw new DryRunRollback(out);
      return out;
    });
    return { ...result, dryRun: false };
  } catch (err) {
    if (err instanceof DryRunRollback) return { ...(err.result as T), dryRun: true };
    throw err;
  }
}

/** JSON with object keys sorted, to compare stored jsonb (whose key order is its own) with incoming values. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** The most problems one refused file lists (a file wrong throughout would otherwise answer megabytes). */
const MAX_PROBLEMS = 500;

/**
 * Refuses a file that has any problem: 400 `VALIDATION_FAILED` with the problems in file order (`position`: its row or
 * feature index) as the details, so that nothing is applied until the file is clean.
 */
export function refuseIfProblems<P>(problems: P[], position: (p: P) => number): void {
  if (!problems.length) return;
  problems.sort((a, b) => position(a) - position(b));
  throw new AppError(
    "VALIDATION_FAILED",
    `The file has ${problems.length} problem(s); nothing was imported`,
    problems.slice(0, MAX_PROBLEMS),
  );
}
