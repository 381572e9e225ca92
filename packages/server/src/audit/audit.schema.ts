import { sql } from "drizzle-orm";
import { bigint, bigserial, check, index, jsonb, pgTable, smallint, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Append-only, hash-chained audit log. `seq` is gap-free (assigned under the head row's lock at commit), and each
 * row's hash covers its content and the previous row's hash, so an edited, inserted or deleted row breaks the chain.
 * Rows hold ids and codes, never personal data. A trigger (migration 0001) refuses UPDATE and DELETE. Rows are not
 * written here directly: see `auditPending` and docs/adr/0010-audit-chain-at-commit.md.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    seq: bigint("seq", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true, precision: 3 }).notNull(),
    actorType: text("actor_type").notNull(),
    actorId: text("actor_id"),
    actorRole: text("actor_role"),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    outcome: text("outcome").notNull().default("success"),
    requestId: text("request_id"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    index("audit_events_at_idx").on(t.at),
    index("audit_events_actor_idx").on(t.actorId, t.seq),
    index("audit_events_entity_idx").on(t.entity, t.entityId, t.seq),
    index("audit_events_action_idx").on(t.action, t.seq),
  ],
);

/**
 * Where a transaction stages its audit rows. A deferred trigger (migration 0012) chains them onto the log at
 * commit and removes them, so the table is empty outside open transactions and writers hold the chain's lock only
 * while they commit. `content` is the row's canonical JSON without `seq` (see audit.chain.ts), which the database
 * completes and hashes.
 */
export const auditPending = pgTable("audit_pending", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  at: timestamp("at", { withTimezone: true, precision: 3 }).notNull(),
  actorType: text("actor_type").notNull(),
  actorId: text("actor_id"),
  actorRole: text("actor_role"),
  action: text("action").notNull(),
  entity: text("entity").notNull(),
  entityId: text("entity_id"),
  outcome: text("outcome").notNull(),
  requestId: text("request_id"),
  details: jsonb("details").$type<Record<string, unknown>>().notNull(),
  content: text("content").notNull(),
});

/** The chain's last link (one row): the next sealed row takes `seq + 1` and chains to `hash`. */
export const auditHead = pgTable(
  "audit_head",
  {
    id: smallint("id").primaryKey(),
    seq: bigint("seq", { mode: "number" }).notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [check("audit_head_single_row", sql`${t.id} = 1`)],
);

/**
 * Signed checkpoints of the chain (audit.checkpoint.ts): the head's `seq` and `hash` at a moment, with an HMAC under a
 * key derived from the master key, which never enters the database. The chain alone is an unkeyed hash that anyone
 * able to write the database can recompute after an edit; a recomputed chain no longer matches the signed hashes.
 */
export const auditCheckpoints = pgTable("audit_checkpoints", {
  seq: bigint("seq", { mode: "number" }).primaryKey(),
  hash: text("hash").notNull(),
  at: timestamp("at", { withTimezone: true, precision: 3 }).notNull(),
  mac: text("mac").notNull(),
});
