import type { LocalizedText } from "@openclm/contracts";
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

/** A GeoJSON Polygon or MultiPolygon geometry, stored as JSON (no PostGIS needed: PGlite has none). */
export type Geometry =
  | { type: "Polygon"; coordinates: number[][][] }
  | { type: "MultiPolygon"; coordinates: number[][][][] };

/** Country → region → district, to any depth. Leaves are where reports are placed. */
export const areas = pgTable(
  "areas",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    parentId: uuid("parent_id").references((): AnyPgColumn => areas.id),
    /** Ids of every ancestor, root first; lets scope checks find descendants without recursion. */
    ancestorIds: uuid("ancestor_ids").array().notNull().default(sql`'{}'::uuid[]`),
    level: integer("level").notNull(),
    code: text("code").notNull().unique(),
    names: jsonb("names").$type<LocalizedText>().notNull(),
    boundary: jsonb("boundary").$type<Geometry>(),
    /** Bounding box of the boundary [minLng, minLat, maxLng, maxLat], to skip most polygons quickly. */
    bbox: doublePrecision("bbox").array(),
    /** People affected by TB living here: the denominator of "challenges per 1,000". */
    population: integer("population"),
    isLeaf: boolean("is_leaf").notNull().default(true),
    /**
     * Set when a geography re-import no longer lists the area: hidden from new reports, the report flow and maps,
     * kept (never deleted) so that the reports, targets and scopes pointing to it keep their meaning.
     */
    retiredAt: timestamp("retired_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("areas_parent_idx").on(t.parentId), index("areas_ancestors_idx").using("gin", t.ancestorIds)],
);

export type OpeningHours = Partial<Record<"mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun", string[]>>;

export const facilities = pgTable(
  "facilities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull().unique(),
    names: jsonb("names").$type<LocalizedText>().notNull(),
    type: text("type").notNull(),
    districtId: uuid("district_id")
      .notNull()
      .references(() => areas.id),
    lat: doublePrecision("lat").notNull(),
    lng: doublePrecision("lng").notNull(),
    address: jsonb("address").$type<LocalizedText>().notNull().default({}),
    phone: text("phone"),
    openingHours: jsonb("opening_hours").$type<OpeningHours>().notNull().default({}),
    services: text("services").array().notNull().default(sql`'{}'::text[]`),
    active: boolean("active").notNull().default(true),
    updatedAt: timestamp("updated_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("facilities_district_idx").on(t.districtId)],
);
