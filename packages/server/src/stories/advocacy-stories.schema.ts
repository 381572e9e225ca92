import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { staffUsers } from "../identity/identity.schema.js";
import { reports } from "../reports/reports.schema.js";

/**
 * A data manager's decision on a report offered for advocacy stories (consent `useInAdvocacyStories`): approved with
 * a redacted text, or rejected. Analysts read only approved texts, while the report's consent still holds; revoking
 * consent deletes the row (reports/change-consent.ts). The story's own id is random and never leads to the report.
 */
export const advocacyStories = pgTable(
  "advocacy_stories",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reportId: uuid("report_id")
      .notNull()
      .unique()
      .references(() => reports.id, { onDelete: "cascade" }),
    status: text("status").$type<"approved" | "rejected">().notNull(),
    /** The redacted text (field-encrypted like every free text); null when rejected. */
    textEnc: text("text_enc"),
    decidedBy: uuid("decided_by").references(() => staffUsers.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("advocacy_stories_status_decided_idx").on(t.status, t.decidedAt)],
);
