import type { AdvocacyCaseStatus, IndicatorFilter } from "@openclm/contracts";
import {
  boolean,
  customType,
  date,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { contentItems } from "../content/content.schema.js";
import { areas } from "../geography/geography.schema.js";
import { staffUsers } from "../identity/identity.schema.js";
import { reports } from "../reports/reports.schema.js";

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  // PGlite answers a Uint8Array, node-postgres a Buffer.
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * An advocacy case (docs/advocacy.md): a dashboard selection (`filters` from `from_date` on, matched live against
 * reports) and reports linked by hand, a duty bearer, an ask and a status. `area_id` is the area the case is about
 * (null: the whole country); readers see a case when they see that area whole, as for the factsheet.
 */
export const advocacyCases = pgTable(
  "advocacy_cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    title: text("title").notNull(),
    filters: jsonb("filters").$type<IndicatorFilter[]>().notNull(),
    fromDate: date("from_date", { mode: "string" }).notNull(),
    areaId: uuid("area_id").references(() => areas.id),
    dutyBearer: text("duty_bearer").notNull(),
    dutyBearerType: text("duty_bearer_type").notNull(),
    ask: text("ask").notNull(),
    ownerId: uuid("owner_id").references(() => staffUsers.id, { onDelete: "set null" }),
    dueOn: date("due_on", { mode: "string" }),
    status: text("status").$type<AdvocacyCaseStatus>().notNull().default("open"),
    commitmentOn: date("commitment_on", { mode: "string" }),
    outcome: text("outcome"),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    published: boolean("published").notNull().default(false),
    announcementId: uuid("announcement_id").references(() => contentItems.id, { onDelete: "set null" }),
    createdBy: uuid("created_by").references(() => staffUsers.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("advocacy_cases_status_idx").on(t.status, t.updatedAt)],
);

/** Reports linked to a case by hand (escalated reports), counted whether or not they match its filters. */
export const advocacyCaseReports = pgTable(
  "advocacy_case_reports",
  {
    caseId: uuid("case_id")
      .notNull()
      .references(() => advocacyCases.id, { onDelete: "cascade" }),
    reportId: uuid("report_id")
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.reportId] }), index("advocacy_case_reports_report_idx").on(t.reportId)],
);

/** What was done: a meeting, a letter, media, a policy brief, a referral to legal aid. */
export const advocacyActions = pgTable(
  "advocacy_actions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => advocacyCases.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    on: date("on", { mode: "string" }).notNull(),
    note: text("note").notNull().default(""),
    createdBy: uuid("created_by").references(() => staffUsers.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("advocacy_actions_case_idx").on(t.caseId, t.on)],
);

/**
 * A document an action carries (minutes, a letter, a photo), stored in the database like the country logo: bytes
 * whose type was checked from the bytes themselves, at most ADVOCACY_DOCUMENT_MAX_BYTES.
 */
export const advocacyDocuments = pgTable("advocacy_documents", {
  id: uuid("id").primaryKey().defaultRandom(),
  actionId: uuid("action_id")
    .notNull()
    .references(() => advocacyActions.id, { onDelete: "cascade" }),
  name: text("name").notNull(),
  contentType: text("content_type").notNull(),
  data: bytea("data").notNull(),
  sha256: text("sha256").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Every status change, with its note: the case's history (each also written to the audit chain). */
export const advocacyStatusChanges = pgTable(
  "advocacy_status_changes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => advocacyCases.id, { onDelete: "cascade" }),
    fromStatus: text("from_status"),
    toStatus: text("to_status").notNull(),
    note: text("note"),
    by: uuid("by").references(() => staffUsers.id, { onDelete: "set null" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("advocacy_status_changes_case_idx").on(t.caseId, t.at)],
);
