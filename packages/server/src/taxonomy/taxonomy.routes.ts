import {
  createTaxonomyItemBodySchema,
  importTaxonomyBodySchema,
  importTaxonomyResultSchema,
  setupTaxonomyItemSchema,
  setupTaxonomySchema,
  TAXONOMY_IMPORT_MAX_BYTES,
  taxonomyCodeParamSchema,
  updateTaxonomyItemBodySchema,
} from "@openclm/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ctxOf } from "../platform/request-context.js";
import { errors } from "../platform/responses.js";
import { exportTaxonomy, importTaxonomy } from "./taxonomy-import.js";
import { createTaxonomyItem, getSetupTaxonomy, updateTaxonomyItem } from "./taxonomy-setup.service.js";

const setup = { permission: "setup:manage" } as const;
const tags = ["setup"];

/**
 * Set-up of the challenge taxonomy and the key-population list (issue 13 item 5): country-wide, so the verbs also
 * require a country-wide scope (a region's administrator is refused with 403).
 */
export const taxonomySetupRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/setup/taxonomy",
    {
      config: setup,
      schema: {
        operationId: "getSetupTaxonomy",
        tags,
        summary: "Every taxonomy item and key population, retired ones too, with all labels and whether reports use it",
        response: { 200: setupTaxonomySchema, ...errors(401, 403) },
      },
    },
    async (req) => getSetupTaxonomy(ctxOf(req)),
  );

  app.post(
    "/setup/taxonomy",
    {
      config: setup,
      schema: {
        operationId: "createTaxonomyItem",
        tags,
        summary: "Adds a category, subcategory, challenge type or key population; offered in the report flow at once",
        body: createTaxonomyItemBodySchema,
        response: { 201: setupTaxonomyItemSchema, ...errors(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await createTaxonomyItem(ctxOf(req), req.body)),
  );

  app.patch(
    "/setup/taxonomy/:code",
    {
      config: setup,
      schema: {
        operationId: "updateTaxonomyItem",
        tags,
        summary: "Changes labels, order or active (retire/restore); corrects a code no report uses (409 CODE_IN_USE)",
        params: taxonomyCodeParamSchema,
        body: updateTaxonomyItemBodySchema,
        response: { 200: setupTaxonomyItemSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => updateTaxonomyItem(ctxOf(req), req.params.code, req.body),
  );

  app.get(
    "/setup/taxonomy/export",
    {
      config: setup,
      schema: {
        operationId: "exportTaxonomy",
        tags,
        summary: "The taxonomy as an XLSForm-style .xlsx (choices sheet with label::<lang> columns)",
        response: {
          200: z.any().meta({ description: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }),
          ...errors(401, 403),
        },
      },
    },
    async (req, reply) =>
      reply
        .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("Content-Disposition", 'attachment; filename="taxonomy.xlsx"')
        .header("Cache-Control", "no-store")
        .send(await exportTaxonomy(ctxOf(req))),
  );

  app.post(
    "/setup/taxonomy/import",
    {
      config: setup,
      bodyLimit: Math.ceil((TAXONOMY_IMPORT_MAX_BYTES * 4) / 3) + 4096,
      schema: {
        operationId: "importTaxonomy",
        tags,
        summary:
          "Loads the taxonomy spreadsheet (base64 .xlsx); any problem is listed by sheet row and nothing applied",
        body: importTaxonomyBodySchema,
        response: { 200: importTaxonomyResultSchema, ...errors(400, 401, 403, 413) },
      },
    },
    async (req) => importTaxonomy(ctxOf(req), req.body),
  );
};
