import { z } from "zod";
import { languageCodeSchema, localizedTextSchema, uuidSchema } from "./common.js";
import { AREA_IMPORT_MAX_BYTES, FACILITY_IMPORT_MAX_BYTES, facilityTypes, weekdays } from "./constants.js";

export const facilityTypeSchema = z.enum(facilityTypes);
export type FacilityType = z.infer<typeof facilityTypeSchema>;

/** Opening hours per weekday as "HH:MM-HH:MM" ranges; a missing day is closed. */
export const openingHoursSchema = z.partialRecord(
  z.enum(weekdays),
  z.array(z.string().regex(/^\d{2}:\d{2}-\d{2}:\d{2}$/)),
);

export const facilitySchema = z.object({
  id: uuidSchema,
  code: z.string(),
  name: z.string(),
  type: facilityTypeSchema,
  districtId: uuidSchema,
  lat: z.number(),
  lng: z.number(),
  /** The same position under the names PRODUCT.md section 7 gives them. */
  latitude: z.number(),
  longitude: z.number(),
  address: z.string(),
  phone: z.string().nullable(),
  openingHours: openingHoursSchema,
  /** Service codes (e.g. `tb_testing`); the app names the ones it knows and shows the others as written. */
  services: z.array(z.string()),
  /** When the facility's details last changed (ISO 8601), shown so people can judge how current they are. */
  updatedAt: z.string(),
});
export type Facility = z.infer<typeof facilitySchema>;

export const listFacilitiesQuerySchema = z.object({
  areaId: uuidSchema.optional(),
  type: facilityTypeSchema.optional(),
  lang: languageCodeSchema.optional(),
  /**
   * `<lat>,<lng>`: items come nearest first. For channels that already hold a position server-side; the community
   * app never sends it (it sorts on the device, so the position stays on the phone).
   */
  near: z
    .string()
    .regex(/^-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)?$/)
    .refine((v) => {
      const [lat, lng] = v.split(",").map(Number);
      return Math.abs(lat ?? 99) <= 90 && Math.abs(lng ?? 999) <= 180;
    }, "latitude -90..90, longitude -180..180")
    .optional(),
  /** `true`: only facilities open at this moment, by their opening hours in the country's time zone. */
  openNow: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
  /** Only facilities offering this service code. */
  service: z.string().min(1).max(64).optional(),
});
export const facilityListSchema = z.object({ items: z.array(facilitySchema) });

export const areaBoundariesQuerySchema = z.object({ level: z.coerce.number().int().min(0).optional() });
/** GeoJSON FeatureCollection of area boundaries; properties carry id, code and level. */
export const areaBoundariesSchema = z.object({
  type: z.literal("FeatureCollection"),
  features: z.array(
    z.object({
      type: z.literal("Feature"),
      properties: z.object({ id: uuidSchema, code: z.string(), level: z.number().int() }),
      geometry: z.object({ type: z.enum(["Polygon", "MultiPolygon"]), coordinates: z.array(z.any()) }),
    }),
  ),
});

// ── Set-up: geography and facility import (issue 13 items 3 and 4) ──

/** Why a feature (GeoJSON) or row (CSV) of a geography file is refused. */
export const areaImportProblems = [
  "parse",
  "columns",
  "empty",
  "missing_code",
  "duplicate_code",
  "unknown_parent",
  "root",
  "level",
  "missing_name",
  "unknown_language",
  "population",
  "invalid_geometry",
  "self_intersection",
  "has_reports",
] as const;
export type AreaImportProblemKind = (typeof areaImportProblems)[number];

/**
 * One refused feature: `index` counts features from 0 (GeoJSON) or data rows from 0 (CSV, where `row` is also the
 * line in the file, the header being line 1); `code` is the feature's area code when it has one.
 */
export const areaImportProblemSchema = z.object({
  index: z.number().int(),
  row: z.number().int().optional(),
  code: z.string().optional(),
  problem: z.enum(areaImportProblems),
  message: z.string(),
});
export type AreaImportProblem = z.infer<typeof areaImportProblemSchema>;

export const importAreasBodySchema = z.discriminatedUnion("format", [
  z.object({
    format: z.literal("geojson"),
    /** Features are checked one by one in the service, so that every problem is reported with its index. */
    data: z.object({ type: z.literal("FeatureCollection"), features: z.array(z.unknown()).max(50_000) }),
    dryRun: z.boolean().optional(),
  }),
  z.object({
    format: z.literal("csv"),
    /** code,parent_code,level,name:<lang>…,population — no boundaries (existing boundaries are kept). */
    data: z.string().max(AREA_IMPORT_MAX_BYTES),
    dryRun: z.boolean().optional(),
  }),
]);
export type ImportAreasBody = z.infer<typeof importAreasBodySchema>;

export const importAreasResultSchema = z.object({
  dryRun: z.boolean(),
  created: z.number().int(),
  updated: z.number().int(),
  /** Areas the file no longer lists: retired (hidden from new reports), never deleted. */
  retired: z.number().int(),
  /** Active facilities in districts this import retires: retired with them. */
  facilitiesRetired: z.number().int(),
  problems: z.array(areaImportProblemSchema),
});
export type ImportAreasResult = z.infer<typeof importAreasResultSchema>;

