import { and, eq, isNull, sql } from "drizzle-orm";
import { appendAudit } from "../audit/audit.repo.js";
import { type Db, queryRows, withTransaction } from "../db/database.js";
import type { Ctx } from "../platform/context.js";
import { type ColumnProgress, encryptionKeyFingerprint, keyRotations } from "./crypto.schema.js";
import { ENCRYPTED_COLUMNS, type EncryptedColumn } from "./encrypted-columns.js";
import { unfinishedRotation } from "./key-fingerprint.js";

export interface RotateInput {
  batchSize?: number;
  /** Stop after this many batches (a test's stand-in for a killed process); the next run resumes. */
  maxBatches?: number;
}

export interface RotateResult {
  /** No rotation was under way (the recorded key is this process's current key). */
  idle: boolean;
  finished: boolean;
  /** Fields re-encrypted by this run. */
  reencrypted: number;
  /** Fields no key of the ring opens (left as they are, ids in the log); the rotation cannot finish while any remain. */
  unreadable: number;
  batches: number;
  toFingerprint?: string;
}

const emptyProgress = (): ColumnProgress => ({ afterId: null, done: false, reencrypted: 0, unreadable: 0 });

/**
 * Re-encrypts every encrypted column (encrypted-columns.ts) with the current key, a batch at a time in id order.
 * Each batch is read, decrypted with whichever key of the ring wrote it and encrypted again here, then written in one
 * short transaction together with the column's progress, so the server keeps serving between batches and a killed
 * rotation resumes where it stopped. A field already under the current key is skipped (never encrypted twice), and
 * a field is replaced only if it still holds what was read (a concurrent edit wins). When every column is done, the
 * new key's fingerprint is recorded and the rotation closed, with an audit row of counts; the old key can then go.
 * Idempotent; the server runs it at start-up during a rotation and `npm run keys:rotate` runs it in the foreground.
 */
export async function rotateEncryptionKey(ctx: Ctx, input: RotateInput = {}): Promise<RotateResult> {
  const { cipher } = ctx.services;
  const limit = input.batchSize ?? 500;
  const result: RotateResult = { idle: false, finished: false, reencrypted: 0, unreadable: 0, batches: 0 };
  const rotation = await unfinishedRotation(ctx.db);
  if (!rotation) return { ...result, idle: true };
  if (rotation.toFingerprint !== cipher.fingerprint) {
    throw new Error(`the rotation under way is to key ${rotation.toFingerprint}, not this process's current key`);
  }
  result.toFingerprint = rotation.toFingerprint;
  const progress = new Map(
    ENCRYPTED_COLUMNS.map((c) => [c, { ...emptyProgress(), ...rotation.progress[c.name] }] as const),
  );
  // A second sweep finds rows written with the old key after the first passed them (a process not yet restarted).
  for (let sweep = 0; sweep < 3; sweep++) {
    for (const [column, p] of progress) {
      while (!p.done) {
        if (input.maxBatches !== undefined && result.batches >= input.maxBatches) return result;
        await rotateBatch(ctx, rotation.id, column, p, limit, result);
        result.batches++;
      }
    }
    const left = await leftBehind(ctx.db, cipher.currentPrefix);
    const unreadable = [...progress.values()].reduce((n, p) => n + p.unreadable, 0);
    if (unreadable > 0) return { ...result, unreadable };
    if (left.length === 0) {
      result.finished = await finish(ctx, rotation.id, rotation.fromFingerprint, progress);
      return result;
    }
    for (const [column, p] of progress) {
      if (left.includes(column.name)) Object.assign(p, { afterId: null, done: false });
    }
  }
  return result;
}

