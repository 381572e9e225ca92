import { sql } from "drizzle-orm";
import type { FieldCipher } from "../crypto/field-cipher.js";
import type { Database } from "../db/database.js";
import { trackingCodeColumns } from "./tracking-code.js";

/**
 * Reports stored before tracking codes were protected hold their code in clear (`tracking_code`). A migration cannot
 * hash or encrypt (the key never enters the database), so this moves each batch into the keyed hashes and the
 * ciphertext and empties the clear column, one short statement per batch. Idempotent and cheap once done (the unique
 * index on tracking_code finds no row that is not null); runs at start-up before requests are served.
 */
export async function protectTrackingCodes(database: Database, cipher: FieldCipher, batchSize = 500): Promise<number> {
  let moved = 0;
  for (;;) {
    const batch = await database.rows<{ id: string; code: string }>(
      sql`SELECT id, tracking_code AS code FROM reports WHERE tracking_code IS NOT NULL LIMIT ${batchSize}`,
    );
    if (batch.length === 0) return moved;
    const rows = batch.map((r) => {
      const c = trackingCodeColumns(cipher, r.code);
      return { id: r.id, hash: c.trackingCodeHash, prefix: c.trackingPrefixHash, enc: c.trackingCodeEnc };
    });
    // Neither version nor updated_at moves: the report did not change, only how its code is kept.
    await database.db.execute(sql`
      UPDATE reports SET tracking_code_hash = r.hash, tracking_prefix_hash = r.prefix, tracking_code_enc = r.enc,
             tracking_code = NULL
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(id uuid, hash text, prefix text, enc text)
       WHERE reports.id = r.id`);
    moved += rows.length;
  }
}
