import {
  advocacyStoryListSchema,
  reviewStoryBodySchema,
  reviewStoryResultSchema,
  storyCandidateDetailSchema,
  storyCandidateListSchema,
  storyReportParamSchema,
} from "@openclm/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ctxOf } from "../platform/request-context.js";
import { errors } from "../platform/responses.js";
import {
  getStoryCandidate,
  listAdvocacyStories,
  listStoryCandidates,
  reviewAdvocacyStory,
} from "./advocacy-stories.service.js";

const tags = ["advocacy"];

export const advocacyStoriesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/advocacy/story-candidates",
    {
      config: { permission: "stories:review" },
      schema: {
        operationId: "listStoryCandidates",
        tags,
        summary: "Reports in scope whose reporter agreed to advocacy stories, not yet reviewed (no description)",
        response: { 200: storyCandidateListSchema, ...errors(401, 403) },
      },
    },
    async (req) => listStoryCandidates(ctxOf(req)),
  );

  app.get(
    "/advocacy/story-candidates/:id",
    {
      config: { permission: "stories:review" },
      schema: {
        operationId: "getStoryCandidate",
        tags,
        summary: "One candidate with the reporter's description, to redact (audited as a view of personal data)",
        params: storyReportParamSchema,
        response: { 200: storyCandidateDetailSchema, ...errors(401, 403, 404) },
      },
    },
    async (req) => getStoryCandidate(ctxOf(req), req.params.id),
  );

  app.post(
    "/advocacy/story-candidates/:id/review",
    {
      config: { permission: "stories:review" },
      schema: {
        operationId: "reviewAdvocacyStory",
        tags,
        summary: "Approve a candidate with its redacted text, or reject it (audited)",
        params: storyReportParamSchema,
        body: reviewStoryBodySchema,
        response: { 200: reviewStoryResultSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => reviewAdvocacyStory(ctxOf(req), req.params.id, req.body),
  );

  app.get(
    "/advocacy/stories",
    {
      config: { permission: "stories:read" },
      schema: {
        operationId: "listAdvocacyStories",
        tags,
        summary: "Approved, redacted advocacy stories in scope: the text, category, region and month only",
        response: { 200: advocacyStoryListSchema, ...errors(401, 403) },
      },
    },
    async (req) => listAdvocacyStories(ctxOf(req)),
  );
};
