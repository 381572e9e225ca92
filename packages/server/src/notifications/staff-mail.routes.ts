import {
  myNotificationPreferencesSchema,
  sendTestEmailBodySchema,
  sendTestEmailResultSchema,
  smtpSettingsSchema,
  updateSmtpSettingsBodySchema,
} from "@openclm/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ctxOf } from "../platform/request-context.js";
import { errors } from "../platform/responses.js";
import { getSmtpSettings, sendTestEmail, updateSmtpSettings } from "./mail-settings.js";
import { myNotificationPreferences, updateMyNotificationPreferences } from "./staff-mail.js";

const tags = ["notifications"];

/**
 * Staff e-mail (issue 14 item 5): each staff member's own choice (account page), and the SMTP server (Set-up, system
 * administrator, like the other integrations' credentials).
 */
export const staffMailRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/me/notifications",
    {
      config: { auth: "staff" },
      schema: {
        operationId: "getMyNotificationPreferences",
        tags,
        summary: "The signed-in staff member's e-mail notifications: immediate, daily digest or off",
        response: { 200: myNotificationPreferencesSchema, ...errors(401) },
      },
    },
    async (req) => myNotificationPreferences(ctxOf(req)),
  );
  app.put(
    "/me/notifications",
    {
      config: { auth: "staff" },
      schema: {
        operationId: "updateMyNotificationPreferences",
        tags,
        summary: "Choose one's own e-mail notifications (new reports in scope, assignments, escalations); audited",
        body: myNotificationPreferencesSchema,
        response: { 200: myNotificationPreferencesSchema, ...errors(400, 401) },
      },
    },
    async (req) => updateMyNotificationPreferences(ctxOf(req), req.body),
  );
  app.get(
    "/notifications/smtp",
    {
      config: { permission: "integrations:manage" },
      schema: {
        operationId: "getSmtpSettings",
        tags,
        summary: "The SMTP server staff e-mail goes through (never the password; SMTP_URL wins when set)",
        response: { 200: smtpSettingsSchema, ...errors(401, 403) },
      },
    },
    async (req) => getSmtpSettings(ctxOf(req)),
  );
  app.put(
    "/notifications/smtp",
    {
      config: { permission: "integrations:manage" },
      schema: {
        operationId: "updateSmtpSettings",
        tags,
        summary: "Set the SMTP server (password encrypted, kept when absent, removed when null); audited",
        body: updateSmtpSettingsBodySchema,
        response: { 200: smtpSettingsSchema, ...errors(400, 401, 403) },
      },
    },
    async (req) => updateSmtpSettings(ctxOf(req), req.body),
  );
  app.post(
    "/notifications/smtp/test",
    {
      config: { permission: "integrations:manage" },
      schema: {
        operationId: "sendTestEmail",
        tags,
        summary: "Send a test e-mail through the SMTP settings in use, to oneself unless an address is given",
        body: sendTestEmailBodySchema,
        response: { 200: sendTestEmailResultSchema, ...errors(400, 401, 403, 503) },
      },
    },
    async (req) => sendTestEmail(ctxOf(req), req.body),
  );
};
