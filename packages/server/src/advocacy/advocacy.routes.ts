import {
  ADVOCACY_DOCUMENT_MAX_BYTES,
  addAdvocacyActionBodySchema,
  advocacyActionCreatedSchema,
  advocacyCaseCreatedSchema,
  advocacyCaseListSchema,
  advocacyCaseParamSchema,
  advocacyCaseSchema,
  advocacyCaseUpdatedSchema,
  advocacyDocumentParamSchema,
  advocacyDocumentSchema,
  advocacyDocumentTypes,
  advocacyOwnerListSchema,
  advocacyStatusResultSchema,
  changeAdvocacyCaseStatusBodySchema,
  createAdvocacyCaseBodySchema,
  linkReportToAdvocacyCaseBodySchema,
  publicAdvocacyCaseListSchema,
  reportAdvocacyCasesSchema,
  reportLinkedToCaseSchema,
  reviewPackQuerySchema,
  updateAdvocacyCaseBodySchema,
  uploadAdvocacyDocumentQuerySchema,
  uuidSchema,
} from "@openclm/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ctxOf } from "../platform/request-context.js";
import { errors } from "../platform/responses.js";
import {
  addAdvocacyAction,
  changeAdvocacyCaseStatus,
  createAdvocacyCase,
  getAdvocacyCase,
  getAdvocacyDocument,
  linkReportToAdvocacyCase,
  listAdvocacyCaseOwners,
  listAdvocacyCases,
  listPublicAdvocacyCases,
  listReportAdvocacyCases,
  updateAdvocacyCase,
  uploadAdvocacyDocument,
} from "./advocacy.service.js";
import { reviewPackModel } from "./review-pack.service.js";

const tags = ["advocacy"];
const manage = { permission: "advocacy:manage" } as const;
const link = { permission: "advocacy:link" } as const;
const actionParamSchema = z.object({ id: uuidSchema, actionId: uuidSchema });
/** A file name for Content-Disposition: safe characters only, whatever the uploader called it. */
const fileSafe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, "-").slice(0, 120) || "document";