async function rotateBatch(
  ctx: Ctx,
  rotationId: string,
  column: EncryptedColumn,
  p: ColumnProgress,
  limit: number,
  result: RotateResult,
): Promise<void> {
  const { cipher } = ctx.services;
  const [table, col, id] = [sql.identifier(column.table), sql.identifier(column.column), sql.identifier(column.id)];
  const after = p.afterId === null ? sql`` : sql`AND ${id} > ${p.afterId}::${sql.raw(column.idType)}`;
  // Ordered by the column itself, not its text (bigint ids would sort 999 after 1000).
  const batch = await queryRows<{ row_id: string; value: string }>(
    ctx.db,
    sql`SELECT ${id}::text AS row_id, ${col} AS value FROM ${table}
         WHERE ${col} IS NOT NULL ${after} ORDER BY ${table}.${id} LIMIT ${limit}`,
  );
  const rows: { id: string; old: string; new: string }[] = [];
  for (const r of batch) {
    if (cipher.isCurrent(r.value)) continue;
    try {
      rows.push({ id: r.row_id, old: r.value, new: cipher.encrypt(cipher.decrypt(r.value)) });
    } catch {
      p.unreadable++;
      result.unreadable++;
      ctx.log.warn({ table: column.table, column: column.column, id: r.row_id }, "field does not decrypt with any key");
    }
  }
  p.afterId = batch.at(-1)?.row_id ?? p.afterId;
  p.done = batch.length < limit;
  await withTransaction(ctx, async (tx) => {
    if (rows.length > 0) {
      // Neither version nor updated_at moves: the record did not change, only the key it is kept under.
      const updated = await queryRows<{ n: number }>(
        tx,
        sql`WITH done AS (
              UPDATE ${table} SET ${col} = r.new
                FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
                     AS r(id ${sql.raw(column.idType)}, old text, new text)
               WHERE ${table}.${id} = r.id AND ${table}.${col} = r.old
              RETURNING 1)
            SELECT count(*)::int AS n FROM done`,
      );
      const n = updated[0]?.n ?? 0;
      p.reencrypted += n;
      result.reencrypted += n;
    }
    await tx
      .update(keyRotations)
      .set({
        progress: sql`${keyRotations.progress} || jsonb_build_object(${column.name}::text, ${JSON.stringify(p)}::jsonb)`,
      })
      .where(eq(keyRotations.id, rotationId));
  });
}

/** Columns still holding fields that are not under the current key. */
async function leftBehind(db: Db, prefix: string): Promise<string[]> {
  const left: string[] = [];
  for (const c of ENCRYPTED_COLUMNS) {
    const col = sql.identifier(c.column);
    const [row] = await queryRows<{ any: boolean }>(
      db,
      sql`SELECT EXISTS (SELECT 1 FROM ${sql.identifier(c.table)}
                          WHERE ${col} IS NOT NULL AND left(${col}, ${prefix.length}) <> ${prefix}) AS any`,
    );
    if (row?.any) left.push(c.name);
  }
  return left;
}

/** Records the new key as the database's and closes the rotation, once; false when another process did it first. */
async function finish(
  ctx: Ctx,
  rotationId: string,
  fromFingerprint: string,
  progress: Map<EncryptedColumn, ColumnProgress>,
): Promise<boolean> {
  const { cipher } = ctx.services;
  return withTransaction(ctx, async (tx) => {
    const closed = await tx
      .update(keyRotations)
      .set({ finishedAt: new Date() })
      .where(and(eq(keyRotations.id, rotationId), isNull(keyRotations.finishedAt)))
      .returning({ id: keyRotations.id });
    if (closed.length === 0) return false;
    await tx
      .update(encryptionKeyFingerprint)
      .set({
        fingerprint: cipher.fingerprint,
        recordedAt: new Date(),
        indexKeysEnc: cipher.encrypt(cipher.indexMaterial().toString("base64")),
      })
      .where(eq(encryptionKeyFingerprint.id, 1));
    const counts = Object.fromEntries([...progress].map(([c, p]) => [c.name, p.reencrypted]));
    await appendAudit(tx, {
      actorType: "system",
      actorId: null,
      actorRole: null,
      action: "encryption_key.rotation_finished",
      entity: "encryption_key",
      entityId: null,
      outcome: "success",
      requestId: ctx.requestId,
      details: { fromFingerprint, toFingerprint: cipher.fingerprint, reencrypted: counts },
    });
    return true;
  });
}