/** Why a row of a facility file is refused. */
export const facilityImportProblems = [
  "parse",
  "columns",
  "empty",
  "missing_code",
  "duplicate_code",
  "missing_name",
  "type",
  "district_code",
  "out_of_scope",
  "position",
  "opening_hours",
  "phone",
  "active",
  "too_long",
] as const;
export type FacilityImportProblemKind = (typeof facilityImportProblems)[number];

/** One refused facility row: `row` is the line in the file (the header is line 1). */
export const facilityImportProblemSchema = z.object({
  row: z.number().int(),
  column: z.string().optional(),
  problem: z.enum(facilityImportProblems),
  message: z.string(),
});
export type FacilityImportProblem = z.infer<typeof facilityImportProblemSchema>;

export const importFacilitiesBodySchema = z.object({
  format: z.literal("csv"),
  /** code,name:<lang>…,type,district_code,latitude,longitude,address,phone,opening_hours,services[,active] */
  data: z.string().max(FACILITY_IMPORT_MAX_BYTES),
  dryRun: z.boolean().optional(),
});
export type ImportFacilitiesBody = z.infer<typeof importFacilitiesBodySchema>;

export const importFacilitiesResultSchema = z.object({
  dryRun: z.boolean(),
  created: z.number().int(),
  updated: z.number().int(),
});
export type ImportFacilitiesResult = z.infer<typeof importFacilitiesResultSchema>;

/** A facility as Set-up lists it: active or retired, within the caller's scope. */
export const setupFacilitySchema = z.object({
  id: uuidSchema,
  code: z.string(),
  name: z.string(),
  type: facilityTypeSchema,
  districtId: uuidSchema,
  districtCode: z.string(),
  active: z.boolean(),
});
export type SetupFacility = z.infer<typeof setupFacilitySchema>;
export const setupFacilityListSchema = z.object({ items: z.array(setupFacilitySchema) });
export const setupFacilitiesQuerySchema = z.object({ lang: languageCodeSchema.optional() });
export const setFacilityActiveBodySchema = z.object({ active: z.boolean() });

// ── Set-up: one area or facility edited in place (issue 13 items 3 and 4) ──

/** An area as its editor shows it: names in every language, population and boundary (GeoJSON geometry or null). */
export const setupAreaSchema = z.object({
  id: uuidSchema,
  code: z.string(),
  level: z.number().int(),
  parentId: uuidSchema.nullable(),
  names: localizedTextSchema,
  population: z.number().int().nullable(),
  boundary: z.object({ type: z.enum(["Polygon", "MultiPolygon"]), coordinates: z.array(z.any()) }).nullable(),
  isLeaf: z.boolean(),
  retired: z.boolean(),
});
export type SetupArea = z.infer<typeof setupAreaSchema>;

/**
 * `updateArea`: what is given changes; a name language left out keeps its name, an empty name removes it (one must
 * stay). `boundary` is checked like an imported one (closed rings, never crossing themselves); null removes it.
 */
export const updateAreaBodySchema = z.object({
  names: z.record(languageCodeSchema, z.string().max(200)).optional(),
  population: z.number().int().min(0).nullable().optional(),
  boundary: z.unknown().optional(),
});
export type UpdateAreaBody = z.infer<typeof updateAreaBodySchema>;

/** Why an area edit is refused: `field` is `names.<lang>`, `population` or `boundary`. */
export const areaEditProblemSchema = z.object({
  field: z.string(),
  problem: z.enum(areaImportProblems),
  message: z.string(),
});
export type AreaEditProblem = z.infer<typeof areaEditProblemSchema>;

/** A facility as its editor shows it: every field, names and addresses per language. */
export const setupFacilityDetailSchema = setupFacilitySchema.extend({
  names: localizedTextSchema,
  address: localizedTextSchema,
  lat: z.number(),
  lng: z.number(),
  phone: z.string().nullable(),
  /** As the facility file writes it: `mon-fri 08:00-16:00; sat 09:00-12:00`. */
  openingHours: z.string(),
  services: z.array(z.string()),
  /** Reports name this facility: its code no longer changes. */
  codeLocked: z.boolean(),
});
export type SetupFacilityDetail = z.infer<typeof setupFacilityDetailSchema>;

/**
 * `createFacility` / `updateFacility`: the fields of one facility row, checked by the same rules as a facility file.
 * Refused fields come back as `details: [{ column, problem, message }]` with the file's column names.
 */
export const facilityInputSchema = z.object({
  code: z.string().max(64),
  names: z.record(languageCodeSchema, z.string().max(300)),
  type: z.string().max(64),
  districtId: uuidSchema,
  lat: z.number(),
  lng: z.number(),
  address: z.record(languageCodeSchema, z.string().max(300)).optional(),
  phone: z.string().max(300).nullable().optional(),
  openingHours: z.string().max(300).optional(),
  services: z.array(z.string().max(100)).max(50).optional(),
});
export type FacilityInput = z.infer<typeof facilityInputSchema>;
