import type { LocalizedText } from "@openclm/contracts";
import { boolean, index, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";

/** Codes are stable identifiers (reports and aggregates keep them); labels are editable and translated. */
export const categories = pgTable("categories", {
  code: text("code").primaryKey(),
  sort: integer("sort").notNull().default(0),
  icon: text("icon").notNull().default("dot"),
  labels: jsonb("labels").$type<LocalizedText>().notNull(),
  descriptions: jsonb("descriptions").$type<LocalizedText>().notNull().default({}),
  active: boolean("active").notNull().default(true),
});

export const subcategories = pgTable(
  "subcategories",
  {
    code: text("code").primaryKey(),
    categoryCode: text("category_code")
      .notNull()
      .references(() => categories.code),
    sort: integer("sort").notNull().default(0),
    labels: jsonb("labels").$type<LocalizedText>().notNull(),
    descriptions: jsonb("descriptions").$type<LocalizedText>().notNull().default({}),
    active: boolean("active").notNull().default(true),
  },
  (t) => [index("subcategories_category_idx").on(t.categoryCode)],
);

export const challengeTypes = pgTable(
  "challenge_types",
  {
    code: text("code").primaryKey(),
    subcategoryCode: text("subcategory_code")
      .notNull()
      .references(() => subcategories.code),
    sort: integer("sort").notNull().default(0),
    labels: jsonb("labels").$type<LocalizedText>().notNull(),
    active: boolean("active").notNull().default(true),
  },
  (t) => [index("challenge_types_subcategory_idx").on(t.subcategoryCode)],
);

/** The key populations a reporter may say the person belongs to (PRODUCT.md 3.2): the same code rules as above. */
export const keyPopulations = pgTable("key_populations", {
  code: text("code").primaryKey(),
  sort: integer("sort").notNull().default(0),
  labels: jsonb("labels").$type<LocalizedText>().notNull(),
  active: boolean("active").notNull().default(true),
});
