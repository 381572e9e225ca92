import {
  benchmarkListSchema,
  benchmarkSeriesSchema,
  idParamSchema,
  importBenchmarkQuerySchema,
  okSchema,
  putTargetBodySchema,
  targetListSchema,
  targetSchema,
  targetsQuerySchema,
} from "@openclm/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ctxOf } from "../platform/request-context.js";
import { errors } from "../platform/responses.js";
import {
  deleteBenchmark,
  deleteTarget,
  importBenchmark,
  listBenchmarks,
  listTargets,
  putTarget,
} from "./dashboard-setup.service.js";

const setup = { permission: "setup:manage" } as const;
const read = { permission: "indicators:read" } as const;
/** A few years of monthly figures per district fit well within this. */
const CSV_LIMIT = 64 * 1024;

/** Targets and benchmark series: set in Set-up, read beside the indicators on the dashboard. */
export const dashboardSetupRoutes: FastifyPluginAsyncZod = async (app) => {
  // Only this plugin's routes take CSV bodies; everywhere else JSON stays the one accepted type.
  app.addContentTypeParser("text/csv", { parseAs: "string", bodyLimit: CSV_LIMIT }, (_req, body, done) =>
    done(null, body),
  );

  app.get(
    "/dashboard/targets",
    {
      config: read,
      schema: {
        operationId: "listTargets",
        tags: ["dashboard"],
        summary: "Targets whose period overlaps [from, to], for one area or every area the caller sees whole",
        querystring: targetsQuerySchema,
        response: { 200: targetListSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => listTargets(ctxOf(req), req.query),
  );

  app.put(
    "/setup/targets",
    {
      config: setup,
      schema: {
        operationId: "putTarget",
        tags: ["setup"],
        summary: "Sets the target of a metric, period and area (replacing any value set before)",
        body: putTargetBodySchema,
        response: { 200: targetSchema, ...errors(400, 401, 403) },
      },
    },
    async (req) => putTarget(ctxOf(req), req.body),
  );

  app.delete(
    "/setup/targets/:id",
    {
      config: setup,
      schema: {
        operationId: "deleteTarget",
        tags: ["setup"],
        params: idParamSchema,
        response: { 200: okSchema, ...errors(401, 403, 404) },
      },
    },
    async (req) => deleteTarget(ctxOf(req), req.params.id),
  );

  app.get(
    "/dashboard/benchmarks",
    {
      config: read,
      schema: {
        operationId: "listBenchmarks",
        tags: ["dashboard"],
        summary: "Imported benchmark series with their points",
        response: { 200: benchmarkListSchema, ...errors(401, 403) },
      },
    },
    async (req) => listBenchmarks(ctxOf(req)),
  );

  app.post(
    "/setup/benchmarks",
    {
      config: setup,
      bodyLimit: CSV_LIMIT,
      schema: {
        operationId: "importBenchmark",
        tags: ["setup"],
        summary: "Imports a CSV series (period,area_code,value); a file with a bad row is refused whole",
        consumes: ["text/csv"],
        querystring: importBenchmarkQuerySchema,
        body: z.string().meta({ description: "text/csv with the columns period,area_code,value" }),
        response: { 201: benchmarkSeriesSchema, ...errors(400, 401, 403, 413, 415) },
      },
    },
    async (req, reply) => reply.code(201).send(await importBenchmark(ctxOf(req), req.query, req.body)),
  );

  app.delete(
    "/setup/benchmarks/:id",
    {
      config: setup,
      schema: {
        operationId: "deleteBenchmark",
        tags: ["setup"],
        params: idParamSchema,
        response: { 200: okSchema, ...errors(401, 403, 404) },
      },
    },
    async (req) => deleteBenchmark(ctxOf(req), req.params.id),
  );
};
