import type { Me, StaffRoleCode } from "@openclm/contracts";
import { audit } from "../audit/audit.service.js";
import { type Db, withTransaction } from "../db/database.js";
import { AppError } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import * as repo from "./identity.repo.js";
import { checkPassword } from "./password-policy.js";
import { noSecondFactor } from "./password-reset.js";
import { hashPassword } from "./passwords.js";
import { permissionsByRole, type StaffRole } from "./roles.js";
import { scopeOfStaff } from "./scope.js";
import { securityNotice } from "./security-notice.js";
import { sessionPolicy } from "./sessions.js";
import { assertRecentReauth } from "./sign-in.js";

function requireStaff(ctx: Ctx) {
  if (ctx.actor.type !== "staff") throw new AppError("UNAUTHENTICATED", "Sign in first");
  return ctx.actor;
}

export async function getMe(ctx: Ctx, userId = requireStaff(ctx).userId): Promise<Me> {
  const user = await repo.findUserById(ctx.db, userId);
  if (!user) throw new AppError("UNAUTHENTICATED", "Sign in first");
  const permissions = [...(permissionsByRole[user.role as StaffRole] ?? [])];
  const [scope, policy, notice] = await Promise.all([
    scopeOfStaff(ctx.db, user),
    sessionPolicy(ctx.db),
    securityNotice(
      ctx.services.database,
      { entity: "staff_user", id: user.id, signInAction: "auth.sign_in" },
      { withAlerts: permissions.includes("audit:read") },
    ),
  ]);
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role as StaffRoleCode,
    scope,
    permissions,
    sessionIdleMinutes: policy.idleMinutes,
    mustChangePassword: user.mustChangePassword,
    securityNotice: notice,
    trainee: user.trainee,
  };
}

export function presentStaffUser(u: repo.StaffUserRow) {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    role: u.role as StaffRoleCode,
    scopeAreaIds: u.scopeAreaIds,
    scopeFacilityIds: u.scopeFacilityIds,
    mfaEnrolled: u.totpEnabledAt !== null,
    disabled: u.disabledAt !== null,
    trainee: u.trainee,
    createdAt: u.createdAt.toISOString(),
    lastSignInAt: u.lastSignInAt?.toISOString() ?? null,
  };
}

export async function listStaffUsers(ctx: Ctx) {
  return { items: (await repo.listUsers(ctx.db)).map(presentStaffUser) };
}

export interface NewStaffUser {
  email: string;
  displayName: string;
  role: StaffRoleCode;
  scopeAreaIds: string[];
  scopeFacilityIds: string[];
  password: string;
}

/**
 * Creates a staff account; used by the admin UI (after re-authentication) and the CLI. Someone else chose the
 * password, so the new member must replace it before anything else (`mustChangePassword`).
 */
export async function createStaffUser(ctx: Ctx, input: NewStaffUser, opts: { skipReauth?: boolean } = {}) {
  if (!opts.skipReauth) await assertRecentReauth(ctx);
  const problem = checkPassword(input.password, input.email);
  if (problem) throw new AppError("WEAK_PASSWORD", "Choose a longer, less common password", { problem });
  const passwordHash = await hashPassword(input.password);
  return withTransaction(ctx, async (tx) => {
    const row = await repo.insertUser(tx, { ...input, passwordHash, mustChangePassword: true });
    if (!row) throw new AppError("EMAIL_TAKEN", "An account with this email exists");
    await audit(ctx, tx, {
      action: "staff_user.create",
      entity: "staff_user",
      entityId: row.id,
      details: { role: input.role, scopeAreaIds: input.scopeAreaIds, scopeFacilityIds: input.scopeFacilityIds },
    });
    return presentStaffUser(row);
  });
}

export async function updateStaffUser(
  ctx: Ctx,
  id: string,
  input: {
    displayName?: string;
    role?: StaffRoleCode;
    scopeAreaIds?: string[];
    scopeFacilityIds?: string[];
    disabled?: boolean;
    trainee?: boolean;
  },
) {
  await assertRecentReauth(ctx);
  return withTransaction(ctx, async (tx) => {
    const existing = await repo.findUserById(tx, id);
    if (!existing) throw new AppError("NOT_FOUND", "account not found");
    await keepOneSystemAdmin(tx, existing, input);
    const { disabled, ...rest } = input;
    const row = await repo.updateUser(tx, id, {
      ...rest,
      ...(disabled === undefined ? {} : { disabledAt: disabled ? (existing.disabledAt ?? new Date()) : null }),
    });
    // A changed role, scope, status or trainee mark must not live on in open sessions (the screens read it at sign-in).
    const traineeChanged = input.trainee !== undefined && input.trainee !== existing.trainee;
    if (input.role || input.scopeAreaIds || input.scopeFacilityIds || disabled || traineeChanged)
      await repo.deleteSessionsOfUser(tx, id);
    await audit(ctx, tx, {
      action: "staff_user.update",
      entity: "staff_user",
      entityId: id,
      details: { changed: Object.keys(input), ...(input.trainee === undefined ? {} : { trainee: input.trainee }) },
    });
    return presentStaffUser(row!);
  });
}

/**
 * Nobody may disable or demote the last active system administrator: nobody could then manage accounts, reset a
 * lost second factor or read the security settings without a database console.
 */
async function keepOneSystemAdmin(
  tx: Db,
  existing: repo.StaffUserRow,
  input: { role?: StaffRoleCode; disabled?: boolean },
) {
  const removes = input.disabled === true || (input.role !== undefined && input.role !== "system_admin");
  if (existing.role !== "system_admin" || existing.disabledAt !== null || !removes) return;
  const others = (await repo.lockActiveSystemAdmins(tx)).filter((adminId) => adminId !== existing.id);
  if (others.length === 0) {
    throw new AppError("LAST_SYSTEM_ADMIN", "This is the only active system administrator: appoint another first");
  }
}

/** A system admin resets someone's second factor: they enrol again at their next sign-in. */
export async function resetStaffMfa(ctx: Ctx, id: string) {
  await assertRecentReauth(ctx);
  await withTransaction(ctx, async (tx) => {
    const row = await repo.updateUser(tx, id, noSecondFactor);
    if (!row) throw new AppError("NOT_FOUND", "account not found");
    await repo.deleteSessionsOfUser(tx, id);
    await audit(ctx, tx, { action: "staff_user.mfa_reset", entity: "staff_user", entityId: id });
  });
}
