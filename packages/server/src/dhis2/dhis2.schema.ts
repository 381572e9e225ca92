import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * The DHIS2 link (issue 19): one row, the mapping from indicators and areas to the instance's data elements and
 * organisation units, and the instance's address and personal access token (field-encrypted, rotated with the key).
 */
export const dhis2Config = pgTable("dhis2_config", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** Always true and unique: the table holds at most one row. */
  singleton: boolean("singleton").notNull().default(true).unique(),
  mapping: jsonb("mapping").notNull(),
  baseUrl: text("base_url"),
  tokenEnc: text("token_enc"),
  autoPush: boolean("auto_push").notNull().default(false),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Every push and dry run, with DHIS2's answer (counts and conflicts, never report content): a period pushed for real
 * with success is not pushed again unless asked, and the history shows who sent what when.
 */
export const dhis2Pushes = pgTable(
  "dhis2_pushes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    period: text("period").notNull(),
    dhis2Period: text("dhis2_period").notNull(),
    dryRun: boolean("dry_run").notNull(),
    status: text("status").$type<"SUCCESS" | "WARNING" | "ERROR" | "UNREACHABLE">().notNull(),
    httpStatus: integer("http_status"),
    summary: jsonb("summary").notNull(),
    sent: integer("sent").notNull(),
    payloadHash: text("payload_hash").notNull(),
    /** Who asked: a staff user's email, or `job:dhis2.push` / `cli:dhis2-push`. */
    by: text("by").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("dhis2_pushes_period_idx").on(t.period, t.at)],
);
