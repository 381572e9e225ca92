import {
  countryProfileSchema,
  LOGO_MAX_BYTES,
  logoContentTypes,
  setupChecklistSchema,
  updateCountryProfileBodySchema,
} from "@openclm/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { notFound } from "../platform/app-error.js";
import { ctxOf } from "../platform/request-context.js";
import { errors } from "../platform/responses.js";
import { readLogo, uploadCountryLogo } from "./country-logo.js";
import { getCountryProfile, updateCountryProfile } from "./country-profile.js";
import { getSetupChecklist } from "./setup-checklist.js";

const setup = { permission: "setup:manage" } as const;
const tags = ["setup"];

/** The country profile (name, languages, time zone, phone plan, branding, modules) and the set-up checklist. */
export const countryRoutes: FastifyPluginAsyncZod = async (app) => {
  // Only the logo upload takes image bodies (the bytes are checked again in uploadCountryLogo); SVG is not among them.
  app.addContentTypeParser(
    [...logoContentTypes],
    { parseAs: "buffer", bodyLimit: LOGO_MAX_BYTES },
    (_req, body, done) => done(null, body),
  );

  app.get(
    "/setup/checklist",
    {
      config: setup,
      schema: {
        operationId: "getSetupChecklist",
        tags,
        summary: "What the country has set up (profile, languages, geography, facilities, taxonomy, staff, protocols)",
        response: { 200: setupChecklistSchema, ...errors(401, 403) },
      },
    },
    async (req) => getSetupChecklist(ctxOf(req)),
  );

  app.get(
    "/setup/country-profile",
    {
      config: setup,
      schema: {
        operationId: "getCountryProfile",
        tags,
        summary: "The country profile as Set-up edits it",
        response: { 200: countryProfileSchema, ...errors(401, 403) },
      },
    },
    async (req) => getCountryProfile(ctxOf(req)),
  );

  app.patch(
    "/setup/country-profile",
    {
      config: setup,
      schema: {
        operationId: "updateCountryProfile",
        tags,
        summary:
          "Changes the country profile (fields left out stay); country-wide scope; colours need 4.5:1 contrast; audited",
        body: updateCountryProfileBodySchema,
        response: { 200: countryProfileSchema, ...errors(400, 401, 403) },
      },
    },
    async (req) => updateCountryProfile(ctxOf(req), req.body),
  );

  app.put(
    "/setup/country-profile/logo",
    {
      config: setup,
      bodyLimit: LOGO_MAX_BYTES,
      schema: {
        operationId: "uploadCountryLogo",
        tags,
        summary: `Replaces the logo: the image itself as the body (PNG, JPEG or WebP, at most ${LOGO_MAX_BYTES / 1024} KB)`,
        consumes: [...logoContentTypes],
        body: z.any().meta({ description: "the image bytes, with their Content-Type" }),
        response: {
          200: z.object({ contentType: z.string(), bytes: z.number().int(), sha256: z.string() }),
          ...errors(400, 401, 403, 413, 415),
        },
      },
    },
    async (req) => uploadCountryLogo(ctxOf(req), req.headers["content-type"], req.body),
  );

  app.get(
    "/branding/logo",
    {
      config: { auth: "public" },
      schema: {
        operationId: "getCountryLogo",
        tags: ["platform"],
        summary: "The country's logo, served by the platform (the URL in getPublicConfig changes with the image)",
        querystring: z.object({ v: z.string().max(64).optional() }),
        response: {
          200: z.any().meta({ description: "image/png, image/jpeg or image/webp" }),
          304: z.any().meta({ description: "the copy the client holds (If-None-Match) is current" }),
          ...errors(404),
        },
      },
    },
    async (req, reply) => {
      const logo = await readLogo(req.server.services.database.db);
      if (!logo) throw notFound("logo");
      const etag = `"${logo.sha256}"`;
      reply
        .header("Content-Type", logo.contentType)
        .header("ETag", etag)
        // Never run as a document, even if opened directly.
        .header("Content-Security-Policy", "default-src 'none'; sandbox")
        .header("Cross-Origin-Resource-Policy", "same-origin")
        .header("Cache-Control", req.query.v ? "public, max-age=31536000, immutable" : "no-cache");
      if (req.headers["if-none-match"] === etag) return reply.code(304).send();
      return reply.send(logo.image);
    },
  );
};
