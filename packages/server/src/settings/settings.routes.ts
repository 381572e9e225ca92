import { settingsHistorySchema, settingsSchema, updateSettingsBodySchema } from "@openclm/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ctxOf } from "../platform/request-context.js";
import { errors } from "../platform/responses.js";
import { getSettings, listSettingsHistory, updateSettings } from "./settings.service.js";

const tags = ["settings"];

/**
 * Run-time settings of the platform (PRODUCT.md §7): the shared-device default, retention, suppression, sessions,
 * the duplicate window and whether reporters must be registered. The system administrator's; their history is also
 * the auditor's.
 */
export const settingsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/settings",
    {
      config: { permission: "security:manage" },
      schema: {
        operationId: "getSettings",
        tags,
        summary: "The settings an administrator edits, with defaults filled in",
        response: { 200: settingsSchema, ...errors(401, 403) },
      },
    },
    async (req) => getSettings(ctxOf(req)),
  );
  app.patch(
    "/settings",
    {
      config: { permission: "security:manage" },
      schema: {
        operationId: "updateSettings",
        tags,
        summary: 'Change settings: { "<key>": value }, each value whole and validated; audited',
        body: updateSettingsBodySchema,
        response: { 200: settingsSchema, ...errors(400, 401, 403) },
      },
    },
    async (req) => updateSettings(ctxOf(req), req.body),
  );
  app.get(
    "/settings/history",
    {
      config: { permission: "audit:read" },
      schema: {
        operationId: "listSettingsHistory",
        tags,
        summary: "The latest changes of settings, newest first: who, when, the value before and after",
        response: { 200: settingsHistorySchema, ...errors(401, 403) },
      },
    },
    async (req) => listSettingsHistory(ctxOf(req)),
  );
};
