import { healthSchema, publicConfigQuerySchema, publicConfigSchema } from "@openclm/contracts";
import { sql } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { appVersion } from "../version.js";
import { AppError } from "./app-error.js";
import { getPublicConfig } from "./platform.service.js";
import { ctxOf, requestedLanguage } from "./request-context.js";
import { errors } from "./responses.js";

export const platformRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/health",
    {
      config: { auth: "public" },
      schema: {
        operationId: "getHealth",
        tags: ["platform"],
        summary: "Liveness and database reachability (the version only for signed-in staff)",
        response: { 200: healthSchema, ...errors(503) },
      },
    },
    async (req) => {
      const { database } = req.server.services;
      try {
        await database.db.execute(sql`SELECT 1`);
      } catch (err) {
        req.log.error({ err }, "health check: database unreachable");
        throw new AppError("SERVICE_UNAVAILABLE", "The database is not reachable");
      }
      const staff = req.actor.type === "staff" && req.actor.stage === "full";
      return { status: "ok" as const, database: database.kind, ...(staff ? { version: appVersion } : {}) };
    },
  );

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
