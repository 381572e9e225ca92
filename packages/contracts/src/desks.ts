import { z } from "zod";
import { uuidSchema } from "./common.js";

/**
 * Facility desks (issue 23): a shared device at a facility where a trained person helps visitors report. Set-up issues
 * a one-time desk code per desk; the device that enters it becomes that facility's desk until the desk is revoked.
 */
export const issueDeskCodeBodySchema = z.object({ facilityId: uuidSchema });
/** The code is shown once, to type on the desk's device; only its keyed hash is kept. */
export const issuedDeskCodeSchema = z.object({ id: uuidSchema, facilityId: uuidSchema, code: z.string() });

export const deskSchema = z.object({
  id: uuidSchema,
  facilityId: uuidSchema,
  createdAt: z.string(),
  activatedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const deskListSchema = z.object({ items: z.array(deskSchema) });

export const activateDeskBodySchema = z.object({ code: z.string().trim().min(4).max(20) });
/** What the desk's device needs to prefill: its facility and that facility's district. */
export const deskDeviceSchema = z.object({ facilityId: uuidSchema, districtId: uuidSchema, facilityName: z.string() });
export type DeskDevice = z.infer<typeof deskDeviceSchema>;

/** `sendDeskCodeBySms`: the report the desk just made (by its clientId), to the phone the visitor gave. */
export const sendDeskCodeBySmsBodySchema = z.object({ clientId: uuidSchema });
