import { z } from "zod";
import { countMetrics } from "./constants.js";

/** A DHIS2 identifier: an 11-character UID (`^[A-Za-z][A-Za-z0-9]{10}$`) or, with the code id scheme, a code. */
const dhis2IdSchema = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .regex(/^[A-Za-z0-9_.-]+$/, "letters, digits, _ . - only (a DHIS2 UID or code)");

/** Which dimension value a mapped figure counts (DHIS2 disaggregation by a category option combo). */
export const dhis2DisaggregationSchema = z.object({
  dimension: z.enum(["gender", "age_group", "category", "reporter_mode"]),
  value: z.string().min(1).max(64),
});

export const dhis2DataElementMappingSchema = z.object({
  /** A count indicator: published figures are counts of reports (disclosure control applies). */
  metric: z.enum(countMetrics),
  dataElement: dhis2IdSchema,
  /** Omitted: the instance's default combo. */
  categoryOptionCombo: dhis2IdSchema.optional(),
  /** Count only the reports with this value (e.g. gender female → the "female" category option combo). */
  disaggregation: dhis2DisaggregationSchema.optional(),
});

export const dhis2OrgUnitMappingSchema = z.object({ areaId: z.uuid(), orgUnit: dhis2IdSchema });

export const dhis2PeriodTypes = ["monthly", "quarterly"] as const;

/** `updateDhis2Mapping`: what the platform sends and where (PRODUCT.md §7). */
export const updateDhis2MappingSchema = z
  .object({
    periodType: z.enum(dhis2PeriodTypes),
    dataElements: z.array(dhis2DataElementMappingSchema).max(200),
    orgUnits: z.array(dhis2OrgUnitMappingSchema).max(5000),
    /** How identifiers are written: DHIS2 UIDs (default) or codes (`idScheme=code`). */
    idScheme: z.enum(["uid", "code"]).default("uid"),
    /** The instance, e.g. https://hmis.example.org (no trailing /api); `DHIS2_BASE_URL` overrides it. */
    baseUrl: z
      .url({ protocol: /^https?$/ })
      .max(300)
      .nullable()
      .optional(),
    /**
     * A personal access token (`d2pat_…`), stored encrypted and never shown again: omitted keeps the stored one, null
     * removes it. `DHIS2_TOKEN` overrides it.
     */
    token: z.string().trim().min(10).max(200).nullable().optional(),
    /** Push each closed period by itself (the nightly job). */
    autoPush: z.boolean().default(false),
  })
  .meta({ id: "UpdateDhis2Mapping" });
export type UpdateDhis2Mapping = z.input<typeof updateDhis2MappingSchema>;

export const dhis2MappingSchema = z
  .object({
    periodType: z.enum(dhis2PeriodTypes),
    dataElements: z.array(dhis2DataElementMappingSchema),
    orgUnits: z.array(dhis2OrgUnitMappingSchema),
    idScheme: z.enum(["uid", "code"]),
    baseUrl: z.string().nullable(),
    /** Whether a token is stored (the token itself is never answered). */
    hasToken: z.boolean(),
    autoPush: z.boolean(),
    /** Which settings come from the environment (`DHIS2_BASE_URL`, `DHIS2_TOKEN`) and win over the stored ones. */
    fromEnvironment: z.object({ baseUrl: z.boolean(), token: z.boolean() }),
    updatedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "Dhis2Mapping" });
export type Dhis2Mapping = z.infer<typeof dhis2MappingSchema>;

/** A closed period: a calendar month `2026-10` or quarter `2026Q4`. */
export const dhis2PeriodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$|^\d{4}Q[1-4]$/, "2026-10 or 2026Q4");

export const dhis2PushBodySchema = z
  .object({
    period: dhis2PeriodSchema,
    dryRun: z.boolean().default(true),
    /** Push a period already pushed (a correction); without it a second push of the same period is refused (409). */
    again: z.boolean().default(false),
  })
  .meta({ id: "Dhis2PushBody" });

export const dhis2DataValueSchema = z.object({
  dataElement: z.string(),
  period: z.string(),
  orgUnit: z.string(),
  categoryOptionCombo: z.string().optional(),
  value: z.string(),
});
export type Dhis2DataValue = z.infer<typeof dhis2DataValueSchema>;

/** `previewDhis2Push` without sending: the exact `dataValueSets` payload, and what disclosure control left out. */
export const dhis2PayloadSchema = z
  .object({
    period: z.string(),
    dhis2Period: z.string(),
    dataValues: z.array(dhis2DataValueSchema),
    /** Cells below the suppression threshold: not sent (DHIS2 then has no value for them). */
    suppressed: z.int(),
    /** SHA-256 of the payload as sent: the same period and data give the same hash. */
    payloadHash: z.string(),
  })
  .meta({ id: "Dhis2Payload" });
export type Dhis2Payload = z.infer<typeof dhis2PayloadSchema>;

export const dhis2ConflictSchema = z.object({
  /** DHIS2's own message. */
  value: z.string(),
  errorCode: z.string().nullable(),
  property: z.string().nullable(),
  /** The rows of the payload it concerns (0-based). */
  indexes: z.array(z.int()),
  /** The same in plain words, with what to do. */
  explanation: z.string(),
});

export const dhis2PushResultSchema = z
  .object({
    id: z.uuid(),
    period: z.string(),
    dhis2Period: z.string(),
    dryRun: z.boolean(),
    /** SUCCESS, WARNING (some values refused), ERROR (nothing imported) or UNREACHABLE (no answer from DHIS2). */
    status: z.enum(["SUCCESS", "WARNING", "ERROR", "UNREACHABLE"]),
    httpStatus: z.int().nullable(),
    importCount: z.object({ imported: z.int(), updated: z.int(), ignored: z.int(), deleted: z.int() }),
    conflicts: z.array(dhis2ConflictSchema),
    sent: z.int(),
    payloadHash: z.string(),
    message: z.string(),
    at: z.iso.datetime(),
    by: z.string(),
  })
  .meta({ id: "Dhis2PushResult" });
export type Dhis2PushResult = z.infer<typeof dhis2PushResultSchema>;

export const dhis2PushListSchema = z.object({ items: z.array(dhis2PushResultSchema) }).meta({ id: "Dhis2PushList" });

const dhis2ObjectSchema = z.object({ id: z.string(), code: z.string().nullable(), name: z.string() });

/** `getDhis2Metadata`: the instance's lists to pick from (fetched with the stored token, nothing kept). */
export const dhis2MetadataSchema = z
  .object({
    dataElements: z.array(dhis2ObjectSchema),
    categoryOptionCombos: z.array(dhis2ObjectSchema),
    orgUnits: z.array(dhis2ObjectSchema.extend({ level: z.int().nullable() })),
  })
  .meta({ id: "Dhis2Metadata" });
export type Dhis2Metadata = z.infer<typeof dhis2MetadataSchema>;
