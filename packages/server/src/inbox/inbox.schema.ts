import { integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";

/**
 * Reports per district and status, kept exact by a trigger on `reports` (migration 0003), so the inbox's counts per
 * status read a few rows instead of counting a region's reports on every request.
 */
export const reportStatusCounts = pgTable(
  "report_status_counts",
  {
    districtId: uuid("district_id").notNull(),
    status: text("status").notNull(),
    n: integer("n").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.status] })],
);
