import {
  createSavedViewBodySchema,
  okSchema,
  savedViewIdParamSchema,
  savedViewListSchema,
  savedViewSchema,
  updateSavedViewBodySchema,
} from "@openclm/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ctxOf } from "../platform/request-context.js";
import { errors } from "../platform/responses.js";
import { createSavedView, deleteSavedView, listSavedViews, updateSavedView } from "./saved-views.service.js";

const tags = ["inbox"];
const config = { permission: "inbox:read" } as const;
const params = savedViewIdParamSchema;

/** The signed-in person's own named queue filters. */
export const savedViewsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/inbox/views",
    {
      config,
      schema: { operationId: "listSavedViews", tags, response: { 200: savedViewListSchema, ...errors(401, 403) } },
    },
    async (req) => listSavedViews(ctxOf(req)),
  );

  app.post(
    "/inbox/views",
    {
      config,
      schema: {
        operationId: "createSavedView",
        tags,
        body: createSavedViewBodySchema,
        response: { 201: savedViewSchema, ...errors(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await createSavedView(ctxOf(req), req.body)),
  );

  app.patch(
    "/inbox/views/:id",
    {
      config,
      schema: {
        operationId: "updateSavedView",
        tags,
        params,
        body: updateSavedViewBodySchema,
        response: { 200: savedViewSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => updateSavedView(ctxOf(req), req.params.id, req.body),
  );

  app.delete(
    "/inbox/views/:id",
    {
      config,
      schema: { operationId: "deleteSavedView", tags, params, response: { 200: okSchema, ...errors(401, 403, 404) } },
    },
    async (req) => deleteSavedView(ctxOf(req), req.params.id),
  );
};
