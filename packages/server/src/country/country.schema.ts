import { customType, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  // PGlite answers a Uint8Array, node-postgres a Buffer.
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * The country's logo, uploaded in Set-up and served by the platform itself (no CDN). One row: a new upload replaces
 * it. Only raster images whose bytes were checked to be what their type says are stored (country/country-logo.ts).
 */
export const countryLogo = pgTable("country_logo", {
  id: integer("id").primaryKey().default(1),
  contentType: text("content_type").notNull(),
  image: bytea("image").notNull(),
  /** SHA-256 of the image, hex: the cache key in the logo's URL and its ETag. */
  sha256: text("sha256").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
