import { z } from "zod";

export const auditQuerySchema = z.object({
  actorId: z.string().max(64).optional(),
  /** A staff member's sign-in email: the events they caused (none when no account has it). */
  actorEmail: z.string().max(254).optional(),
  action: z.string().max(64).optional(),
  entity: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  /** `true`: only views of personal data (`personalDataViewActions`). */
  personalData: z.enum(["true", "false"]).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  cursor: z
    .string()
    .regex(/^\d{1,15}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.input<typeof auditQuerySchema>;

export const auditEventSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorType: z.string(),
  actorId: z.string().nullable(),
  /** The staff member's sign-in email, when the actor is a staff account that still exists. */
  actorEmail: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  /** The action is a view of personal data (`personalDataViewActions`). */
  personalData: z.boolean(),
  entity: z.string(),
  entityId: z.string().nullable(),
  outcome: z.string(),
  requestId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  hash: z.string(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;
export const auditPageSchema = z.object({ items: z.array(auditEventSchema), nextCursor: z.string().nullable() });
export type AuditPage = z.infer<typeof auditPageSchema>;

/**
 * The integrity check (`verifyAuditLog`), the same as `npm run audit:verify`: the hash chain recomputed from the first
 * row, every signed checkpoint checked, the head compared with the last row.
 */
export const auditVerificationSchema = z.object({
  ok: z.boolean(),
  /** Events whose hash was recomputed. */
  checked: z.number().int(),
  headSeq: z.number().int(),
  headHash: z.string(),
  checkpoints: z.number().int(),
  latestCheckpoint: z.object({ seq: z.number().int(), hash: z.string(), at: z.string() }).nullable(),
  /** The first problems found (at most 50), each at the row where it was found. */
  problems: z.array(z.object({ seq: z.number().int(), problem: z.string() })),
  problemCount: z.number().int(),
  verifiedAt: z.string(),
});
export type AuditVerification = z.infer<typeof auditVerificationSchema>;
