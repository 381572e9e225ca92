import {
  completenessSchema,
  createLanguageBodySchema,
  exportTranslationsQuerySchema,
  importTranslationsBodySchema,
  importTranslationsResultSchema,
  languageParamSchema,
  putTranslationsBodySchema,
  putTranslationsResultSchema,
  setupLanguageListSchema,
  setupLanguageSchema,
  translationBundleParamSchema,
  translationBundleQuerySchema,
  translationBundleSchema,
  translationSurfaceQuerySchema,
  translationSurfaceSchema,
  updateLanguageBodySchema,
} from "@openclm/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ctxOf } from "../platform/request-context.js";
import { errors } from "../platform/responses.js";
import { createLanguage, listLanguages, updateLanguage } from "./languages.service.js";
import {
  exportTranslations,
  getTranslationBundle,
  getTranslationCompleteness,
  getTranslationSurface,
  importTranslations,
  putTranslations,
} from "./translations.service.js";

const setup = { permission: "setup:manage" } as const;
const tags = ["setup"];

/** Languages as data and the translation editor (issue 16); the bundle route serves what Set-up wrote to every client. */
export const translationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/i18n/:language",
    {
      config: { auth: "public" },
      schema: {
        operationId: "getTranslationBundle",
        tags: ["platform"],
        summary: "The strings Set-up wrote for one language, per surface, to lay over the shipped catalogues",
        params: translationBundleParamSchema,
        querystring: translationBundleQuerySchema,
        response: { 200: translationBundleSchema, ...errors(400) },
      },
    },
    async (req, reply) => {
      const bundle = await getTranslationBundle(ctxOf(req), req.params.language);
      // Versioned URLs (?v= from getPublicConfig's translationsVersion) never change; the bare URL is revalidated.
      const current = req.query.v === bundle.version;
      reply.header("Cache-Control", current ? "public, max-age=31536000, immutable" : "no-cache");
      return bundle;
    },
  );

  app.get(
    "/setup/languages",
    {
      config: setup,
      schema: {
        operationId: "listLanguages",
        tags,
        summary: "Every configured language with its direction, fallback chain and CLDR plural forms",
        response: { 200: setupLanguageListSchema, ...errors(401, 403) },
      },
    },
    async (req) => listLanguages(ctxOf(req)),
  );

  app.post(
    "/setup/languages",
    {
      config: setup,
      schema: {
        operationId: "createLanguage",
        tags,
        summary: "Adds a language (BCP 47 tag, own name, ltr/rtl, fallback); offered on every surface at once; audited",
        body: createLanguageBodySchema,
        response: { 201: setupLanguageSchema, ...errors(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await createLanguage(ctxOf(req), req.body)),
  );

  app.patch(
    "/setup/languages/:code",
    {
      config: setup,
      schema: {
        operationId: "updateLanguage",
        tags,
        summary: "Changes a language's own name, direction or fallback (no cycles); audited",
        params: languageParamSchema,
        body: updateLanguageBodySchema,
        response: { 200: setupLanguageSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => updateLanguage(ctxOf(req), req.params.code, req.body),
  );

  app.get(
    "/setup/translations",
    {
      config: setup,
      schema: {
        operationId: "getTranslationSurface",
        tags,
        summary: "Every string of one surface in one language, with the source, origin, fallback and review state",
        querystring: translationSurfaceQuerySchema,
        response: { 200: translationSurfaceSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => getTranslationSurface(ctxOf(req), req.query.language, req.query.namespace),
  );

  app.get(
    "/setup/translations/completeness",
    {
      config: setup,
      schema: {
        operationId: "getTranslationCompleteness",
        tags,
        summary: "Per offered language and surface: strings written, missing (served from the fallback) and unreviewed",
        response: { 200: completenessSchema, ...errors(401, 403) },
      },
    },
    async (req) => getTranslationCompleteness(ctxOf(req)),
  );

  app.put(
    "/setup/translations",
    {
      config: setup,
      schema: {
        operationId: "putTranslations",
        tags,
        summary:
          "Saves translations of one surface; a dropped or unknown placeholder is refused (PLACEHOLDER_MISMATCH)",
        body: putTranslationsBodySchema,
        response: { 200: putTranslationsResultSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => putTranslations(ctxOf(req), req.body),
  );

  app.get(
    "/setup/translations/export",
    {
      config: setup,
      schema: {
        operationId: "exportTranslations",
        tags,
        summary: "Every string of every surface in one language, as gettext PO or XLIFF 2.0",
        querystring: exportTranslationsQuerySchema,
        response: {
          200: z.any().meta({ description: "text/x-gettext-translation or application/xliff+xml" }),
          ...errors(400, 401, 403, 404),
        },
      },
    },
    async (req, reply) => {
      const { language, format } = req.query;
      const body = await exportTranslations(ctxOf(req), language, format);
      return reply
        .type(format === "po" ? "text/x-gettext-translation; charset=utf-8" : "application/xliff+xml; charset=utf-8")
        .header("Content-Disposition", `attachment; filename="openclm-${language}.${format === "po" ? "po" : "xlf"}"`)
        .header("Cache-Control", "no-store")
        .send(body);
    },
  );

  app.post(
    "/setup/translations/import",
    {
      config: setup,
      bodyLimit: 6 * 1024 * 1024,
      schema: {
        operationId: "importTranslations",
        tags,
        summary:
          "Loads a translator's PO or XLIFF 2.0 file; only what differs is written; a bad string refuses the file",
        body: importTranslationsBodySchema,
        response: { 200: importTranslationsResultSchema, ...errors(400, 401, 403, 404, 413) },
      },
    },
    async (req) => importTranslations(ctxOf(req), req.body),
  );
};
