import { sql } from "drizzle-orm";
import { index, integer, pgTable, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { areas, facilities } from "../geography/geography.schema.js";
import { staffUsers } from "../identity/identity.schema.js";

/**
 * A community rating of a facility (issue 17). Who rated is kept only as keyed hashes (crypto/field-cipher.ts `hash`)
 * of the device id and, when signed in, the community account: enough to refuse a second rating within 30 days,
 * never enough to say who it was. The comment is free text: field-encrypted, and shown to nobody but the data manager
 * of the facility's district until approved.
 */
export const facilityRatings = pgTable(
  "facility_ratings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The device's idempotency key: a retried submit answers the same rating. */
    clientId: uuid("client_id").notNull().unique(),
    facilityId: uuid("facility_id")
      .notNull()
      .references(() => facilities.id),
    /** The facility's district when rated: the scope of the data managers who moderate it, and the dashboard's area. */
    districtId: uuid("district_id")
      .notNull()
      .references(() => areas.id),
    deviceHash: text("device_hash").notNull(),
    accountHash: text("account_hash"),
    overall: smallint("overall").notNull(),
    respect: smallint("respect"),
    confidentiality: smallint("confidentiality"),
    waiting: smallint("waiting"),
    cost: smallint("cost"),
    medicines: smallint("medicines"),
    /** `held`: part of a burst from one address, not counted until a data manager releases it. */
    status: text("status").$type<"counted" | "held" | "discarded">().notNull(),
    commentEnc: text("comment_enc"),
    /** `erased`: the retention rule erased the text (ratings-retention.ts); `hidden`: a data manager hid it. */
    commentStatus: text("comment_status").$type<"none" | "pending" | "approved" | "hidden" | "erased">().notNull(),
    /** Why the comment was flagged automatically (`phone`, `email`, `name`). */
    commentFlags: text("comment_flags").array().notNull().default([]),
    /**
     * A permanent random key 0…65535 (as `reports.record_key`): the public facility quality view perturbs a count by
     * the sum of its ratings' keys (dashboard/disclosure.ts), so a difference of published counts is not exact.
     */
    recordKey: integer("record_key").notNull().default(sql`(floor(random() * 65536))::int`),
    reviewedBy: uuid("reviewed_by").references(() => staffUsers.id, { onDelete: "set null" }),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("facility_ratings_facility_device_idx").on(t.facilityId, t.deviceHash, t.createdAt),
    index("facility_ratings_facility_account_idx").on(t.facilityId, t.accountHash, t.createdAt),
    index("facility_ratings_district_created_idx").on(t.districtId, t.createdAt),
  ],
);
