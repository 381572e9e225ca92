import { trainingResetResultSchema, trainingSummarySchema } from "@openclm/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ctxOf } from "../platform/request-context.js";
import { errors } from "../platform/responses.js";
import { getTrainingSummary, resetTrainingData } from "./reset-training.js";

const setup = { permission: "setup:manage" } as const;
const tags = ["setup"];

/** Training mode in Set-up (ADR 0023): how many practice reports there are, and erasing them all. */
export const trainingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/setup/training",
    {
      config: setup,
      schema: {
        operationId: "getTrainingSummary",
        tags,
        summary: "How many practice reports (training mode) the installation holds",
        response: { 200: trainingSummarySchema, ...errors(401, 403) },
      },
    },
    async (req) => getTrainingSummary(ctxOf(req)),
  );

  app.post(
    "/setup/training/reset",
    {
      config: setup,
      schema: {
        operationId: "resetTrainingData",
        tags,
        summary:
          "Erases every practice report (training mode) with its timeline and messages; live reports are untouched; country-wide scope; audited",
        response: { 200: trainingResetResultSchema, ...errors(401, 403) },
      },
    },
    async (req) => resetTrainingData(ctxOf(req)),
  );
};
