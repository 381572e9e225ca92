import {
  AREA_IMPORT_MAX_BYTES,
  FACILITY_IMPORT_MAX_BYTES,
  facilityInputSchema,
  idParamSchema,
  importAreasBodySchema,
  importAreasResultSchema,
  importFacilitiesBodySchema,
  importFacilitiesResultSchema,
  setFacilityActiveBodySchema,
  setupAreaSchema,
  setupFacilitiesQuerySchema,
  setupFacilityDetailSchema,
  setupFacilityListSchema,
  setupFacilitySchema,
  updateAreaBodySchema,
} from "@openclm/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ctxOf } from "../platform/request-context.js";
import { errors } from "../platform/responses.js";
import { getSetupArea, updateArea } from "./area-editor.js";
import {
  exportFacilities,
  importFacilities,
  listSetupFacilities,
  setFacilityActive,
} from "./facilities-setup.service.js";
import { createFacility, getSetupFacility, updateFacility } from "./facility-editor.js";
import { importAreas } from "./import-areas.js";

const setup = { permission: "setup:manage" } as const;
const tags = ["setup"];
/** JSON escaping adds to the file's own size: room for that above the file limits. */
const jsonRoom = (bytes: number) => Math.ceil(bytes * 1.25) + 4096;

/** Set-up of the country's geography and facilities (issue 13 items 3 and 4). */
export const geographySetupRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/setup/areas/import",
    {
      config: setup,
      bodyLimit: jsonRoom(AREA_IMPORT_MAX_BYTES),
      schema: {
        operationId: "importAreas",
        tags,
        summary:
          "Loads the whole geography (GeoJSON or CSV); areas matched by code, those no longer listed retired; any problem refuses the file",
        body: importAreasBodySchema,
        response: { 200: importAreasResultSchema, ...errors(400, 401, 403, 413) },
      },
    },
    async (req) => importAreas(ctxOf(req), req.body),
  );

  app.post(
    "/setup/facilities/import",
    {
      config: setup,
      bodyLimit: jsonRoom(FACILITY_IMPORT_MAX_BYTES),
      schema: {
        operationId: "importFacilities",
        tags,
        summary: "Creates or updates facilities by code from a CSV; any bad row refuses the file",
        body: importFacilitiesBodySchema,
        response: { 200: importFacilitiesResultSchema, ...errors(400, 401, 403, 413) },
      },
    },
    async (req) => importFacilities(ctxOf(req), req.body),
  );

  app.get(
    "/setup/facilities/export",
    {
      config: setup,
      schema: {
        operationId: "exportFacilities",
        tags,
        summary: "The facilities the caller manages as the CSV importFacilities reads",
        response: { 200: z.string().meta({ description: "text/csv" }), ...errors(401, 403) },
      },
    },
    async (req, reply) =>
      reply
        .type("text/csv; charset=utf-8")
        .header("Content-Disposition", 'attachment; filename="facilities.csv"')
        .header("Cache-Control", "no-store")
        .serializer((s: unknown) => s as string)
        .send(await exportFacilities(ctxOf(req))),
  );

  app.get(
    "/setup/facilities",
    {
      config: setup,
      schema: {
        operationId: "listSetupFacilities",
        tags,
        summary: "The facilities the caller manages, active and retired",
        querystring: setupFacilitiesQuerySchema,
        response: { 200: setupFacilityListSchema, ...errors(400, 401, 403) },
      },
    },
    async (req) => listSetupFacilities(ctxOf(req), req.query.lang),
  );

  app.patch(
    "/setup/facilities/:id",
    {
      config: setup,
      schema: {
        operationId: "setFacilityActive",
        tags,
        summary: "Retires a facility (hidden from Near Me and new reports, kept for history) or brings it back",
        params: idParamSchema,
        body: setFacilityActiveBodySchema,
        response: { 200: setupFacilitySchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => setFacilityActive(ctxOf(req), req.params.id, req.body.active),
  );

  app.get(
    "/setup/areas/:id",
    {
      config: setup,
      schema: {
        operationId: "getSetupArea",
        tags,
        summary: "One area the caller manages, with its names in every language, population and boundary",
        params: idParamSchema,
        response: { 200: setupAreaSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => getSetupArea(ctxOf(req), req.params.id),
  );

  app.patch(
    "/setup/areas/:id",
    {
      config: setup,
      bodyLimit: jsonRoom(AREA_IMPORT_MAX_BYTES),
      schema: {
        operationId: "updateArea",
        tags,
        summary: "Edits one area's names, population or boundary (checked like an imported one); audited",
        params: idParamSchema,
        body: updateAreaBodySchema,
        response: { 200: setupAreaSchema, ...errors(400, 401, 403, 404, 413) },
      },
    },
    async (req) => updateArea(ctxOf(req), req.params.id, req.body),
  );

  app.post(
    "/setup/facilities",
    {
      config: setup,
      schema: {
        operationId: "createFacility",
        tags,
        summary: "Creates one facility, checked by the rules of a facility file row; audited",
        body: facilityInputSchema,
        response: { 201: setupFacilityDetailSchema, ...errors(400, 401, 403) },
      },
    },
    async (req, reply) => reply.code(201).send(await createFacility(ctxOf(req), req.body)),
  );

  app.get(
    "/setup/facilities/:id",
    {
      config: setup,
      schema: {
        operationId: "getSetupFacility",
        tags,
        summary: "Every field of one facility the caller manages",
        params: idParamSchema,
        response: { 200: setupFacilityDetailSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => getSetupFacility(ctxOf(req), req.params.id),
  );

  app.put(
    "/setup/facilities/:id",
    {
      config: setup,
      schema: {
        operationId: "updateFacility",
        tags,
        summary: "Edits every field of one facility; its code is fixed once reports name it (409); audited",
        params: idParamSchema,
        body: facilityInputSchema,
        response: { 200: setupFacilityDetailSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => updateFacility(ctxOf(req), req.params.id, req.body),
  );
};
