import {
  changeReportConsentBodySchema,
  changeReportConsentByCodeBodySchema,
  confirmResolutionBodySchema,
  confirmResolutionByCodeBodySchema,
  deleteMyReportByCodeBodySchema,
  erasedReportSchema,
  followReportByPushBodySchema,
  myAssistedReportsSchema,
  okSchema,
  replyToReportBodySchema,
  replyToReportByCodeBodySchema,
  reportMessageSchema,
  submitReportBodySchema,
  submitReportResultSchema,
  trackedReportSchema,
  trackingCodeParamSchema,
  trackReportBodySchema,
  unfollowReportByPushBodySchema,
} from "@openclm/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { followReportByPush, unfollowReportByPush } from "../notifications/web-push.service.js";
import { ctxOf } from "../platform/request-context.js";
import { errors } from "../platform/responses.js";
import { changeReportConsent } from "./change-consent.js";
import { confirmResolution } from "./confirm-resolution.js";
import { deleteMyReport } from "./delete-my-report.js";
import { listMyAssistedReports } from "./my-assisted-reports.js";
import { replyToReport } from "./reply-to-report.js";
import { submitReport } from "./submit-report.js";
import { trackReport } from "./track-report.js";

const tags = ["reporting"];

export const reportsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/reports",
    {
      // Limited per address and per device (platform/rate-limit.hooks.ts), refused before the report reaches intake.
      config: { auth: "public", limit: "intake" },
      schema: {
        operationId: "submitReport",
        tags,
        summary: "Report a challenge. 201 the first time; the same clientId again answers 200 with the same body.",
        body: submitReportBodySchema,
        response: {
          201: submitReportResultSchema,
          200: submitReportResultSchema,
          ...errors(400, 401, 403, 409, 413, 415, 429),
        },
      },
    },
    async (req, reply) => {
      const { created, result } = await submitReport(ctxOf(req), req.body);
      return reply.code(created ? 201 : 200).send(result);
    },
  );

  app.get(
    "/me/assisted-reports",
    {
      config: { permission: "report:submit_on_behalf" },
      schema: {
        operationId: "listMyAssistedReports",
        tags,
        summary:
          "The reports the signed-in peer supporter made on others' behalf, with their status (no personal data)",
        response: { 200: myAssistedReportsSchema, ...errors(401, 403) },
      },
    },
    async (req) => listMyAssistedReports(ctxOf(req)),
  );

  await app.register(trackingRoutes);
};

/**
 * The tracking routes take a secret: limited per address (platform/rate-limit settings: enough for a person checking their
 * reports, far too few to enumerate tracking codes). Each verb exists twice: with the code in the path (the published contract) and with the code in the body
 * (what the app uses, so the code reaches no URL). Logs redact the path form (platform/logger.ts redactUrl).
 */
