import { z } from "zod";
import { languageCodeSchema, taxonomyCodeSchema, uuidSchema } from "./common.js";
import { indicatorMetrics } from "./constants.js";

/*
 * Content (PRODUCT.md 3.3, 7): Know Your Rights, Get Information, FAQs and announcements ("What changed"). Editors
 * write Markdown per language; the server renders and sanitises it (docs/adr/0018-markdown-rendering.md). A
 * `content_editor` writes and submits for review; a country administrator publishes, schedules and unpublishes.
 * Readers only ever see the published copy: editing a published item changes the working copy, not what is live.
 */

export const contentKinds = ["rights", "information", "faq", "announcement"] as const;
export type ContentKind = (typeof contentKinds)[number];
export const contentStatuses = ["draft", "in_review", "published", "archived"] as const;
export type ContentStatus = (typeof contentStatuses)[number];

export const MAX_CONTENT_BODY = 20_000;

export const contentSlugSchema = z
  .string()
  .min(2)
  .max(80)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "lower-case letters, digits and single hyphens");

export const contentTranslationSchema = z.object({
  title: z.string().trim().min(1).max(200),
  summary: z.string().trim().max(500).optional(),
  body: z.string().max(MAX_CONTENT_BODY),
});
export type ContentTranslation = z.infer<typeof contentTranslationSchema>;

/**
 * An announcement's live figure: one count from the public indicators (the same disclosure control as the public
 * dashboard: perturbed, hidden below the threshold), over one calendar period, optionally for one district and one
 * challenge type. `label` is the sentence shown before the number, per language.
 */
export const contentFigureSchema = z.object({
  metric: z.enum(indicatorMetrics),
  from: z.iso.date(),
  to: z.iso.date(),
  districtId: uuidSchema.optional(),
  subcategoryCode: taxonomyCodeSchema.optional(),
  label: z.record(languageCodeSchema, z.string().trim().min(1).max(200)),
});
export type ContentFigure = z.infer<typeof contentFigureSchema>;

export const createContentBodySchema = z.object({
  kind: z.enum(contentKinds),
  slug: contentSlugSchema,
  translations: z.record(languageCodeSchema, contentTranslationSchema),
  tags: z.array(taxonomyCodeSchema).max(20).optional(),
  /** The day a person last checked the text against current guidance (shown to readers). */
  reviewedAt: z.iso.date().optional(),
  figure: contentFigureSchema.nullable().optional(),
  /** Announcements: the districts or regions it is meant for (readers there see it first); none: everywhere. */
  areaIds: z.array(uuidSchema).max(50).optional(),
});
export type CreateContentInput = z.infer<typeof createContentBodySchema>;

/** Changes the working copy; a translation given replaces that language's text, `null` removes the language. */
export const updateContentBodySchema = z.object({
  slug: contentSlugSchema.optional(),
  translations: z.record(languageCodeSchema, contentTranslationSchema.nullable()).optional(),
  tags: z.array(taxonomyCodeSchema).max(20).optional(),
  reviewedAt: z.iso.date().nullable().optional(),
  figure: contentFigureSchema.nullable().optional(),
  areaIds: z.array(uuidSchema).max(50).optional(),
});
export type UpdateContentInput = z.infer<typeof updateContentBodySchema>;

/** `publishAt` in the future schedules: the published copy appears to readers from then on. */
export const publishContentBodySchema = z.object({ publishAt: z.iso.datetime({ offset: true }).optional() }).optional();
export const contentIdParamSchema = z.object({ id: uuidSchema });
export const contentCreatedSchema = z.object({ id: z.string() });

export const contentSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(contentKinds),
  slug: z.string(),
  status: z.enum(contentStatuses),
  /** Title in the default language (or the first language written). */
  title: z.string(),
  languages: z.array(z.string()),
  /** Configured languages with no text, or whose text is older than the default language's last change. */
  needsTranslation: z.array(z.string()),
  tags: z.array(z.string()),
  version: z.number(),
  live: z.boolean(),
  /** The working copy differs from what readers see. */
  unpublishedChanges: z.boolean(),
  publishAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type ContentSummary = z.infer<typeof contentSummarySchema>;
export const contentListSchema = z.object({ items: z.array(contentSummarySchema) });

export const contentVersionSchema = z.object({
  version: z.number(),
  action: z.string(),
  changedBy: z.string().nullable(),
  changedAt: z.string(),
  /** What changed: `translations.fr`, `tags`, `slug`, `status`… */
  fields: z.array(z.string()),
});

