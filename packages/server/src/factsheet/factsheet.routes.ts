import { factsheetQuerySchema } from "@openclm/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ctxOf } from "../platform/request-context.js";
import { errors } from "../platform/responses.js";
import { getFactsheetData } from "./factsheet.service.js";

/** Area codes are ours, but a file name takes only safe characters whatever a country names its areas. */
const fileSafe = (s: string) => s.replace(/[^A-Za-z0-9_-]+/g, "-");

export const factsheetRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/dashboard/factsheet",
    {
      config: { permission: "indicators:read" },
      schema: {
        operationId: "getFactsheet",
        tags: ["dashboard"],
        summary: "A PDF factsheet of the indicators for a period and area, in a chosen language",
        querystring: factsheetQuerySchema,
        response: { 200: z.any().meta({ description: "application/pdf" }), ...errors(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const model = await getFactsheetData(ctxOf(req), req.query);
      // pdfkit, fontkit and ECharts (a few MB of modules) load with the first factsheet, not with every process.
      const { renderFactsheetPdf } = await import("./factsheet.pdf.js");
      const pdf = await renderFactsheetPdf(model);
      const name = `factsheet-${fileSafe(model.areaCode)}-${req.query.from}-${req.query.to}-${model.lang}.pdf`;
      return reply
        .type("application/pdf")
        .header("Content-Disposition", `attachment; filename="${name}"`)
        .header("Cache-Control", "no-store")
        .send(pdf);
    },
  );
};
