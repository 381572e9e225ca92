import { z } from "zod";
import { localizedTextSchema, taxonomyCodeSchema } from "./common.js";

/** A step or template code: short, stable, lower case (`call_reporter`). */
export const protocolItemCodeSchema = z.string().regex(/^[a-z][a-z0-9_]{0,47}$/, "lower-case letters, digits, _");

/**
 * Where a deadline stands: `running` (due later) or `overdue` while the report is open; `met` or `met_late` once done;
 * `missed` when the report ended (declined, closed, merged) after the deadline without meeting it, `stopped` when it
 * ended before. Only `running` and `overdue` are clocks still counting.
 */
export const slaStates = ["running", "overdue", "met", "met_late", "missed", "stopped"] as const;

const slaTargetSchema = z.object({
  targetHours: z.number().int(),
  /** When this clock started: the report's creation, or for resolution the reporter's "not solved" (restarted). */
  startedAt: z.string(),
  restarted: z.boolean(),
  dueAt: z.string(),
  state: z.enum(slaStates),
  /** When the report ended without meeting the target (declined, closed unresolved, merged), or null. */
  endedAt: z.string().nullable(),
  /** When the target was met (first response sent; resolved or closed), or null. */
  metAt: z.string().nullable(),
  /** Past due and not met while the report is still open. */
  overdue: z.boolean(),
  /** When this breach was escalated to the supervisors, if it was. */
  escalatedAt: z.string().nullable(),
});

/** The protocol of one report's subcategory, for the responder: clocks, checklist, templates ready to send. */
export const reportProtocolSchema = z.object({
  subcategoryCode: z.string(),
  /** `protocol` when the subcategory has its own targets, `default` when the global setting applies. */
  slaSource: z.enum(["protocol", "default"]),
  sla: z.object({ firstResponse: slaTargetSchema, resolution: slaTargetSchema }),
  steps: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      done: z.boolean(),
      doneAt: z.string().nullable(),
      doneBy: z.string().nullable(),
    }),
  ),
  /** Bodies with placeholders filled: `body` in the reporter's language (what is sent), `staffBody` in the staff's. */
  templates: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      language: z.string(),
      body: z.string(),
      staffBody: z.string(),
    }),
  ),
});
export type ReportProtocol = z.infer<typeof reportProtocolSchema>;

export const tickStepBodySchema = z.object({
  stepCode: protocolItemCodeSchema,
  done: z.boolean(),
});

const stepDefSchema = z.object({ code: protocolItemCodeSchema, labels: localizedTextSchema });
const templateDefSchema = z.object({
  code: protocolItemCodeSchema,
  labels: localizedTextSchema,
  bodies: localizedTextSchema,
});
const uniqueCodes = (items: { code: string }[]) => new Set(items.map((i) => i.code)).size === items.length;
/** Targets between one hour and one year. */
const hoursSchema = z.number().int().min(1).max(8760);

export const protocolSchema = z.object({
  subcategoryCode: z.string(),
  firstResponseHours: z.number().int().nullable(),
  resolutionHours: z.number().int().nullable(),
  steps: z.array(stepDefSchema),
  templates: z.array(templateDefSchema),
  updatedAt: z.string().nullable(),
});
export type Protocol = z.infer<typeof protocolSchema>;

export const protocolListSchema = z.object({
  /** The global targets used where a protocol sets none. */
  defaults: z.object({ firstResponseHours: z.number().int(), resolutionHours: z.number().int() }),
  items: z.array(protocolSchema),
});

export const protocolParamSchema = z.object({ subcategoryCode: taxonomyCodeSchema });

/** Replaces what it names; null targets fall back to the global setting. */
export const updateProtocolBodySchema = z.object({
  firstResponseHours: hoursSchema.nullable().optional(),
  resolutionHours: hoursSchema.nullable().optional(),
  steps: z.array(stepDefSchema).max(30).refine(uniqueCodes, "step codes must be unique").optional(),
  templates: z.array(templateDefSchema).max(30).refine(uniqueCodes, "template codes must be unique").optional(),
});
export type UpdateProtocolBody = z.infer<typeof updateProtocolBodySchema>;
