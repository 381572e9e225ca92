import assert from "node:assert/strict";
import crypto from "node:crypto";
import { after, before, test } from "node:test";
import { sql } from "drizzle-orm";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../app.js";
import { verifyAuditWithCheckpoints, writeAuditCheckpoint } from "../audit/audit.checkpoint.js";
import * as schema from "../db/schema.js";
import { systemCtx } from "../platform/context.js";
import { trackingCodeHash } from "../reports/tracking-code.js";
import { reportPayload, staffCalls, submitReport } from "../testing/inbox-fixtures.js";
import { account, signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";
import { ENCRYPTED_COLUMNS } from "./encrypted-columns.js";
import { FieldCipher } from "./field-cipher.js";
import { checkKeyFingerprint, KeyMismatchError } from "./key-fingerprint.js";
import { rotateEncryptionKey } from "./key-rotation.js";

// Issue 12 item 4: `npm run keys:rotate` on a seeded database, while the server keeps answering.
let t: TestApp;
const apps: FastifyInstance[] = [];
before(async () => {
  t = await createTestApp();
});
after(async () => {
  for (const app of apps) await app.close();
  await t.close();
});

/** Every encrypted field of the database, decrypted: `table.column/id` → text. */
async function readAll(cipher: FieldCipher): Promise<Map<string, string>> {
  const all = new Map<string, string>();
  for (const c of ENCRYPTED_COLUMNS) {
    const rows = await t.database.rows<{ id: string; value: string }>(
      sql`SELECT ${sql.identifier(c.id)}::text AS id, ${sql.identifier(c.column)} AS value
            FROM ${sql.identifier(c.table)} WHERE ${sql.identifier(c.column)} IS NOT NULL`,
    );
    for (const r of rows) all.set(`${c.name}/${r.id}`, cipher.decrypt(r.value));
  }
  return all;
}

async function countUnder(prefix: string): Promise<{ under: number; total: number }> {
  let under = 0;
  let total = 0;
  for (const c of ENCRYPTED_COLUMNS) {
    const col = sql.identifier(c.column);
    const [row] = await t.database.rows<{ under: number; total: number }>(
      sql`SELECT count(*) FILTER (WHERE left(${col}, ${prefix.length}) = ${prefix})::int AS under, count(*)::int AS total
            FROM ${sql.identifier(c.table)} WHERE ${col} IS NOT NULL`,
    );
    under += row?.under ?? 0;
    total += row?.total ?? 0;
  }
  return { under, total };
}

/** A server process started with `cipher` on the same database (after the start-up key check). */
async function serverWith(cipher: FieldCipher): Promise<FastifyInstance> {
  await checkKeyFingerprint(t.database.db, cipher);
  const app = await buildApp({ config: t.config, database: t.database, cipher, logger: false });
  await app.ready();
  apps.push(app);
  return app;
}

test("every encrypted column of the schema is rotated", () => {
  const named = Object.values(schema)
    .filter((v) => typeof v === "object" && v !== null && Symbol.for("drizzle:IsDrizzleTable") in v)
    .flatMap((table) => {
      const config = getTableConfig(table as PgTable);
      return config.columns.filter((c) => c.name.endsWith("_enc")).map((c) => `${config.name}.${c.name}`);
    })
    .filter((name) => name !== "encryption_key_fingerprint.index_keys_enc"); // re-encrypted when the rotation ends
  assert.deepEqual(named.sort(), ENCRYPTED_COLUMNS.map((c) => c.name).sort());
});

test("rotation re-encrypts every personal field under the new key while the server answers; killed, it resumes; the old key then retires", async () => {
  const oldKey = (
    await t.database.rows<{ fingerprint: string }>(sql`SELECT fingerprint FROM encryption_key_fingerprint`)
  )[0];
  assert.equal(oldKey?.fingerprint, t.cipher.fingerprint);

  // Our own personal data on top of the demo's: a description, a phone number, a message, a note, a TOTP secret.
  const districtId = account(t.demoAccounts, "first_responder", 0).scope.districtIds[0]!;
  const description = "The nurse asked for money before the sputum test";
  const mine = await submitReport(t, districtId, {
    description,
    consent: { contactMe: true, shareDeidentified: false, useInAdvocacyStories: false },
    contact: { phone: "+258 84 123 4567" },
  });
  const dm = await signInAs(t.app, account(t.demoAccounts, "data_manager"));
  const staff = staffCalls(t);
  const sent = await staff.post(dm, `/api/inbox/reports/${mine.id}/messages`, { body: "We called the clinic" });
  assert.equal(sent.statusCode, 200, sent.body);
  assert.equal(
    (await staff.post(dm, `/api/inbox/reports/${mine.id}/notes`, { body: "Clinic manager informed" })).statusCode,
    200,
  );
  // Some fields as written before ciphertexts named their key (`v1:` and no key id).
  await t.database.db.execute(
    sql`UPDATE report_messages SET body_enc = 'v1:' || split_part(body_enc, ':', 3) WHERE id IN (SELECT id FROM report_messages ORDER BY id LIMIT 40)`,
  );
  await writeAuditCheckpoint(systemCtx(t.app.services, "test"));
  const before = await readAll(t.cipher);
  assert.ok(before.size > 1000, "the demo's fields and ours");

  // The operator restarts the server with the new key, the old one given as previous: it begins the rotation.
  const newKey = crypto.randomBytes(32);
  const rotatingCipher = new FieldCipher(newKey, { previous: [t.key] });
  assert.equal(await checkKeyFingerprint(t.database.db, rotatingCipher), "rotating");
  const rotating = await serverWith(rotatingCipher);
  const ctx = systemCtx(rotating.services, "key-rotation");

  // Killed after a few batches.
  const first = await rotateEncryptionKey(ctx, { batchSize: 200, maxBatches: 6 });
  assert.equal(first.finished, false);
  const partial = await countUnder(rotatingCipher.currentPrefix);
  assert.ok(partial.under > 0 && partial.under < partial.total, "half way: some fields on each key");
  assert.deepEqual(await readAll(rotatingCipher), before, "every field reads the same from either key");

  // The server answers meanwhile, for rows on either key: the queue finds words and codes, details decrypt.
  const mineRow = (
    await t.database.rows<{ tracking_code_enc: string; description_enc: string }>(
      sql`SELECT tracking_code_enc, description_enc FROM reports WHERE id = ${mine.id}`,
    )
  )[0];
  assert.ok(mineRow && !rotatingCipher.isCurrent(mineRow.description_enc), "our report not yet reached");
  const detail = (
    await rotating.inject({ method: "GET", url: `/api/inbox/reports/${mine.id}`, headers: { cookie: dm } })
  ).json();
  assert.deepEqual(detail.personal, { description, phone: "+258 84 123 4567" });
  assert.deepEqual(
    detail.messages.map((m: { body: string }) => m.body),
    ["We called the clinic"],
  );
  const rotatedReport = (
    await t.database.rows<{ id: string }>(
      sql`SELECT id FROM reports WHERE left(tracking_code_enc, 12) = ${rotatingCipher.currentPrefix} AND description_enc IS NOT NULL
            AND district_id = ANY(${`{${account(t.demoAccounts, "data_manager").scope.districtIds.join(",")}}`}::uuid[]) LIMIT 1`,
    )
  )[0]!;
  const rotatedDetail = await rotating.inject({
    method: "GET",
    url: `/api/inbox/reports/${rotatedReport.id}`,
    headers: { cookie: dm },
  });
  assert.equal(rotatedDetail.statusCode, 200, rotatedDetail.body);
  assert.equal(rotatedDetail.json().trackingCode, before.get(`reports.tracking_code_enc/${rotatedReport.id}`));
  const found = await rotating.inject({
    method: "GET",
    url: "/api/inbox/reports?q=sputum%20nurse",
    headers: { cookie: dm },
  });
  assert.ok(
    found.json().items.some((i: { id: string }) => i.id === mine.id),
    "search tokens still match",
  );
  const tracked = await rotating.inject({ method: "GET", url: `/api/reports/track/${mine.code}` });
  assert.equal(tracked.statusCode, 200, "the reporter's code still finds the report");
  // A report sent during the rotation is written with the new key; staff sign in (TOTP secrets on either key).
  const during = await rotating.inject({
    method: "POST",
    url: "/api/reports",
    payload: reportPayload(districtId, { description: "Sent during" }),
  });
  assert.equal(during.statusCode, 201);
  const [duringRow] = await t.database.rows<{ description_enc: string; tracking_code_enc: string }>(
    sql`SELECT description_enc, tracking_code_enc FROM reports WHERE tracking_code_hash = ${trackingCodeHash(rotatingCipher, during.json().trackingCode)}`,
  );
  assert.ok(duringRow && rotatingCipher.isCurrent(duringRow.description_enc));
  assert.ok(rotatingCipher.isCurrent(duringRow.tracking_code_enc));
  await signInAs(rotating, account(t.demoAccounts, "analyst"));

  // A process with only the old key, or only the new one, is refused while the rotation runs.
  await assert.rejects(checkKeyFingerprint(t.database.db, new FieldCipher(t.key)), KeyMismatchError);
  await assert.rejects(checkKeyFingerprint(t.database.db, new FieldCipher(newKey)), KeyMismatchError);

  // Resumed by another process (npm run keys:rotate): finishes without encrypting anything twice.
  const resumingCipher = new FieldCipher(newKey, { previous: [t.key] });
  assert.equal(await checkKeyFingerprint(t.database.db, resumingCipher), "rotating");
  const second = await rotateEncryptionKey(systemCtx({ ...rotating.services, cipher: resumingCipher }, "keys-rotate"));
  assert.equal(second.finished, true, JSON.stringify(second));
  assert.equal(first.reencrypted + second.reencrypted, before.size, "each old field once; those written new, never");
  const done = await countUnder(rotatingCipher.currentPrefix);
  assert.equal(done.under, done.total);
  assert.deepEqual((await rotateEncryptionKey(ctx)).idle, true, "a further run has nothing to do");

  // Retired: the new key alone reads everything, finds reports by code and words, signs staff in, verifies the audit.
  const retired = new FieldCipher(newKey);
  assert.equal(await checkKeyFingerprint(t.database.db, retired), "matched");
  const afterAll = await readAll(retired);
  for (const [name, text] of before) assert.equal(afterAll.get(name), text, name);
  const server = await serverWith(retired);
  assert.equal((await server.inject({ method: "GET", url: `/api/reports/track/${mine.code}` })).statusCode, 200);
  const search = await server.inject({
    method: "GET",
    url: "/api/inbox/reports?q=sputum%20nurse",
    headers: { cookie: dm },
  });
  assert.ok(search.json().items.some((i: { id: string }) => i.id === mine.id));
  await signInAs(server, account(t.demoAccounts, "first_responder", 1));
  const verified = await verifyAuditWithCheckpoints(t.database.db, retired);
  assert.equal(verified.ok, true, JSON.stringify(verified.problems?.slice(0, 3)));
  assert.ok(verified.checkpoints > 0);
  await assert.rejects(
    checkKeyFingerprint(t.database.db, new FieldCipher(t.key)),
    KeyMismatchError,
    "the old key is no longer the database's",
  );

  // Audited with counts only.
  const audits = await t.database.rows<{ action: string; details: Record<string, unknown> }>(
    sql`SELECT action, details FROM audit_events WHERE entity = 'encryption_key' ORDER BY seq`,
  );
  assert.deepEqual(
    audits.map((a) => a.action),
    ["encryption_key.rotation_started", "encryption_key.rotation_finished"],
  );
  const finished = audits[1]?.details as { reencrypted: Record<string, number>; toFingerprint: string };
  assert.equal(finished.toFingerprint, retired.fingerprint);
  assert.equal(
    Object.values(finished.reencrypted).reduce((a, b) => a + b, 0),
    first.reencrypted + second.reencrypted,
  );
  assert.doesNotMatch(JSON.stringify(audits), /sputum|clinic|\+258/i);
});
