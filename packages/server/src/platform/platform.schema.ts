import { boolean, doublePrecision, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const languages = pgTable("languages", {
  code: text("code").primaryKey(),
  /** The language's own name ("Français"), shown in the switcher. */
  name: text("name").notNull(),
  dir: text("dir").$type<"ltr" | "rtl">().notNull().default("ltr"),
  enabled: boolean("enabled").notNull().default(true),
  isDefault: boolean("is_default").notNull().default(false),
  sort: integer("sort").notNull().default(0),
});

/** Settings that administrators edit at run time (env holds only what is needed to boot). */
export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Leaky buckets of the rate limiter and the sign-in throttle (platform/rate-limiter.ts), keyed by a hash of what is
 * limited (an address, a device, an account). `level` drains at `leak_per_second` since `updated_at`; every process
 * on the database shares them, so limits hold across processes and restarts. A drained row is deleted by a job.
 */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  level: doublePrecision("level").notNull(),
  leakPerSecond: doublePrecision("leak_per_second").notNull(),
  /** The level never grows past this, so a flood cannot lock a key for longer than one drain of it. */
  maxLevel: doublePrecision("max_level").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
});
