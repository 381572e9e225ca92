import {
  communityAccountSchema,
  communityDataExportSchema,
  communityLoginBodySchema,
  myReportsSchema,
  okSchema,
  registerCommunityAccountBodySchema,
} from "@openclm/contracts";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ctxOf } from "../platform/request-context.js";
import { errors } from "../platform/responses.js";
import {
  communityLogin,
  communityLogout,
  deleteCommunityAccount,
  exportMyCommunityData,
  getCommunityAccount,
  listMyReports,
  registerCommunityAccount,
} from "./community-accounts.service.js";
import { COMMUNITY_COOKIE, communityCookieOptions } from "./community-sessions.js";

const tags = ["community"];

function setCookie(req: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(COMMUNITY_COOKIE, token, communityCookieOptions(req.server.services.config.trustProxy));
}

/**
 * Optional community accounts. Registration and sign-in are public; the "my …" routes declare `auth: "community"`
 * (a community session, else 401; see identity/auth.hooks.ts) and their verbs check the actor again.
 */
export const communityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/community/accounts",
    {
      config: { auth: "public", limit: "register" },
      schema: {
        operationId: "registerCommunityAccount",
        tags,
        summary: "Create a community account (nickname and PIN or password; no email or phone) and sign in",
        body: registerCommunityAccountBodySchema,
        response: { 201: communityAccountSchema, ...errors(400, 409, 429) },
      },
    },
    async (req, reply) => {
      const { account, token } = await registerCommunityAccount(ctxOf(req), req.body);
      setCookie(req, reply, token);
      return reply.code(201).send(account);
    },
  );

  app.post(
    "/community/login",
    {
      config: { auth: "public" },
      schema: {
        operationId: "communityLogin",
        tags,
        summary: "Sign in to a community account",
        body: communityLoginBodySchema,
        response: { 200: communityAccountSchema, ...errors(400, 401, 429) },
      },
    },
    async (req, reply) => {
      const { account, token } = await communityLogin({ ...ctxOf(req), ip: req.ip }, req.body);
      setCookie(req, reply, token);
      return account;
    },
  );

  app.post(
    "/community/logout",
    {
      config: { auth: "public" },
      schema: { operationId: "communityLogout", tags, summary: "Sign out", response: { 200: okSchema } },
    },
    async (req, reply) => {
      await communityLogout(ctxOf(req), req.communitySessionHash);
      reply.clearCookie(COMMUNITY_COOKIE, { path: "/" });
      return { ok: true as const };
    },
  );

  app.get(
    "/community/accounts/me",
    {
      config: { auth: "community" },
      schema: {
        operationId: "getCommunityAccount",
        tags,
        summary: "The signed-in community account",
        response: { 200: communityAccountSchema, ...errors(401) },
      },
    },
    async (req) => getCommunityAccount(ctxOf(req)),
  );

  app.get(
    "/community/reports",
    {
      config: { auth: "community" },
      schema: {
        operationId: "listMyReports",
        tags,
        summary: "Tracking codes and status of the signed-in member's reports",
        response: { 200: myReportsSchema, ...errors(401) },
      },
    },
    async (req, reply) => {
      reply.header("Cache-Control", "no-store");
      return listMyReports(ctxOf(req));
    },
  );

  app.get(
    "/community/accounts/me/export",
    {
      config: { auth: "community" },
      schema: {
        operationId: "exportMyCommunityData",
        tags,
        summary: "Everything held about the signed-in member (account, reports, messages), as one JSON document",
        response: { 200: communityDataExportSchema, ...errors(401) },
      },
    },
    async (req, reply) => {
      reply.header("Cache-Control", "no-store");
      reply.header("Content-Disposition", 'attachment; filename="my-data.json"');
      return exportMyCommunityData(ctxOf(req));
    },
  );

  app.delete(
    "/community/accounts/me",
    {
      config: { auth: "community" },
      schema: {
        operationId: "deleteCommunityAccount",
        tags,
        summary:
          "Delete the account; its reports are erased as deleteMyReport does (their de-identified facts stay counted)",
        response: { 200: okSchema, ...errors(401) },
      },
    },
    async (req, reply) => {
      await deleteCommunityAccount(ctxOf(req));
      reply.clearCookie(COMMUNITY_COOKIE, { path: "/" });
      return { ok: true as const };
    },
  );
};
