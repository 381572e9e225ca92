import { bigint, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Append-only, hash-chained audit log. `seq` is gap-free (assigned under a lock), and each row's hash covers its
 * content and the previous row's hash, so an edited, inserted or deleted row breaks the chain. Rows hold ids and
 * codes, never personal data. A trigger (migration 0001) refuses UPDATE and DELETE.
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
