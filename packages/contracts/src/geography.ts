import { z } from "zod";
import { languageCodeSchema, uuidSchema } from "./common.js";
import { facilityTypes, weekdays } from "./constants.js";

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
  address: z.string(),
  phone: z.string().nullable(),
  openingHours: openingHoursSchema,
  services: z.array(z.string()),
});
export type Facility = z.infer<typeof facilitySchema>;

export const listFacilitiesQuerySchema = z.object({
  areaId: uuidSchema.optional(),
  type: facilityTypeSchema.optional(),
  lang: languageCodeSchema.optional(),
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
