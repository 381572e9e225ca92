import { auditPageSchema, auditQuerySchema, auditVerificationSchema } from "@openclm/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ctxOf } from "../platform/request-context.js";
import { errors } from "../platform/responses.js";
import { listAuditEvents, verifyAuditLog } from "./audit.query.js";

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/audit-events",
    {
      config: { permission: "audit:read" },
      schema: {
        operationId: "listAuditEvents",
        tags: ["audit"],
        summary: "The audit log, newest first (auditors and system admins)",
        querystring: auditQuerySchema,
        response: { 200: auditPageSchema, ...errors(400, 401, 403) },
      },
    },
    async (req) => listAuditEvents(ctxOf(req), req.query),
  );

  app.post(
    "/audit/verification",
    {
      config: { permission: "audit:read", limit: "auditVerify" },
      schema: {
        operationId: "verifyAuditLog",
        tags: ["audit"],
        summary:
          "Runs the integrity check of `npm run audit:verify` (hash chain and signed checkpoints) and answers the head hash; audited; at most 10 at once and 60 an hour per account (429 with Retry-After)",
        response: { 200: auditVerificationSchema, ...errors(401, 403, 429) },
      },
    },
    async (req) => verifyAuditLog(ctxOf(req)),
  );
};
