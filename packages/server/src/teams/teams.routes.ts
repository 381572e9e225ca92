import {
  createTeamBodySchema,
  renameTeamBodySchema,
  teamCandidateListSchema,
  teamIdParamSchema,
  teamListSchema,
  teamMemberParamSchema,
  teamSchema,
} from "@openclm/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ctxOf } from "../platform/request-context.js";
import { errors } from "../platform/responses.js";
import {
  addTeamMember,
  createTeam,
  listMemberCandidates,
  listTeams,
  removeTeamMember,
  renameTeam,
} from "./teams.service.js";

const tags = ["setup"];
const config = { permission: "setup:manage" } as const;

/** SMART Set-up: responder teams, their scope and members. */
export const teamsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/teams",
    {
      config,
      schema: { operationId: "listTeams", tags, response: { 200: teamListSchema, ...errors(401, 403) } },
    },
    async (req) => listTeams(ctxOf(req)),
  );

  app.post(
    "/teams",
    {
      config,
      schema: {
        operationId: "createTeam",
        tags,
        body: createTeamBodySchema,
        response: { 201: teamSchema, ...errors(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await createTeam(ctxOf(req), req.body)),
  );

  app.patch(
    "/teams/:id",
    {
      config,
      schema: {
        operationId: "renameTeam",
        tags,
        params: teamIdParamSchema,
        body: renameTeamBodySchema,
        response: { 200: teamSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => renameTeam(ctxOf(req), req.params.id, req.body),
  );

  app.get(
    "/teams/:id/candidates",
    {
      config,
      schema: {
        operationId: "listTeamCandidates",
        tags,
        summary: "Staff who could join the team (handle reports, scope covers the team's), not yet members",
        params: teamIdParamSchema,
        response: { 200: teamCandidateListSchema, ...errors(401, 403, 404) },
      },
    },
    async (req) => listMemberCandidates(ctxOf(req), req.params.id),
  );

  app.put(
    "/teams/:id/members/:userId",
    {
      config,
      schema: {
        operationId: "addTeamMember",
        tags,
        params: teamMemberParamSchema,
        response: { 200: teamSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => addTeamMember(ctxOf(req), req.params.id, req.params.userId),
  );

  app.delete(
    "/teams/:id/members/:userId",
    {
      config,
      schema: {
        operationId: "removeTeamMember",
        tags,
        params: teamMemberParamSchema,
        response: { 200: teamSchema, ...errors(401, 403, 404) },
      },
    },
    async (req) => removeTeamMember(ctxOf(req), req.params.id, req.params.userId),
  );
};
