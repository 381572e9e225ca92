import type { LocalizedText } from "@openclm/contracts";
import { integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { staffUsers } from "../identity/identity.schema.js";
import { reports } from "../reports/reports.schema.js";
import { subcategories } from "../taxonomy/taxonomy.schema.js";

export interface ProtocolStepDef {
  code: string;
  labels: LocalizedText;
}

export interface ProtocolTemplateDef {
  code: string;
  labels: LocalizedText;
  /** Message bodies per language, with placeholders such as {trackingCode}. */
  bodies: LocalizedText;
}

/**
 * How responders handle one subcategory (issue #5): SLA targets, a checklist and message templates. A handful of
 * rows, edited in Set-up; steps and templates are ordered lists edited as a whole, so they live in jsonb.
 * A null target falls back to the global `reports.sla` setting.
 */
export const responseProtocols = pgTable("response_protocols", {
  subcategoryCode: text("subcategory_code")
    .primaryKey()
    .references(() => subcategories.code),
  firstResponseHours: integer("first_response_hours"),
  resolutionHours: integer("resolution_hours"),
  steps: jsonb("steps").$type<ProtocolStepDef[]>().notNull().default([]),
  templates: jsonb("templates").$type<ProtocolTemplateDef[]>().notNull().default([]),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid("updated_by").references(() => staffUsers.id),
});

/** Checklist ticks per report: who ticked which step, when. Unticking deletes the row (the timeline keeps both). */
export const reportProtocolSteps = pgTable(
  "report_protocol_steps",
  {
    reportId: uuid("report_id")
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    stepCode: text("step_code").notNull(),
    doneBy: uuid("done_by").references(() => staffUsers.id),
    doneAt: timestamp("done_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.stepCode] })],
);

/**
 * One row per SLA breach escalated to the supervisors. The primary key is what makes the escalation job idempotent,
 * also when two processes run it at once: only the insert that wins records the event, audit and notification.
 */
export const reportEscalations = pgTable(
  "report_escalations",
  {
    reportId: uuid("report_id")
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    /** `first_response` | `resolution`. */
    sla: text("sla").$type<"first_response" | "resolution">().notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    escalatedAt: timestamp("escalated_at", { withTimezone: true }).notNull().defaultNow(),
    supervisorIds: uuid("supervisor_ids").array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.sla] })],
);
