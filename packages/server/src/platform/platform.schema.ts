import {
  boolean,
  doublePrecision,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

export const languages = pgTable("languages", {
  code: text("code").primaryKey(),
  /** The language's own name ("Français"), shown in the switcher. */
  name: text("name").notNull(),
  dir: text("dir").$type<"ltr" | "rtl">().notNull().default("ltr"),
  enabled: boolean("enabled").notNull().default(true),
  isDefault: boolean("is_default").notNull().default(false),
  sort: integer("sort").notNull().default(0),
  /**
   * Where a string missing in this language is looked up next ("tg" → "ru"); the chain ends in English. Null: the
   * base language ("pt-MZ" → "pt") when there is one, then English.
   */
  fallback: text("fallback"),
});

/**
 * Translations written in Set-up's editor (or imported from a translator's PO/XLIFF file), on top of the catalogues
 * the platform ships (packages/web/src/i18n/locales). `namespace` is a surface's catalogue; `key` the dotted path of
 * one string, plural forms included ("home.count_few"). `value` null with `reviewed` true: a person confirmed the
 * shipped (machine-assisted) string as it is.
 */
export const translationOverrides = pgTable(
  "translation_overrides",
  {
    language: text("language").notNull(),
    namespace: text("namespace").notNull(),
    key: text("key").notNull(),
    value: text("value"),
    reviewed: boolean("reviewed").notNull().default(true),
    updatedBy: uuid("updated_by"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.language, t.namespace, t.key] })],
);

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
