import { boolean, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";

/**
 * Reports per district, status, subcategory (with its category) and "nobody assigned", kept exact by a trigger on
 * `reports` (migration 0006, which replaced the per-district-and-status table of 0003/0004). The inbox's counts
 * per status for the usual filters (place, status, category, subcategory, unassigned) read a few thousand rows at
 * most instead of counting a region's reports on every request.
 */
export const reportCounts = pgTable(
  "report_counts",
  {
    districtId: uuid("district_id").notNull(),
    status: text("status").notNull(),
    categoryCode: text("category_code").notNull(),
    subcategoryCode: text("subcategory_code").notNull(),
    /** No person and no team assigned. */
    unassigned: boolean("unassigned").notNull(),
    n: integer("n").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.status, t.subcategoryCode, t.categoryCode, t.unassigned] })],
);
