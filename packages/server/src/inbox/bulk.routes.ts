import { bulkAssignBodySchema, bulkResultSchema, bulkValidateBodySchema } from "@openclm/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ctxOf } from "../platform/request-context.js";
import { errors } from "../platform/responses.js";
import { bulkAssign, bulkValidate } from "./bulk.service.js";

const tags = ["inbox"];
const response = { 200: bulkResultSchema, ...errors(400, 401, 403) };

/** Bulk actions on the queue: one answer per report, `{ results: [{ id, ok, code? }] }`. */
export const bulkRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/inbox/bulk/validate",
    {
      config: { permission: "report:decide" },
      schema: {
        operationId: "bulkValidateReports",
        tags,
        summary: "Validate up to 100 reports; each is decided on its own, as by decideReport",
        body: bulkValidateBodySchema,
        response,
      },
    },
    async (req) => bulkValidate(ctxOf(req), req.body),
  );

  app.post(
    "/inbox/bulk/assign",
    {
      config: { permission: "report:assign" },
      schema: {
        operationId: "bulkAssignReports",
        tags,
        summary: "Assign up to 100 reports to one person and/or team; each as by assignReport",
        body: bulkAssignBodySchema,
        response,
      },
    },
    async (req) => bulkAssign(ctxOf(req), req.body),
  );
};
