import { z } from "zod";
import { uuidSchema } from "./common.js";
import { staffRoles } from "./constants.js";

export const staffRoleSchema = z.enum(staffRoles);
export type StaffRoleCode = z.infer<typeof staffRoleSchema>;

export const loginBodySchema = z.object({
  email: z.string().trim().min(3).max(254),
  password: z.string().min(1).max(1024),
});
export const loginResultSchema = z.object({
  mfaRequired: z.literal(true),
  /** True when the account has no second factor yet: enrol first (startMfaEnrolment), then verify. */
  enrolmentRequired: z.boolean(),
});

export const verifyMfaBodySchema = z
  .object({
    code: z.string().trim().max(32).optional(),
    recoveryCode: z.string().trim().max(32).optional(),
  })
  .refine((b) => Boolean(b.code) !== Boolean(b.recoveryCode), "give either code or recoveryCode");

export const scopeSchema = z.object({
  /** `country`: everything; `areas`: the listed areas and all below; `facilities`: only these facilities. */
  type: z.enum(["country", "areas", "facilities", "none"]),
  areaIds: z.array(uuidSchema),
  facilityIds: z.array(uuidSchema),
  /** Leaf areas (districts) the scope covers, resolved for convenience. */
  districtIds: z.array(uuidSchema),
});
export type Scope = z.infer<typeof scopeSchema>;

/**
 * Failed sign-in attempts on the account since its previous sign-in (shown to the owner once signed in), and for
 * those who read the audit log, how many alerts of repeated failures on any account were raised meanwhile.
 */
export const securityNoticeSchema = z.object({
  failedAttempts: z.number().int(),
  lastFailedAt: z.string().nullable(),
  repeatedFailureAlerts: z.number().int().optional(),
});
export type SecurityNotice = z.infer<typeof securityNoticeSchema>;

export const meSchema = z.object({
  id: uuidSchema,
  email: z.string(),
  displayName: z.string(),
  role: staffRoleSchema,
  scope: scopeSchema,
  permissions: z.array(z.string()),
  sessionIdleMinutes: z.number().int(),
  /** Someone else chose the password (an admin creating the account): nothing but changePassword until it changes. */
  mustChangePassword: z.boolean(),
  securityNotice: securityNoticeSchema.nullable().optional(),
  /** A trainee account: practice reports only (the inbox's training view; live reports answer 404). */
  trainee: z.boolean().default(false),
});
export type Me = z.infer<typeof meSchema>;

export const verifyMfaResultSchema = z.object({
  me: meSchema,
  /** Only right after enrolment: shown once, never again. */
  recoveryCodes: z.array(z.string()).optional(),
});

export const mfaEnrolmentSchema = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  qrCode: z.string().describe("data: URL of an SVG QR code"),
});

export const reauthBodySchema = z.object({ password: z.string().min(1).max(1024), code: z.string().trim().max(12) });

export const okSchema = z.object({ ok: z.literal(true) });

export const staffUserSchema = z.object({
  id: uuidSchema,
  email: z.string(),
  displayName: z.string(),
  role: staffRoleSchema,
  scopeAreaIds: z.array(uuidSchema),
  scopeFacilityIds: z.array(uuidSchema),
  mfaEnrolled: z.boolean(),
  disabled: z.boolean(),
  /** Works on practice reports only (training mode) until an administrator removes the mark. */
  trainee: z.boolean(),
  createdAt: z.string(),
  lastSignInAt: z.string().nullable(),
});
export const staffUserListSchema = z.object({ items: z.array(staffUserSchema) });

export const createStaffUserBodySchema = z.object({
  email: z.email().max(254),
  displayName: z.string().trim().max(120).default(""),
  role: staffRoleSchema,
  scopeAreaIds: z.array(uuidSchema).max(200).default([]),
  scopeFacilityIds: z.array(uuidSchema).max(500).default([]),
  password: z.string().max(256),
});
export const updateStaffUserBodySchema = z.object({
  displayName: z.string().trim().max(120).optional(),
  role: staffRoleSchema.optional(),
  scopeAreaIds: z.array(uuidSchema).max(200).optional(),
  scopeFacilityIds: z.array(uuidSchema).max(500).optional(),
  disabled: z.boolean().optional(),
  trainee: z.boolean().optional(),
});
export const idParamSchema = z.object({ id: uuidSchema });

export const changePasswordBodySchema = z.object({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().max(1024),
});
export type ChangePasswordInput = z.infer<typeof changePasswordBodySchema>;

/** An administrator's one-time reset link: the token is shown once, the server keeps only its hash. */
export const passwordResetLinkSchema = z.object({
  token: z.string(),
  /** Path of the reset page with the token in the fragment (never sent to a server, never in a Referer). */
  path: z.string(),
  expiresAt: z.string(),
});
export type PasswordResetLink = z.infer<typeof passwordResetLinkSchema>;

export const completePasswordResetBodySchema = z.object({
  token: z.string().trim().min(16).max(128),
  newPassword: z.string().max(1024),
});
