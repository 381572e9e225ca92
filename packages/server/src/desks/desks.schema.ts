import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { facilities } from "../geography/geography.schema.js";
import { staffUsers } from "../identity/identity.schema.js";

/**
 * A facility desk (issue 23): the one-time code Set-up issued for it (its keyed hash, until used) and then the token
 * of the device that entered it (its hash). Revoking empties both: the device reports as nobody from then on.
 */
export const facilityDesks = pgTable(
  "facility_desks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    facilityId: uuid("facility_id")
      .notNull()
      .references(() => facilities.id),
    codeHash: text("code_hash").unique(),
    tokenHash: text("token_hash").unique(),
    createdBy: uuid("created_by").references(() => staffUsers.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    activatedAt: timestamp("activated_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("facility_desks_facility_idx").on(t.facilityId)],
);
