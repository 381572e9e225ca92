import { exportReportsQuerySchema, indicatorQuerySchema, indicatorResultSchema } from "@openclm/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ctxOf } from "../platform/request-context.js";
import { errors } from "../platform/responses.js";
import { startAggregator } from "./aggregator.js";
import { indicatorsCsv } from "./export-indicators.js";
import { exportReports } from "./export-reports.js";
import { exportableIndicators, getPublicIndicators, queryIndicators } from "./indicators.service.js";

const tags = ["dashboard"];
const csvText = z.string().meta({ description: "text/csv" });

export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  const aggregator = await startAggregator(app.services.database, app.log);
  app.addHook("onClose", async () => aggregator.stop());

  app.post(
    "/dashboard/indicators",
    {
      config: { permission: "indicators:read" },
      schema: {
        operationId: "queryIndicators",
        tags,
        summary: "Indicators by metrics, dimensions and filters over a period, within the caller's scope",
        body: indicatorQuerySchema,
        response: { 200: indicatorResultSchema, ...errors(400, 401, 403) },
      },
    },
    async (req) => queryIndicators(ctxOf(req), req.body),
  );

  app.post(
    "/dashboard/indicators/export",
    {
      config: { permission: "indicators:read" },
      schema: {
        operationId: "exportIndicators",
        tags,
        summary:
          "The same query as CSV, through disclosure control (it leaves the programme): reports shared de-identified, one calendar month, quarter or year, perturbed and suppressed",
        body: indicatorQuerySchema,
        response: { 200: csvText, ...errors(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const result = await exportableIndicators(ctxOf(req), req.body);
      return reply
        .type("text/csv; charset=utf-8")
        .header("Content-Disposition", `attachment; filename="indicators-${req.body.from}-${req.body.to}.csv"`)
        .serializer((s: unknown) => s as string)
        .send(indicatorsCsv(req.body, result));
    },
  );

  app.get(
    "/dashboard/reports/export",
    {
      config: { permission: "export:reports" },
      schema: {
        operationId: "exportReports",
        tags,
        summary: "De-identified reports of the period within the caller's scope, as streamed CSV",
        querystring: exportReportsQuerySchema,
        response: { 200: z.any().meta({ description: "text/csv" }), ...errors(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const stream = await exportReports(ctxOf(req), req.query);
      return reply
        .type("text/csv; charset=utf-8")
        .header("Content-Disposition", `attachment; filename="reports-${req.query.from}-${req.query.to}.csv"`)
        .header("Cache-Control", "no-store")
        .send(stream);
    },
  );

  app.post(
    "/public/indicators",
    {
      config: { auth: "public", limit: "publicIndicators" },
      schema: {
        operationId: "getPublicIndicators",
        tags,
        summary:
          "Country-wide indicators for everyone, for one calendar month, quarter or year, perturbed and with small cells suppressed",
        body: indicatorQuerySchema,
        response: { 200: indicatorResultSchema, ...errors(400, 429) },
      },
    },
    async (req) => getPublicIndicators(ctxOf(req), req.body),
  );
};
