import {
  contentCreatedSchema,
  contentDetailSchema,
  contentIdParamSchema,
  contentImageParamSchema,
  contentImageSchema,
  contentListSchema,
  contentSuggestionListSchema,
  createContentBodySchema,
  getPublicContentQuerySchema,
  listPublicContentQuerySchema,
  MAX_CONTENT_IMAGE_BYTES,
  PUBLISHED_IMAGE_CACHE,
  previewContentBodySchema,
  previewContentResultSchema,
  publicContentListSchema,
  publicContentParamSchema,
  publicContentSchema,
  publishContentBodySchema,
  updateContentBodySchema,
  uploadContentImageBodySchema,
} from "@openclm/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ctxOf } from "../platform/request-context.js";
import { errors } from "../platform/responses.js";
import {
  createContent,
  getContent,
  getPublicContent,
  listContent,
  listPublicContent,
  previewContent,
  publishContent,
  submitContentForReview,
  unpublishContent,
  updateContent,
} from "./content.service.js";
import { contentImage, uploadContentImage } from "./content-images.js";
import { listContentSuggestions } from "./content-suggestions.js";

const tags = ["content"];

export const contentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/setup/content",
    {
      config: { permission: "content:write" },
      schema: {
        operationId: "createContent",
        tags,
        summary: "A new content item (draft) with its text in one or more languages (audited)",
        body: createContentBodySchema,
        response: { 201: contentCreatedSchema, ...errors(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await createContent(ctxOf(req), req.body)),
  );

  app.get(
    "/setup/content",
    {
      config: { permission: "content:write" },
      schema: {
        operationId: "listContent",
        tags,
        summary: "Every content item with its status and the languages that need a translation",
        response: { 200: contentListSchema, ...errors(401, 403) },
      },
    },
    async (req) => listContent(ctxOf(req)),
  );

  app.post(
    "/setup/content/images",
    {
      config: { permission: "content:write" },
      // base64 makes 4 bytes of 3; the contract leaves room above that (a clear 413 from the service), and the JSON
      // around it is small.
      bodyLimit: Math.ceil(MAX_CONTENT_IMAGE_BYTES * 1.5) + 16_384,
      schema: {
        operationId: "uploadContentImage",
        tags,
        summary:
          "Upload an image for content (JPEG, PNG or WebP by its first bytes, at most 5 MB, alt text required): re-encoded as WebP without metadata and served by the platform (audited)",
        body: uploadContentImageBodySchema,
        response: { 201: contentImageSchema, ...errors(400, 401, 403, 413, 415) },
      },
    },
    async (req, reply) => reply.code(201).send(await uploadContentImage(ctxOf(req), req.body)),
  );

  app.get(
    "/setup/content/suggestions",
    {
      config: { permission: "content:write" },
      schema: {
        operationId: "listContentSuggestions",
        tags,
        summary:
          "Announcements suggested by resolved reports: a district and challenge whose published count of resolved reports this year is large enough, with a ready draft",
        response: { 200: contentSuggestionListSchema, ...errors(401, 403) },
      },
    },
    async (req, reply) => {
      reply.header("Cache-Control", "no-store");
      return listContentSuggestions(ctxOf(req));
    },
  );

  app.get(
    "/content/images/:id",
    {
      config: { auth: "public" },
      schema: {
        operationId: "getContentImage",
        tags,
        summary:
          "An uploaded image as the platform re-encoded it (WebP): public once published content shows it; before that, to content editors only (404 to everyone else)",
        params: contentImageParamSchema,
        response: { 200: z.any().meta({ description: "image/webp" }), 304: z.any(), ...errors(400, 404) },
      },
    },
    async (req, reply) => {
      const image = await contentImage(ctxOf(req), req.params.id);
      const etag = `"${image.sha256}"`;
      reply
        .header("ETag", etag)
        // Published: the bytes of an id never change (a new upload is a new id), so any cache may keep them (the
        // community app's worker keeps them for reading offline). A draft's image, served to its editors only, is
        // kept by no cache: it must not outlive the editor's session on a shared computer.
        .header("Cache-Control", image.published ? PUBLISHED_IMAGE_CACHE : "private, no-store")
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Disposition", "inline")
        .header("Content-Security-Policy", "default-src 'none'; sandbox")
        .header("Cross-Origin-Resource-Policy", "same-origin");
      if (req.headers["if-none-match"] === etag) return reply.code(304).send();
      return reply.type(image.mime).send(image.bytes);
    },
  );

  app.post(
    "/setup/content/preview",
    {
      config: { permission: "content:write" },
      schema: {
        operationId: "previewContent",
        tags,
        summary: "Markdown rendered and sanitised exactly as readers will get it",
        body: previewContentBodySchema,
        response: { 200: previewContentResultSchema, ...errors(400, 401, 403) },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return previewContent(ctx, req.body, ctx.language);
    },
  );

  app.get(
    "/setup/content/:id",
    {
      config: { permission: "content:write" },
      schema: {
        operationId: "getContent",
        tags,
        summary: "One item's working copy in every language, with its versions",
        params: contentIdParamSchema,
        response: { 200: contentDetailSchema, ...errors(401, 403, 404) },
      },
    },
    async (req) => getContent(ctxOf(req), req.params.id),
  );

  app.patch(
    "/setup/content/:id",
    {
      config: { permission: "content:write" },
      schema: {
        operationId: "updateContent",
        tags,
        summary: "Change the working copy (a new version, audited); readers keep the published copy",
        params: contentIdParamSchema,
        body: updateContentBodySchema,
        response: { 200: contentDetailSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => updateContent(ctxOf(req), req.params.id, req.body),
  );

  app.post(
    "/setup/content/:id/submission",
    {
      config: { permission: "content:write" },
      schema: {
        operationId: "submitContentForReview",
        tags,
        summary: "Ask an administrator to review and publish the working copy",
        params: contentIdParamSchema,
        response: { 200: contentDetailSchema, ...errors(401, 403, 404, 409) },
      },
    },
    async (req) => submitContentForReview(ctxOf(req), req.params.id),
  );

  app.post(
    "/setup/content/:id/publication",
    {
      config: { permission: "content:publish" },
      schema: {
        operationId: "publishContent",
        tags,
        summary: "Publish the working copy now, or from `publishAt` (country administrators)",
        params: contentIdParamSchema,
        body: publishContentBodySchema,
        response: { 200: contentDetailSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => publishContent(ctxOf(req), req.params.id, req.body),
  );

  app.delete(
    "/setup/content/:id/publication",
    {
      config: { permission: "content:publish" },
      schema: {
        operationId: "unpublishContent",
        tags,
        summary: "Take an item away from readers (archived)",
        params: contentIdParamSchema,
        response: { 200: contentDetailSchema, ...errors(401, 403, 404, 409) },
      },
    },
    async (req) => unpublishContent(ctxOf(req), req.params.id),
  );

  app.get(
    "/content",
    {
      config: { auth: "public" },
      schema: {
        operationId: "listPublicContent",
        tags,
        summary: "Published content in a language (falling back to the default language), by kind, tag or words",
        querystring: listPublicContentQuerySchema,
        response: { 200: publicContentListSchema, ...errors(400) },
      },
    },
    async (req) => listPublicContent(ctxOf(req), req.query),
  );

  app.get(
    "/content/:slug",
    {
      config: { auth: "public" },
      schema: {
        operationId: "getPublicContent",
        tags,
        summary: "One published item with its sanitised HTML; drafts and unknown slugs answer 404",
        params: publicContentParamSchema,
        querystring: getPublicContentQuerySchema,
        response: { 200: publicContentSchema, ...errors(400, 404) },
      },
    },
    async (req) => getPublicContent(ctxOf(req), req.params.slug, req.query.language),
  );
};
