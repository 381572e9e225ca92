import {
  changePasswordBodySchema,
  completePasswordResetBodySchema,
  createStaffUserBodySchema,
  idParamSchema,
  loginBodySchema,
  loginResultSchema,
  meSchema,
  mfaEnrolmentSchema,
  okSchema,
  passwordResetLinkSchema,
  reauthBodySchema,
  staffUserListSchema,
  staffUserSchema,
  updateStaffUserBodySchema,
  verifyMfaBodySchema,
  verifyMfaResultSchema,
} from "@openclm/contracts";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ctxOf } from "../platform/request-context.js";
import { errors } from "../platform/responses.js";
import { sessionCookieOptions } from "./auth.hooks.js";
import { changePassword } from "./change-password.js";
import { completePasswordReset, issuePasswordReset } from "./password-reset.js";
import { SESSION_COOKIE } from "./sessions.js";
import { reauthenticate, signIn, signOut, startMfaEnrolment, verifyMfa } from "./sign-in.js";
import { createStaffUser, getMe, listStaffUsers, resetStaffMfa, updateStaffUser } from "./staff-users.service.js";

const tags = ["identity"];

function ctxWithIp(req: FastifyRequest) {
  return { ...ctxOf(req), ip: req.ip };
}

function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(req.server.services.config.trustProxy));
}

export const identityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/auth/login",
    {
      config: { auth: "public" },
      schema: {
        operationId: "login",
        tags,
        summary: "First factor: email and password. Sets a password-only session cookie.",
        body: loginBodySchema,
        response: { 200: loginResultSchema, ...errors(400, 401, 429) },
      },
    },
    async (req, reply) => {
      const result = await signIn(ctxWithIp(req), req.body, req.headers["user-agent"]);
      setSessionCookie(req, reply, result.token);
      return { mfaRequired: true as const, enrolmentRequired: result.enrolmentRequired };
    },
  );

  app.post(
    "/auth/mfa/enrolment",
    {
      config: { auth: "pending" },
      schema: {
        operationId: "startMfaEnrolment",
        tags,
        summary: "Start setting up an authenticator app (password-only session, not yet enrolled)",
        response: { 200: mfaEnrolmentSchema, ...errors(401, 409) },
      },
    },
    async (req) => startMfaEnrolment(ctxOf(req)),
  );

  app.post(
    "/auth/mfa",
    {
      config: { auth: "pending" },
      schema: {
        operationId: "verifyMfa",
        tags,
        summary: "Second factor: a TOTP code or a recovery code. Replaces the session cookie with a full session.",
        body: verifyMfaBodySchema,
        response: { 200: verifyMfaResultSchema, ...errors(400, 401, 409, 429) },
      },
    },
    async (req, reply) => {
      const ctx = ctxWithIp(req);
      const result = await verifyMfa(ctx, req.body, req.headers["user-agent"]);
      setSessionCookie(req, reply, result.token);
      return { me: await getMe(ctx, result.userId), recoveryCodes: result.recoveryCodes };
    },
  );

  app.post(
    "/auth/logout",
    {
      config: { auth: "public" },
      schema: {
        operationId: "logout",
        tags,
        summary: "Sign out of this session",
        response: { 200: okSchema },
      },
    },
    async (req, reply) => {
      await signOut(ctxOf(req), false);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return { ok: true as const };
    },
  );

  app.post(
    "/auth/logout-all",
    {
      config: { auth: "staff", beforePasswordChange: true },
      schema: {
        operationId: "logoutAll",
        tags,
        summary: "Sign out of every session of this account",
        response: { 200: okSchema, ...errors(401) },
      },
    },
    async (req, reply) => {
      await signOut(ctxOf(req), true);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return { ok: true as const };
    },
  );

  app.post(
    "/auth/reauth",
    {
      config: { auth: "staff" },
      schema: {
        operationId: "reauthenticate",
        tags,
        summary: "Confirm password and code before a sensitive change (valid five minutes)",
        body: reauthBodySchema,
        response: { 200: okSchema, ...errors(400, 401, 429) },
      },
    },
    async (req) => {
      await reauthenticate(ctxWithIp(req), req.body);
      return { ok: true as const };
    },
  );

  app.get(
    "/me",
    {
      config: { auth: "staff", beforePasswordChange: true },
      schema: {
        operationId: "getMe",
        tags,
        summary: "The signed-in staff member",
        response: { 200: meSchema, ...errors(401) },
      },
    },
    async (req) => getMe(ctxOf(req)),
  );

  app.get(
    "/staff-users",
    {
      config: { permission: "users:manage" },
      schema: { operationId: "listStaffUsers", tags, response: { 200: staffUserListSchema, ...errors(401, 403) } },
    },
    async (req) => listStaffUsers(ctxOf(req)),
  );

  app.post(
    "/staff-users",
    {
      config: { permission: "users:manage" },
      schema: {
        operationId: "createStaffUser",
        tags,
        body: createStaffUserBodySchema,
        response: { 201: staffUserSchema, ...errors(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await createStaffUser(ctxOf(req), req.body)),
  );

  app.patch(
    "/staff-users/:id",
    {
      config: { permission: "users:manage" },
      schema: {
        operationId: "updateStaffUser",
        tags,
        params: idParamSchema,
        body: updateStaffUserBodySchema,
        response: { 200: staffUserSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => updateStaffUser(ctxOf(req), req.params.id, req.body),
  );

  app.post(
    "/staff-users/:id/mfa-reset",
    {
      config: { permission: "users:manage" },
      schema: {
        operationId: "resetStaffMfa",
        tags,
        params: idParamSchema,
        response: { 200: okSchema, ...errors(401, 403, 404) },
      },
    },
    async (req) => {
      await resetStaffMfa(ctxOf(req), req.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    "/auth/password",
    {
      config: { auth: "staff", beforePasswordChange: true },
      schema: {
        operationId: "changePassword",
        tags,
        summary: "Change your own password (the current one is required); every other session of yours ends",
        body: changePasswordBodySchema,
        response: { 200: okSchema, ...errors(400, 401, 429) },
      },
    },
    async (req) => {
      await changePassword(ctxOf(req), req.body);
      return { ok: true as const };
    },
  );

  app.post(
    "/auth/password-reset",
    {
      config: { auth: "public" },
      schema: {
        operationId: "completePasswordReset",
        tags,
        summary:
          "Set a new password with a one-time reset link from an administrator; the second factor is set up anew",
        body: completePasswordResetBodySchema,
        response: { 200: okSchema, ...errors(400, 429) },
      },
    },
    async (req) => {
      await completePasswordReset(ctxWithIp(req), req.body);
      return { ok: true as const };
    },
  );

  app.post(
    "/staff-users/:id/password-reset",
    {
      config: { permission: "users:manage" },
      schema: {
        operationId: "issuePasswordReset",
        tags,
        summary: "Issue a one-time reset link (24 h); the old password and second factor stop working at once",
        params: idParamSchema,
        response: { 201: passwordResetLinkSchema, ...errors(401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await issuePasswordReset(ctxOf(req), req.params.id)),
  );
};
