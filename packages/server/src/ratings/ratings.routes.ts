import {
  facilityIdParamSchema,
  facilityQualityQuerySchema,
  facilityQualitySchema,
  facilityRatingsSchema,
  idParamSchema,
  moderateFacilityRatingBodySchema,
  moderateFacilityRatingResultSchema,
  publicFacilityQualityQuerySchema,
  publicFacilityQualitySchema,
  rateFacilityBodySchema,
  rateFacilityResultSchema,
  ratingReviewListSchema,
} from "@openclm/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ctxOf } from "../platform/request-context.js";
import { errors } from "../platform/responses.js";
import { getPublicFacilityQuality, queryFacilityQuality } from "./facility-quality.js";
import { listFacilityRatings, listRatingsToReview, moderateFacilityRating, rateFacility } from "./ratings.service.js";

const tags = ["ratings"];

export const ratingsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/facilities/:id/ratings",
    {
      // Refused past a generous limit per address; a smaller burst is accepted but held (ratings.service.ts).
      config: { auth: "public", limit: "rating" },
      schema: {
        operationId: "rateFacility",
        tags,
        summary:
          "Rate a facility. 201 the first time; the same clientId again answers 200; another rating from the same device or account within 30 days answers 409 ALREADY_RATED.",
        params: facilityIdParamSchema,
        body: rateFacilityBodySchema,
        response: {
          201: rateFacilityResultSchema,
          200: rateFacilityResultSchema,
          ...errors(400, 404, 409, 429),
        },
      },
    },
    async (req, reply) => {
      const { created, result } = await rateFacility({ ...ctxOf(req), ip: req.ip }, req.params.id, req.body);
      return reply.code(created ? 201 : 200).send(result);
    },
  );

  app.get(
    "/facilities/:id/ratings",
    {
      config: { auth: "public" },
      schema: {
        operationId: "listFacilityRatings",
        tags,
        summary:
          "A facility's ratings: the number counted, averages only from the minimum number of ratings on, approved comments",
        params: facilityIdParamSchema,
        response: { 200: facilityRatingsSchema, ...errors(400, 404) },
      },
    },
    async (req, reply) => {
      reply.header("Cache-Control", "no-cache");
      return listFacilityRatings(ctxOf(req), req.params.id);
    },
  );

  app.get(
    "/ratings/review",
    {
      config: { permission: "ratings:moderate" },
      schema: {
        operationId: "listRatingsToReview",
        tags,
        summary: "Ratings in scope waiting for a data manager: comments to read (flagged first) and held ratings",
        response: { 200: ratingReviewListSchema, ...errors(401, 403) },
      },
    },
    async (req, reply) => {
      reply.header("Cache-Control", "no-store");
      return listRatingsToReview(ctxOf(req));
    },
  );

  app.post(
    "/ratings/:id/moderation",
    {
      config: { permission: "ratings:moderate" },
      schema: {
        operationId: "moderateFacilityRating",
        tags,
        summary: "Approve or hide a rating's comment; release or discard a held rating (audited)",
        params: idParamSchema,
        body: moderateFacilityRatingBodySchema,
        response: { 200: moderateFacilityRatingResultSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => moderateFacilityRating(ctxOf(req), req.params.id, req.body),
  );

  app.post(
    "/dashboard/facility-quality",
    {
      config: { permission: "indicators:read" },
      schema: {
        operationId: "queryFacilityQuality",
        tags: ["dashboard"],
        summary:
          "Facility quality from community ratings: averages per aspect and counts by region, district or facility, and by month; averages below the minimum number of ratings are null",
        body: facilityQualityQuerySchema,
        response: { 200: facilityQualitySchema, ...errors(400, 401, 403) },
      },
    },
    async (req) => queryFacilityQuality(ctxOf(req), req.body),
  );

  app.post(
    "/public/facility-quality",
    {
      config: { auth: "public", limit: "publicIndicators" },
      schema: {
        operationId: "getPublicFacilityQuality",
        tags: ["dashboard"],
        summary:
          "Facility quality for everyone, for one calendar month, quarter or year: counts perturbed, averages with a small keyed noise, groups below the minimum number of ratings or the suppression threshold hidden",
        body: publicFacilityQualityQuerySchema,
        response: { 200: publicFacilityQualitySchema, ...errors(400, 429) },
      },
    },
    async (req) => getPublicFacilityQuality(ctxOf(req), req.body),
  );
};
