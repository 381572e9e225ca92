import {
  assigneeListSchema,
  assignReportBodySchema,
  bulkAssigneesQuerySchema,
  changeReportStatusBodySchema,
  decideReportBodySchema,
  duplicateCandidatesSchema,
  inboxPageSchema,
  inboxReportSchema,
  listInboxQuerySchema,
  mergeReportBodySchema,
  reopenReportBodySchema,
  reportIdParamSchema,
  reportMutationResultSchema,
  setRegistrationBodySchema,
  staffMessageBodySchema,
  takeReportBodySchema,
} from "@openclm/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ctxOf } from "../platform/request-context.js";
import { errors } from "../platform/responses.js";
import {
  getInboxReport,
  listAssignees,
  listBulkAssignees,
  listDuplicateCandidates,
  listInbox,
} from "./inbox.service.js";
import { ReportChangeHub, streamReportChanges } from "./inbox.stream.js";
import {
  addInternalNote,
  assignReport,
  changeReportStatus,
  decideReport,
  mergeDuplicateReports,
  reopenReport,
  sendReporterMessage,
  setRegistration,
  takeReport,
} from "./inbox.workflow.js";

const tags = ["inbox"];
const params = reportIdParamSchema;
const mutation = { 200: reportMutationResultSchema, ...errors(400, 401, 403, 404, 409) };

export const inboxRoutes: FastifyPluginAsyncZod = async (app) => {
  const hub = new ReportChangeHub(app.services.database);
  // Open streams end before the server waits for its connections to close, or shutdown would wait for every client.
  app.addHook("preClose", async () => hub.endAll());
  app.addHook("onClose", async () => hub.close());

  app.get(
    "/inbox/reports",
    {
      config: { permission: "inbox:read" },
      schema: {
        operationId: "listInboxReports",
        tags,
        summary: "The report queue within the caller's scope, newest first, with counts per status",
        querystring: listInboxQuerySchema,
        response: { 200: inboxPageSchema, ...errors(400, 401, 403) },
      },
    },
    async (req) => listInbox(ctxOf(req), req.query),
  );

  app.get(
    "/inbox/events",
    {
      config: { permission: "inbox:read", stream: true },
      schema: { operationId: "streamInboxEvents", tags, summary: "Server-Sent Events: report changes in scope" },
    },
    async (req, reply) => streamReportChanges(ctxOf(req), hub, req, reply),
  );

  app.get(
    "/inbox/reports/:id",
    {
      config: { permission: "inbox:read" },
      schema: {
        operationId: "getInboxReport",
        tags,
        params,
        response: { 200: inboxReportSchema, ...errors(401, 403, 404) },
      },
    },
    async (req) => getInboxReport(ctxOf(req), req.params.id),
  );

  app.get(
    "/inbox/reports/:id/duplicates",
    {
      config: { permission: "inbox:read" },
      schema: {
        operationId: "listDuplicateCandidates",
        tags,
        params,
        response: { 200: duplicateCandidatesSchema, ...errors(401, 403, 404) },
      },
    },
    async (req) => listDuplicateCandidates(ctxOf(req), req.params.id),
  );

  app.get(
    "/inbox/reports/:id/assignees",
    {
      config: { permission: "report:assign" },
      schema: {
        operationId: "listAssignees",
        tags,
        params,
        response: { 200: assigneeListSchema, ...errors(401, 403, 404) },
      },
    },
    async (req) => listAssignees(ctxOf(req), req.params.id),
  );

  app.get(
    "/inbox/assignees",
    {
      config: { permission: "report:assign" },
      schema: {
        operationId: "listBulkAssignees",
        tags,
        summary: "People and teams who can take reports in all of these districts (for a bulk assignment)",
        querystring: bulkAssigneesQuerySchema,
        response: { 200: assigneeListSchema, ...errors(400, 401, 403) },
      },
    },
    async (req) => listBulkAssignees(ctxOf(req), req.query.districtIds),
  );

  app.post(
    "/inbox/reports/:id/merge",
    {
      config: { permission: "report:decide" },
      schema: {
        operationId: "mergeDuplicateReports",
        tags,
        summary: "Merge a duplicate into the report about the same problem that stays (declined as its duplicate)",
        params,
        body: mergeReportBodySchema,
        response: mutation,
      },
    },
    async (req) => mergeDuplicateReports(ctxOf(req), req.params.id, req.body),
  );

  app.post(
    "/inbox/reports/:id/take",
    {
      config: { permission: "report:update_status" },
      schema: {
        operationId: "takeReport",
        tags,
        summary: "Take a report nobody holds, in the caller's scope: it is assigned to the caller",
        params,
        body: takeReportBodySchema,
        response: mutation,
      },
    },
    async (req) => takeReport(ctxOf(req), req.params.id, req.body),
  );

  app.post(
    "/inbox/reports/:id/registration",
    {
      config: { permission: "report:decide" },
      schema: {
        operationId: "setReporterRegistration",
        tags,
        summary: "Record whether the reporter is registered with the TB programme (where the programme requires it)",
        params,
        body: setRegistrationBodySchema,
        response: mutation,
      },
    },
    async (req) => setRegistration(ctxOf(req), req.params.id, req.body),
  );

  app.post(
    "/inbox/reports/:id/decision",
    {
      config: { permission: "report:decide" },
      schema: { operationId: "decideReport", tags, params, body: decideReportBodySchema, response: mutation },
    },
    async (req) => decideReport(ctxOf(req), req.params.id, req.body),
  );

  app.post(
    "/inbox/reports/:id/reopen",
    {
      config: { permission: "report:reopen" },
      schema: { operationId: "reopenReport", tags, params, body: reopenReportBodySchema, response: mutation },
    },
    async (req) => reopenReport(ctxOf(req), req.params.id, req.body),
  );

  app.post(
    "/inbox/reports/:id/assignment",
    {
      config: { permission: "report:assign" },
      schema: { operationId: "assignReport", tags, params, body: assignReportBodySchema, response: mutation },
    },
    async (req) => assignReport(ctxOf(req), req.params.id, req.body),
  );

  app.post(
    "/inbox/reports/:id/status",
    {
      config: { permission: "report:update_status" },
      schema: {
        operationId: "changeReportStatus",
        tags,
        params,
        body: changeReportStatusBodySchema,
        response: mutation,
      },
    },
    async (req) => changeReportStatus(ctxOf(req), req.params.id, req.body),
  );

  app.post(
    "/inbox/reports/:id/messages",
    {
      config: { permission: "report:message" },
      schema: { operationId: "sendReporterMessage", tags, params, body: staffMessageBodySchema, response: mutation },
    },
    async (req) => sendReporterMessage(ctxOf(req), req.params.id, req.body),
  );

  app.post(
    "/inbox/reports/:id/notes",
    {
      config: { permission: "report:note" },
      schema: { operationId: "addInternalNote", tags, params, body: staffMessageBodySchema, response: mutation },
    },
    async (req) => addInternalNote(ctxOf(req), req.params.id, req.body),
  );
};