export const contentDetailSchema = contentSummarySchema.extend({
  translations: z.record(z.string(), contentTranslationSchema.extend({ updatedAt: z.string() })),
  figure: contentFigureSchema.nullable(),
  areaIds: z.array(z.string()),
  versions: z.array(contentVersionSchema),
});
export type ContentDetail = z.infer<typeof contentDetailSchema>;

export const previewContentBodySchema = z.object({ body: z.string().max(MAX_CONTENT_BODY) });
export const previewContentResultSchema = z.object({ html: z.string() });

export const listPublicContentQuerySchema = z.object({
  kind: z.enum(contentKinds).optional(),
  language: languageCodeSchema.optional(),
  /** Words searched in title, summary and text. */
  q: z.string().trim().max(100).optional(),
  /** A taxonomy code: items tagged with it (or with its category). */
  tag: taxonomyCodeSchema.optional(),
});

export const publicContentItemSchema = z.object({
  id: z.string(),
  slug: z.string(),
  kind: z.enum(contentKinds),
  title: z.string(),
  summary: z.string(),
  language: z.string(),
  tags: z.array(z.string()),
  publishedAt: z.string(),
  /** When the published copy last changed (for "updated" badges). */
  updatedAt: z.string(),
  reviewedAt: z.string().nullable(),
  /** Announcements: the districts or regions it is meant for; empty: everywhere. */
  areaIds: z.array(z.string()),
});
export type PublicContentItem = z.infer<typeof publicContentItemSchema>;
export const publicContentListSchema = z.object({ items: z.array(publicContentItemSchema) });

export const publicContentParamSchema = z.object({ slug: contentSlugSchema });
export const getPublicContentQuerySchema = z.object({ language: languageCodeSchema.optional() });

export const publicContentSchema = z.object({
  slug: z.string(),
  kind: z.enum(contentKinds),
  title: z.string(),
  summary: z.string(),
  bodyHtml: z.string(),
  language: z.string(),
  tags: z.array(z.string()),
  publishedAt: z.string(),
  updatedAt: z.string(),
  reviewedAt: z.string().nullable(),
  /** An announcement's live figure after disclosure control: `value` null when the count is too small to show. */
  figure: z.object({ label: z.string(), value: z.number().nullable(), asOf: z.string() }).nullable(),
});
export type PublicContent = z.infer<typeof publicContentSchema>;

// ── Images (issue 15 item 2): uploaded, checked, re-encoded and served by the platform ──

/** Largest upload accepted, in bytes (before re-encoding). */
export const MAX_CONTENT_IMAGE_BYTES = 5 * 1024 * 1024;

export const uploadContentImageBodySchema = z.object({
  /**
   * The file, base64-encoded: JPEG, PNG or WebP (checked by its first bytes, not by its name). Room is left above
   * 5 MB's base64 so that a file slightly too large gets the clear answer PAYLOAD_TOO_LARGE from the server.
   */
  data: z
    .string()
    .min(8)
    .max(Math.ceil(MAX_CONTENT_IMAGE_BYTES * 1.5)),
  /** What the image shows, for people who cannot see it: required. */
  alt: z.string().trim().min(1).max(300),
});
export type UploadContentImageInput = z.infer<typeof uploadContentImageBodySchema>;
export const contentImageSchema = z.object({
  id: z.string(),
  /** Where the platform serves it (within the CSP's `img-src 'self'`). */
  url: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  /** Markdown to put in a body: `![alt](url)`. */
  markdown: z.string(),
});
export type ContentImage = z.infer<typeof contentImageSchema>;
export const contentImageParamSchema = z.object({ id: uuidSchema });

// ── Suggested announcements (issue 15 item 4): from resolved reports' published figures, never a person's data ──

export const contentSuggestionSchema = z.object({
  /** Stable for the same district, challenge and period, so a suggestion already drafted is not offered again. */
  key: z.string(),
  districtId: z.string(),
  districtName: z.string(),
  subcategoryCode: z.string(),
  subcategoryLabel: z.string(),
  from: z.string(),
  to: z.string(),
  /** The figure as the public will see it (perturbed; never below the suppression threshold). */
  resolved: z.number().int(),
  /** A ready draft: `createContent` with it makes the announcement (still a draft, to be edited and reviewed). */
  draft: createContentBodySchema,
});
export type ContentSuggestion = z.infer<typeof contentSuggestionSchema>;
export const contentSuggestionListSchema = z.object({ items: z.array(contentSuggestionSchema) });
