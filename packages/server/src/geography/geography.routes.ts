import {
  areaBoundariesQuerySchema,
  areaBoundariesSchema,
  facilityListSchema,
  listFacilitiesQuerySchema,
} from "@openclm/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ctxOf } from "../platform/request-context.js";
import { errors } from "../platform/responses.js";
import { areaBoundariesTagged, listFacilities } from "./geography.service.js";

export const geographyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/facilities",
    {
      config: { auth: "public" },
      schema: {
        operationId: "listFacilities",
        tags: ["geography"],
        summary: "Facilities and services (Near Me), optionally within an area",
        querystring: listFacilitiesQuerySchema,
        response: { 200: facilityListSchema, ...errors(400, 404) },
      },
    },
    async (req) => listFacilities(ctxOf(req), req.query),
  );

  app.get(
    "/areas/boundaries",
    {
      config: { auth: "public" },
      schema: {
        operationId: "getAreaBoundaries",
        tags: ["geography"],
        summary: "Area boundaries as GeoJSON, for maps",
        querystring: areaBoundariesQuerySchema,
        response: {
          200: areaBoundariesSchema,
          304: z.null().meta({ description: "Not modified: the copy named by If-None-Match is current" }),
          ...errors(400),
        },
      },
    },
    async (req, reply) => {
      const { body, etag } = await areaBoundariesTagged(ctxOf(req), req.query.level);
      reply.header("Cache-Control", "public, no-cache").header("ETag", etag);
      if (req.headers["if-none-match"] === etag) return reply.code(304).send(null);
      return body;
    },
  );
};