export const advocacyRoutes: FastifyPluginAsyncZod = async (app) => {
  // Only document uploads take these bodies here (the bytes are checked again in uploadAdvocacyDocument).
  app.addContentTypeParser(
    [...advocacyDocumentTypes],
    { parseAs: "buffer", bodyLimit: ADVOCACY_DOCUMENT_MAX_BYTES },
    (_req, body, done) => done(null, body),
  );

  app.post(
    "/advocacy/cases",
    {
      config: manage,
      schema: {
        operationId: "createAdvocacyCase",
        tags,
        summary: "Opens a case from a dashboard selection and/or escalated reports in scope (audited)",
        body: createAdvocacyCaseBodySchema,
        response: { 201: advocacyCaseCreatedSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (req, reply) => reply.code(201).send(await createAdvocacyCase(ctxOf(req), req.body)),
  );

  app.get(
    "/advocacy/cases",
    {
      config: manage,
      schema: {
        operationId: "listAdvocacyCases",
        tags,
        summary: "Cases whose area the caller sees, with disclosure-controlled report counts",
        response: { 200: advocacyCaseListSchema, ...errors(401, 403) },
      },
    },
    async (req) => listAdvocacyCases(ctxOf(req)),
  );

  app.get(
    "/advocacy/cases/:id",
    {
      config: manage,
      schema: {
        operationId: "getAdvocacyCase",
        tags,
        summary: "One case: actions, documents, history and the trend before and after the commitment",
        params: advocacyCaseParamSchema,
        response: { 200: advocacyCaseSchema, ...errors(401, 403, 404) },
      },
    },
    async (req) => getAdvocacyCase(ctxOf(req), req.params.id),
  );

  app.patch(
    "/advocacy/cases/:id",
    {
      config: manage,
      schema: {
        operationId: "updateAdvocacyCase",
        tags,
        summary: "Edits the title, the ask, the duty bearer, the target date or the owner (audited; not once resolved)",
        params: advocacyCaseParamSchema,
        body: updateAdvocacyCaseBodySchema,
        response: { 200: advocacyCaseUpdatedSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => updateAdvocacyCase(ctxOf(req), req.params.id, req.body),
  );

  app.get(
    "/advocacy/cases/:id/owners",
    {
      config: manage,
      schema: {
        operationId: "listAdvocacyCaseOwners",
        tags,
        summary: "Who may own the case: staff who manage cases and see its area",
        params: advocacyCaseParamSchema,
        response: { 200: advocacyOwnerListSchema, ...errors(401, 403, 404) },
      },
    },
    async (req) => listAdvocacyCaseOwners(ctxOf(req), req.params.id),
  );

  app.get(
    "/inbox/reports/:id/advocacy-cases",
    {
      config: link,
      schema: {
        operationId: "listReportAdvocacyCases",
        tags,
        summary: "For a report in scope: the cases it is linked to, and the open cases about its place it could join",
        params: advocacyCaseParamSchema,
        response: { 200: reportAdvocacyCasesSchema, ...errors(401, 403, 404) },
      },
    },
    async (req) => listReportAdvocacyCases(ctxOf(req), req.params.id),
  );

  app.post(
    "/inbox/reports/:id/advocacy-cases",
    {
      config: link,
      schema: {
        operationId: "linkReportToAdvocacyCase",
        tags,
        summary: "Links a report in scope to a case the caller sees (audited); not to a resolved case",
        params: advocacyCaseParamSchema,
        body: linkReportToAdvocacyCaseBodySchema,
        response: { 200: reportLinkedToCaseSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => linkReportToAdvocacyCase(ctxOf(req), req.params.id, req.body.caseId),
  );

  app.post(
    "/advocacy/cases/:id/actions",
    {
      config: manage,
      schema: {
        operationId: "addAdvocacyAction",
        tags,
        summary: "Records an action (meeting, letter, media, policy brief, legal referral, other; audited)",
        params: advocacyCaseParamSchema,
        body: addAdvocacyActionBodySchema,
        response: { 201: advocacyActionCreatedSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await addAdvocacyAction(ctxOf(req), req.params.id, req.body)),
  );

  app.post(
    "/advocacy/cases/:id/actions/:actionId/documents",
    {
      config: manage,
      bodyLimit: ADVOCACY_DOCUMENT_MAX_BYTES,
      schema: {
        operationId: "uploadAdvocacyDocument",
        tags,
        summary: `Attaches a document to an action: the file itself as the body with its Content-Type (PDF, PNG, JPEG, WebP, DOCX, XLSX, PPTX, ODT; at most ${ADVOCACY_DOCUMENT_MAX_BYTES / 1024 / 1024} MB)`,
        consumes: [...advocacyDocumentTypes],
        params: actionParamSchema,
        querystring: uploadAdvocacyDocumentQuerySchema,
        body: z.any().meta({ description: "the document's bytes, with their Content-Type" }),
        response: { 201: advocacyDocumentSchema, ...errors(400, 401, 403, 404, 413, 415) },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(
          await uploadAdvocacyDocument(ctxOf(req), req.params, req.query.name, req.headers["content-type"], req.body),
        ),
  );

  app.get(
    "/advocacy/cases/:id/documents/:documentId",
    {
      config: manage,
      schema: {
        operationId: "getAdvocacyDocument",
        tags,
        summary: "Downloads a case's document (always as an attachment)",
        params: advocacyDocumentParamSchema,
        response: { 200: z.any().meta({ description: "the document" }), ...errors(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const doc = await getAdvocacyDocument(ctxOf(req), req.params);
      return reply
        .type(doc.contentType)
        .header("Content-Disposition", `attachment; filename="${fileSafe(doc.name)}"`)
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "no-store")
        .send(doc.data);
    },
  );

  app.post(
    "/advocacy/cases/:id/status",
    {
      config: manage,
      schema: {
        operationId: "changeAdvocacyCaseStatus",
        tags,
        summary:
          "Moves the case (open → in dialogue → commitment made → resolved, or stalled; audited); resolving may publish it, announce what changed and tell the reporters",
        params: advocacyCaseParamSchema,
        body: changeAdvocacyCaseStatusBodySchema,
        response: { 200: advocacyStatusResultSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => changeAdvocacyCaseStatus(ctxOf(req), req.params.id, req.body),
  );

  app.get(
    "/advocacy/review-pack",
    {
      config: manage,
      schema: {
        operationId: "getReviewPack",
        tags,
        summary:
          "The quarterly review for one calendar month, quarter or year: headline indicators against targets, top challenge types per area, open cases, loop closure — as PDF or a slide-style HTML deck",
        querystring: reviewPackQuerySchema,
        response: { 200: z.any().meta({ description: "application/pdf or text/html" }), ...errors(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const model = await reviewPackModel(ctxOf(req), req.query);
      const name = `review-${req.query.from}-${req.query.to}-${model.factsheet.lang}`;
      reply.header("Cache-Control", "no-store");
      if (req.query.format === "html") {
        const { renderReviewDeck, reviewDeckCsp } = await import("./review-pack.html.js");
        return reply
          .type("text/html; charset=utf-8")
          .header("Content-Security-Policy", reviewDeckCsp)
          .header("Content-Disposition", `inline; filename="${name}.html"`)
          .send(renderReviewDeck(model));
      }
      // pdfkit and its fonts load with the first pack, not with every process (as for the factsheet).
      const { renderReviewPackPdf } = await import("./review-pack.pdf.js");
      return reply
        .type("application/pdf")
        .header("Content-Disposition", `attachment; filename="${name}.pdf"`)
        .send(await renderReviewPackPdf(model));
    },
  );

  app.get(
    "/public/advocacy-cases",
    {
      config: { auth: "public", limit: "publicIndicators" },
      schema: {
        operationId: "listPublicAdvocacyCases",
        tags,
        summary:
          "Resolved cases the programme chose to publish: what changed, no report ids, counts disclosure-controlled",
        response: { 200: publicAdvocacyCaseListSchema, ...errors(429) },
      },
    },
    async (req) => listPublicAdvocacyCases(ctxOf(req)),
  );
};