const trackingRoutes: FastifyPluginAsyncZod = async (tracking) => {
  const read = { auth: "public", limit: "track" } as const;
  const write = { auth: "public", limit: "trackWrite" } as const;

  tracking.get(
    "/reports/track/:trackingCode",
    {
      config: read,
      schema: {
        operationId: "trackReport",
        tags,
        summary: "The reporter's view of a report, by its tracking code",
        params: trackingCodeParamSchema,
        response: { 200: trackedReportSchema, ...errors(400, 404, 429) },
      },
    },
    async (req, reply) => {
      reply.header("Cache-Control", "no-store");
      return trackReport(ctxOf(req), req.params.trackingCode);
    },
  );
  tracking.post(
    "/reports/track",
    {
      config: read,
      schema: {
        operationId: "trackReportByCode",
        tags,
        summary: "As trackReport, with the tracking code in the body (it then appears in no URL or log)",
        body: trackReportBodySchema,
        response: { 200: trackedReportSchema, ...errors(400, 404, 429) },
      },
    },
    async (req, reply) => {
      reply.header("Cache-Control", "no-store");
      return trackReport(ctxOf(req), req.body.trackingCode);
    },
  );

  tracking.post(
    "/reports/track/:trackingCode/messages",
    {
      config: write,
      schema: {
        operationId: "replyToReport",
        tags,
        summary: "The reporter writes to the responder",
        params: trackingCodeParamSchema,
        body: replyToReportBodySchema,
        response: { 201: reportMessageSchema, ...errors(400, 404, 409, 413, 429) },
      },
    },
    async (req, reply) => reply.code(201).send(await replyToReport(ctxOf(req), req.params.trackingCode, req.body)),
  );
  tracking.post(
    "/reports/track/messages",
    {
      config: write,
      schema: {
        operationId: "replyToReportByCode",
        tags,
        summary: "As replyToReport, with the tracking code in the body",
        body: replyToReportByCodeBodySchema,
        response: { 201: reportMessageSchema, ...errors(400, 404, 409, 413, 429) },
      },
    },
    async (req, reply) => {
      const { trackingCode, ...input } = req.body;
      return reply.code(201).send(await replyToReport(ctxOf(req), trackingCode, input));
    },
  );

  tracking.post(
    "/reports/track/:trackingCode/confirmation",
    {
      config: write,
      schema: {
        operationId: "confirmResolution",
        tags,
        summary: "The reporter says whether the resolved challenge was really resolved; no reopens it",
        params: trackingCodeParamSchema,
        body: confirmResolutionBodySchema,
        response: { 200: trackedReportSchema, ...errors(400, 404, 409, 429) },
      },
    },
    async (req) => confirmResolution(ctxOf(req), req.params.trackingCode, req.body),
  );
  tracking.post(
    "/reports/track/confirmation",
    {
      config: write,
      schema: {
        operationId: "confirmResolutionByCode",
        tags,
        summary: "As confirmResolution, with the tracking code in the body",
        body: confirmResolutionByCodeBodySchema,
        response: { 200: trackedReportSchema, ...errors(400, 404, 409, 429) },
      },
    },
    async (req) => {
      const { trackingCode, ...input } = req.body;
      return confirmResolution(ctxOf(req), trackingCode, input);
    },
  );

  tracking.delete(
    "/reports/track/:trackingCode",
    {
      config: write,
      schema: {
        operationId: "deleteMyReport",
        tags,
        summary:
          "The reporter deletes the report: its personal data, messages and notes are erased, its de-identified facts " +
          "stay counted, and the tracking code stops working (404 afterwards)",
        params: trackingCodeParamSchema,
        response: { 200: erasedReportSchema, ...errors(400, 404, 429) },
      },
    },
    async (req, reply) => {
      reply.header("Cache-Control", "no-store");
      return deleteMyReport(ctxOf(req), req.params.trackingCode);
    },
  );
  tracking.post(
    "/reports/track/push",
    {
      config: write,
      schema: {
        operationId: "followReportByPush",
        tags,
        summary:
          "Tell me when someone answers: this browser's push subscription follows the report (endpoint and keys " +
          "encrypted; removed when the report is erased, turned off, or the push service forgets it)",
        body: followReportByPushBodySchema,
        response: { 200: okSchema, ...errors(400, 404, 429) },
      },
    },
    async (req) => {
      await followReportByPush(ctxOf(req), req.body);
      return { ok: true as const };
    },
  );
  tracking.post(
    "/reports/track/push/remove",
    {
      config: write,
      schema: {
        operationId: "unfollowReportByPush",
        tags,
        summary: "This browser no longer follows the report",
        body: unfollowReportByPushBodySchema,
        response: { 200: okSchema, ...errors(400, 404, 429) },
      },
    },
    async (req) => {
      await unfollowReportByPush(ctxOf(req), req.body);
      return { ok: true as const };
    },
  );
  tracking.post(
    "/reports/track/erase",
    {
      config: write,
      schema: {
        operationId: "deleteMyReportByCode",
        tags,
        summary: "As deleteMyReport, with the tracking code in the body",
        body: deleteMyReportByCodeBodySchema,
        response: { 200: erasedReportSchema, ...errors(400, 404, 429) },
      },
    },
    async (req, reply) => {
      reply.header("Cache-Control", "no-store");
      return deleteMyReport(ctxOf(req), req.body.trackingCode);
    },
  );

  tracking.post(
    "/reports/track/:trackingCode/consent",
    {
      config: write,
      schema: {
        operationId: "changeReportConsent",
        tags,
        summary: "The reporter changes what may be done with the report; withdrawing contact deletes the phone number",
        params: trackingCodeParamSchema,
        body: changeReportConsentBodySchema,
        response: { 200: trackedReportSchema, ...errors(400, 404, 429) },
      },
    },
    async (req) => changeReportConsent(ctxOf(req), req.params.trackingCode, req.body),
  );
  tracking.post(
    "/reports/track/consent",
    {
      config: write,
      schema: {
        operationId: "changeReportConsentByCode",
        tags,
        summary: "As changeReportConsent, with the tracking code in the body",
        body: changeReportConsentByCodeBodySchema,
        response: { 200: trackedReportSchema, ...errors(400, 404, 429) },
      },
    },
    async (req) => {
      const { trackingCode, ...input } = req.body;
      return changeReportConsent(ctxOf(req), trackingCode, input);
    },
  );
};
