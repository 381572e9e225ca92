import { publicConfigQuerySchema, publicConfigSchema } from "@openclm/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ctxOf, requestedLanguage } from "../platform/request-context.js";
import { errors } from "../platform/responses.js";
import { getPublicConfig } from "./public-config.service.js";

/** `getPublicConfig`: what every client needs before anyone signs in (the platform's composition of the domains). */
export const publicConfigRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/config",
    {
      config: { auth: "public" },
      schema: {
        operationId: "getPublicConfig",
        tags: ["platform"],
        summary: "Languages, taxonomy and areas in the caller's language (no sign-in)",
        querystring: publicConfigQuerySchema,
        response: { 200: publicConfigSchema, ...errors(400) },
      },
    },
    async (req, reply) => {
      reply.header("Vary", "Accept-Language");
      return getPublicConfig(ctxOf(req), requestedLanguage(req));
    },
  );
};
