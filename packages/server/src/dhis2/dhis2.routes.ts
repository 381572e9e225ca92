import {
  dhis2MappingSchema,
  dhis2MetadataSchema,
  dhis2PayloadSchema,
  dhis2PeriodSchema,
  dhis2PushBodySchema,
  dhis2PushListSchema,
  dhis2PushResultSchema,
  updateDhis2MappingSchema,
} from "@openclm/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ctxOf } from "../platform/request-context.js";
import { errors } from "../platform/responses.js";
import { getDhis2Mapping, updateDhis2Mapping } from "./dhis2-config.js";
import { getDhis2Metadata, listDhis2Pushes, previewDhis2Push, pushToDhis2 } from "./dhis2-push.js";

const tags = ["dhis2"];

/** DHIS2 (issue 19): the mapping, the payload of a period, pushes and their history. The system administrator's. */
export const dhis2Routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/dhis2/mapping",
    {
      config: { permission: "integrations:manage" },
      schema: {
        operationId: "getDhis2Mapping",
        tags,
        summary: "The DHIS2 mapping and instance address (never the token)",
        response: { 200: dhis2MappingSchema, ...errors(401, 403) },
      },
    },
    async (req) => getDhis2Mapping(ctxOf(req)),
  );
  app.put(
    "/dhis2/mapping",
    {
      config: { permission: "integrations:manage" },
      schema: {
        operationId: "updateDhis2Mapping",
        tags,
        summary: "Replace the DHIS2 mapping (indicators → data elements, areas → organisation units); audited",
        body: updateDhis2MappingSchema,
        response: { 200: dhis2MappingSchema, ...errors(400, 401, 403) },
      },
    },
    async (req) => updateDhis2Mapping(ctxOf(req), req.body),
  );
  app.get(
    "/dhis2/metadata",
    {
      config: { permission: "integrations:manage" },
      schema: {
        operationId: "getDhis2Metadata",
        tags,
        summary:
          "The instance's data elements, category option combos and organisation units, to pick the mapping from",
        response: { 200: dhis2MetadataSchema, ...errors(401, 403, 409, 503) },
      },
    },
    async (req) => getDhis2Metadata(ctxOf(req)),
  );
  app.get(
    "/dhis2/payload",
    {
      config: { permission: "integrations:manage" },
      schema: {
        operationId: "previewDhis2Push",
        tags,
        summary: "The dataValueSets payload a push of this closed period would send (disclosure control applied)",
        querystring: z.object({ period: dhis2PeriodSchema }),
        response: { 200: dhis2PayloadSchema, ...errors(400, 401, 403, 409) },
      },
    },
    async (req) => previewDhis2Push(ctxOf(req), req.query.period),
  );
  app.post(
    "/dhis2/pushes",
    {
      config: { permission: "integrations:manage" },
      schema: {
        operationId: "pushToDhis2",
        tags,
        summary:
          "Send a closed period to DHIS2 (dry run by default) and answer DHIS2's import summary; recorded and audited",
        body: dhis2PushBodySchema,
        response: { 200: dhis2PushResultSchema, ...errors(400, 401, 403, 409) },
      },
    },
    async (req) => pushToDhis2(ctxOf(req), req.body),
  );
  app.get(
    "/dhis2/pushes",
    {
      config: { permission: "integrations:manage" },
      schema: {
        operationId: "listDhis2Pushes",
        tags,
        summary: "The latest pushes and dry runs with DHIS2's summaries, newest first",
        response: { 200: dhis2PushListSchema, ...errors(401, 403) },
      },
    },
    async (req) => listDhis2Pushes(ctxOf(req)),
  );
};
