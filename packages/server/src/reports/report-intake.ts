import type { FieldCipher } from "../crypto/field-cipher.js";
import type { Database } from "../db/database.js";
import { GroupCommit } from "../db/group-commit.js";
import { insertSubmittedReports, type SubmittedReportRow, trackingCodesOfClientIds } from "./reports.repo.js";
import { newTrackingCode, trackingCodeColumns } from "./tracking-code.js";

/** A checked report ready to store; the writer gives it its tracking code. */
export type IntakeJob = Omit<SubmittedReportRow, "tracking_code_hash" | "tracking_prefix_hash" | "tracking_code_enc">;

/**
 * `created`: stored by this job. `replay`: the clientId was stored before, this is its code. `retry`: the clientId
 * conflicted with a report that is gone again (the other writer rolled back); submit once more.
 */
export type IntakeOutcome =
  | { kind: "created"; trackingCode: string }
  | { kind: "replay"; trackingCode: string }
  | { kind: "erased" }
  | { kind: "retry" };

/** A batch is one statement: bounded so that one statement stays short and one JSON parameter stays small. */
const MAX_BATCH = 64;
const TRACKING_CODE_ATTEMPTS = 4;

/** One writer per database and keyring (two apps on one database in a test, say, each write with their own key). */
const writers = new WeakMap<Database, WeakMap<FieldCipher, GroupCommit<IntakeJob, IntakeOutcome>>>();

/**
 * Stores a report through the database's group commit (db/group-commit.ts): concurrent submissions share one
 * statement and one commit; the promise settles only after the report's own batch committed.
 */
export function storeReport(
  { database, cipher }: { database: Database; cipher: FieldCipher },
  job: IntakeJob,
): Promise<IntakeOutcome> {
  let byCipher = writers.get(database);
  if (!byCipher) {
    byCipher = new WeakMap();
    writers.set(database, byCipher);
  }
  let writer = byCipher.get(cipher);
  if (!writer) {
    // PGlite runs one statement at a time, so a second batch in flight would only wait; PostgreSQL overlaps the
    // next batch's work with the previous one's commit.
    const maxInFlight = database.kind === "postgres" ? 2 : 1;
    writer = new GroupCommit((jobs) => writeBatch(database, cipher, jobs), { maxBatch: MAX_BATCH, maxInFlight });
    byCipher.set(cipher, writer);
  }
  return writer.submit(job);
}

/**
 * Writes a batch and answers each job. Jobs repeating a clientId already in the batch answer as replays of the first
 * one, so the statement never holds one clientId twice and exactly one job can be `created`.
 */
async function writeBatch(database: Database, cipher: FieldCipher, jobs: IntakeJob[]): Promise<IntakeOutcome[]> {
  const firstOf = new Map<string, IntakeJob>();
  for (const job of jobs) if (!firstOf.has(job.client_id)) firstOf.set(job.client_id, job);
  const { inserted, codes } = await insertWithFreshCodes(database, cipher, [...firstOf.values()]);
  const missing = [...firstOf.keys()].filter((id) => !inserted.has(id));
  const stored = missing.length ? await trackingCodesOfClientIds(database, cipher, missing) : new Map<string, string>();
  return jobs.map((job): IntakeOutcome => {
    const code = codes.get(job.client_id);
    if (code && inserted.has(job.client_id))
      return firstOf.get(job.client_id) === job ? { kind: "created", trackingCode: code } : replay(code);
    const existing = stored.get(job.client_id);
    // Stored once, and its personal data (the code with it) erased since: the same report is not taken again.
    if (existing === "") return { kind: "erased" };
    return existing ? replay(existing) : { kind: "retry" };
  });
}

function replay(trackingCode: string): IntakeOutcome {
  return { kind: "replay", trackingCode };
}

/** A tracking-code collision (about one in 10^11) fails the statement: the whole batch is tried with new codes. */
async function insertWithFreshCodes(database: Database, cipher: FieldCipher, jobs: IntakeJob[]) {
  for (let attempt = 1; ; attempt++) {
    const codes = new Map(jobs.map((j) => [j.client_id, newTrackingCode()]));
    const rows = jobs.map((j) => {
      const stored = trackingCodeColumns(cipher, codes.get(j.client_id) as string);
      return {
        ...j,
        tracking_code_hash: stored.trackingCodeHash,
        tracking_prefix_hash: stored.trackingPrefixHash,
        tracking_code_enc: stored.trackingCodeEnc,
      };
    });
    try {
      return { inserted: await insertSubmittedReports(database, rows), codes };
    } catch (err) {
      if (!isUniqueViolation(err, "tracking_code_hash") || attempt >= TRACKING_CODE_ATTEMPTS) throw err;
    }
  }
}

function isUniqueViolation(err: unknown, column: string): boolean {
  for (let e = err as { code?: string; constraint?: string; message?: string; cause?: unknown } | undefined; e; ) {
    if (e.code === "23505") return `${e.constraint ?? ""} ${e.message ?? ""}`.includes(column);
    e = e.cause as typeof e;
  }
  return false;
}
