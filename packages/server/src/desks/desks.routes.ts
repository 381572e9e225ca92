import {
  activateDeskBodySchema,
  deskDeviceSchema,
  deskListSchema,
  idParamSchema,
  issueDeskCodeBodySchema,
  issuedDeskCodeSchema,
  okSchema,
  sendDeskCodeBySmsBodySchema,
} from "@openclm/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ctxOf } from "../platform/request-context.js";
import { errors } from "../platform/responses.js";
import { DESK_COOKIE, deskCookieOptions } from "./desks.hooks.js";
import { activateDesk, getDesk, issueDeskCode, listDesks, revokeDesk, sendDeskCodeBySms } from "./desks.service.js";

const tags = ["desks"];
const setup = { permission: "setup:manage" } as const;

export const desksRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/setup/desks",
    {
      config: setup,
      schema: {
        operationId: "listDesks",
        tags,
        summary: "Facility desks",
        response: { 200: deskListSchema, ...errors(401, 403) },
      },
    },
    async (req) => listDesks(ctxOf(req)),
  );

  app.post(
    "/setup/desks",
    {
      config: setup,
      schema: {
        operationId: "issueDeskCode",
        tags,
        summary: "A new facility desk and its one-time code (shown once, audited)",
        body: issueDeskCodeBodySchema,
        response: { 201: issuedDeskCodeSchema, ...errors(400, 401, 403) },
      },
    },
    async (req, reply) => reply.code(201).send(await issueDeskCode(ctxOf(req), req.body.facilityId)),
  );

  app.delete(
    "/setup/desks/:id",
    {
      config: setup,
      schema: {
        operationId: "revokeDesk",
        tags,
        summary: "Revoke a facility desk: its code and its device stop working (audited)",
        params: idParamSchema,
        response: { 200: okSchema, ...errors(401, 403, 404) },
      },
    },
    async (req) => revokeDesk(ctxOf(req), req.params.id),
  );

  app.post(
    "/desk/activation",
    {
      // Limited like the tracking routes: a code is a short secret.
      config: { auth: "public", limit: "trackWrite" },
      schema: {
        operationId: "activateDesk",
        tags,
        summary: "Set this device up as a facility desk with a one-time desk code",
        body: activateDeskBodySchema,
        response: { 200: deskDeviceSchema, ...errors(400, 404, 429) },
      },
    },
    async (req, reply) => {
      const { token, device } = await activateDesk(ctxOf(req), req.body.code);
      reply.setCookie(DESK_COOKIE, token, deskCookieOptions(req.server.services.config.trustProxy));
      return device;
    },
  );

  app.post(
    "/desk/code-sms",
    {
      config: { auth: "public", limit: "trackWrite" },
      schema: {
        operationId: "sendDeskCodeBySms",
        tags,
        summary: "Send the tracking code of the report this desk just made to the visitor's phone, by SMS",
        body: sendDeskCodeBySmsBodySchema,
        response: { 200: okSchema, ...errors(400, 401, 404, 409, 429) },
      },
    },
    async (req) => sendDeskCodeBySms(ctxOf(req), req.body.clientId),
  );

  app.get(
    "/desk",
    {
      config: { auth: "public" },
      schema: {
        operationId: "getDesk",
        tags,
        summary: "The facility this desk device reports for (401 when the device is not a desk)",
        response: { 200: deskDeviceSchema, ...errors(401) },
      },
    },
    async (req) => getDesk(ctxOf(req)),
  );
};
