import { healthSchema } from "@openclm/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { appVersion } from "../version.js";
import { AppError } from "./app-error.js";
import { pingDatabase } from "./platform.service.js";
import { ctxOf } from "./request-context.js";
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
        await pingDatabase(ctxOf(req));
      } catch (err) {
        req.log.error({ err }, "health check: database unreachable");
        throw new AppError("SERVICE_UNAVAILABLE", "The database is not reachable");
      }
      const staff = req.actor.type === "staff" && req.actor.stage === "full";
      return { status: "ok" as const, database: database.kind, ...(staff ? { version: appVersion } : {}) };
    },
  );
};
