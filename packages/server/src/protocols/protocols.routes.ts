import {
  protocolListSchema,
  protocolParamSchema,
  protocolSchema,
  reportIdParamSchema,
  reportProtocolSchema,
  tickStepBodySchema,
  updateProtocolBodySchema,
} from "@openclm/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ctxOf } from "../platform/request-context.js";
import { errors } from "../platform/responses.js";
import { getReportProtocol, listProtocolsForSetup, tickProtocolStep, updateProtocol } from "./protocols.service.js";

const tags = ["protocols"];

export const protocolsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/inbox/reports/:id/protocol",
    {
      config: { permission: "inbox:read" },
      schema: {
        operationId: "getReportProtocol",
        tags,
        summary: "The response protocol of a report's subcategory: SLA clocks, checklist, rendered templates",
        params: reportIdParamSchema,
        response: { 200: reportProtocolSchema, ...errors(401, 403, 404) },
      },
    },
    async (req) => getReportProtocol(ctxOf(req), req.params.id),
  );

  app.post(
    "/inbox/reports/:id/protocol-steps",
    {
      config: { permission: "report:update_status" },
      schema: {
        operationId: "tickProtocolStep",
        tags,
        summary: "Ticks (done: true) or unticks a checklist step; returns the protocol as it now stands",
        params: reportIdParamSchema,
        body: tickStepBodySchema,
        response: { 200: reportProtocolSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => tickProtocolStep(ctxOf(req), req.params.id, req.body),
  );

  app.get(
    "/setup/protocols",
    {
      config: { permission: "setup:manage" },
      schema: {
        operationId: "listProtocols",
        tags,
        response: { 200: protocolListSchema, ...errors(401, 403) },
      },
    },
    async (req) => listProtocolsForSetup(ctxOf(req)),
  );

  app.patch(
    "/setup/protocols/:subcategoryCode",
    {
      config: { permission: "setup:manage" },
      schema: {
        operationId: "updateProtocol",
        tags,
        summary: "Creates or edits a subcategory's protocol (SLA targets, steps, templates)",
        params: protocolParamSchema,
        body: updateProtocolBodySchema,
        response: { 200: protocolSchema, ...errors(400, 401, 403) },
      },
    },
    async (req) => updateProtocol(ctxOf(req), req.params.subcategoryCode, req.body),
  );
};
