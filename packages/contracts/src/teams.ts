import { z } from "zod";
import { uuidSchema } from "./common.js";

const teamName = z.string().trim().min(1).max(120);

export const teamMemberSchema = z.object({
  id: uuidSchema,
  displayName: z.string(),
  email: z.string(),
  role: z.string(),
});

export const teamSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  scopeAreaIds: z.array(uuidSchema),
  scopeFacilityIds: z.array(uuidSchema),
  members: z.array(teamMemberSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Team = z.infer<typeof teamSchema>;
export const teamListSchema = z.object({ items: z.array(teamSchema) });
/** Staff who could join a team: enabled, able to handle reports, with a scope covering the team's; not yet in it. */
export const teamCandidateListSchema = z.object({ items: z.array(teamMemberSchema) });

/** A team needs a scope: it is offered only for reports its scope covers. */
export const createTeamBodySchema = z
  .object({
    name: teamName,
    scopeAreaIds: z.array(uuidSchema).max(200).default([]),
    scopeFacilityIds: z.array(uuidSchema).max(500).default([]),
  })
  .refine((b) => b.scopeAreaIds.length + b.scopeFacilityIds.length > 0, {
    message: "a team needs areas or facilities",
    path: ["scopeAreaIds"],
  });
export const renameTeamBodySchema = z.object({ name: teamName });
export const teamIdParamSchema = z.object({ id: uuidSchema });
export const teamMemberParamSchema = z.object({ id: uuidSchema, userId: uuidSchema });
