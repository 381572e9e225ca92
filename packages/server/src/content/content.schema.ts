import type { ContentFigure, ContentKind, ContentStatus } from "@openclm/contracts";
import { sql } from "drizzle-orm";
import { customType, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { staffUsers } from "../identity/identity.schema.js";

/** One language's text in the working copy; `updatedAt` tells a translation older than the default language's text. */
export interface StoredTranslation {
  title: string;
  summary?: string;
  body: string;
  updatedAt: string;
}

/** What readers see, frozen at publication: the text and its sanitised HTML per language. */
export interface LiveCopy {
  translations: Record<string, { title: string; summary: string; bodyHtml: string; body: string }>;
  tags: string[];
  figure: ContentFigure | null;
  reviewedAt: string | null;
  /** Announcements: the districts or regions it is meant for (readers there see it first); empty: everywhere. */
  areaIds?: string[];
}

/**
 * Content items (PRODUCT.md 3.3). The working copy (`translations`, `tags`, `figure`) is what editors change; `live`
 * is the copy readers get, set only by publishing. Public reads require `live`, a status other than archived, and a
 * `publish_at` that has come.
 */
export const contentItems = pgTable(
  "content_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").$type<ContentKind>().notNull(),
    slug: text("slug").notNull().unique(),
    status: text("status").$type<ContentStatus>().notNull().default("draft"),
    translations: jsonb("translations").$type<Record<string, StoredTranslation>>().notNull(),
    tags: jsonb("tags").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    figure: jsonb("figure").$type<ContentFigure | null>(),
    /** Announcements only: the districts or regions it is meant for; readers who chose one of them see it first. */
    areaIds: jsonb("area_ids").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    reviewedAt: date("reviewed_at"),
    version: integer("version").notNull().default(1),
    live: jsonb("live").$type<LiveCopy | null>(),
    liveVersion: integer("live_version"),
    publishAt: timestamp("publish_at", { withTimezone: true }),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    liveUpdatedAt: timestamp("live_updated_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("content_items_kind_status_idx").on(t.kind, t.status)],
);

/** Every change to an item: who, when, which fields, and the working copy after it (the audit row says the same). */
export const contentVersions = pgTable(
  "content_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contentId: uuid("content_id")
      .notNull()
      .references(() => contentItems.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    action: text("action").notNull(),
    fields: jsonb("fields").$type<string[]>().notNull(),
    snapshot: jsonb("snapshot").$type<Record<string, unknown>>().notNull(),
    changedBy: uuid("changed_by").references(() => staffUsers.id, { onDelete: "set null" }),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("content_versions_item_idx").on(t.contentId, t.version)],
);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => Buffer.from(v),
});

/**
 * Images uploaded for content (content-images.ts): always re-encoded by the platform (WebP, at most 1600 px wide, no
 * metadata such as EXIF GPS), so what is stored and served is never the uploaded file itself. Served by the platform
 * at `/api/content/images/<id>`: to anyone once published content shows it, before that to content editors only.
 */
export const contentImages = pgTable("content_images", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** SHA-256 of the stored (re-encoded) bytes: the ETag, and the same upload twice is stored once. */
  sha256: text("sha256").notNull().unique(),
  mime: text("mime").notNull(),
  width: integer("width").notNull(),
  height: integer("height").notNull(),
  bytes: bytea("bytes").notNull(),
  /** The alt text given at upload, put into the Markdown the editor inserts. */
  alt: text("alt").notNull(),
  uploadedBy: uuid("uploaded_by").references(() => staffUsers.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
