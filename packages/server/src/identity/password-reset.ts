import crypto from "node:crypto";
import type { PasswordResetLink } from "@openclm/contracts";
import { audit, auditAlone } from "../audit/audit.service.js";
import { withTransaction } from "../db/database.js";
import { AppError } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import { assertNewPassword } from "./change-password.js";
import * as repo from "./identity.repo.js";
import { hashPassword } from "./passwords.js";
import { actorScope, resolveScope } from "./scope.js";
import { hashToken } from "./sessions.js";
import { assertRecentReauth } from "./sign-in.js";
import { type Attempt, attemptFailed, beforeAttempt } from "./throttle.js";

/** How long a reset link works: a working day for the administrator to hand it over, then it is void. */
export const RESET_LINK_HOURS = 24;
export const RESET_PAGE_PATH = "/reset-password";

/** Fields that take away a person's second factor: they set up an authenticator again at their next sign-in. */
export const noSecondFactor = {
  totpSecretEnc: null,
  totpEnabledAt: null,
  totpLastStep: 0,
  recoveryCodeHashes: [] as string[],
};

/** An administrator may act on an account only when its whole scope lies inside their own. */
async function assertManageable(ctx: Ctx, user: repo.StaffUserRow): Promise<void> {
  const mine = await actorScope(ctx);
  if (mine.type === "country") return;
  const theirs = await resolveScope(ctx.db, { areaIds: user.scopeAreaIds, facilityIds: user.scopeFacilityIds });
  const inside =
    theirs.type !== "country" &&
    theirs.type !== "none" &&
    theirs.areaDistrictIds.every((d) => mine.areaDistrictIds.includes(d)) &&
    theirs.facilityIds.every((f) => mine.facilityIds.includes(f));
  if (!inside) throw new AppError("NOT_FOUND", "account not found");
}

/**
 * An administrator (users:manage, after re-authentication) issues a one-time reset link for someone who lost their
 * password or phone. At once the old password stops working, the second factor is removed and every session of the
 * account ends (a reset is also how a suspected takeover is stopped); older links are void. The token is random
 * (256 bits), shown once, stored only as its SHA-256, and works once within 24 hours.
 */
export async function issuePasswordReset(ctx: Ctx, userId: string): Promise<PasswordResetLink> {
  await assertRecentReauth(ctx);
  const actor = ctx.actor;
  if (actor.type !== "staff") throw new AppError("UNAUTHENTICATED", "Sign in first");
  if (actor.userId === userId)
    throw new AppError("CONFLICT", "Change your own password from your account menu", { reason: "own_account" });
  const user = await repo.findUserById(ctx.db, userId);
  if (!user) throw new AppError("NOT_FOUND", "account not found");
  await assertManageable(ctx, user);
  const now = new Date();
  const token = crypto.randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + RESET_LINK_HOURS * 3_600_000);
  // An unknown random password rather than an empty hash: sign-in takes the same time whatever the account's state.
  const unusable = await hashPassword(crypto.randomBytes(32).toString("base64url"));
  await withTransaction(ctx, async (tx) => {
    await repo.updateUser(tx, user.id, { passwordHash: unusable, mustChangePassword: false, ...noSecondFactor });
    await repo.deleteSessionsOfUser(tx, user.id);
    await repo.deletePasswordResetsOfUser(tx, user.id);
    await repo.insertPasswordReset(tx, {
      tokenHash: hashToken(token),
      userId: user.id,
      createdBy: actor.userId,
      createdAt: now,
      expiresAt,
    });
    await audit(ctx, tx, {
      action: "staff_user.password_reset_issued",
      entity: "staff_user",
      entityId: user.id,
      details: { expiresAt: expiresAt.toISOString() },
    });
  });
  return { token, path: `${RESET_PAGE_PATH}#${token}`, expiresAt: expiresAt.toISOString() };
}

/**
 * The person opens the link and chooses a new password (the policy applies). The link is then used up; signing in
 * next asks them to set up their authenticator app again. Unknown, used and expired links get one answer, and
 * failures count against the client address like failed sign-ins.
 */
export async function completePasswordReset(ctx: Ctx, input: { token: string; newPassword: string }): Promise<void> {
  const now = new Date();
  // Guessing links is counted per client address (one "account" for every link), like failed sign-ins.
  const attempt: Attempt = { kind: "password", account: "reset:link", ip: ctx.ip };
  await beforeAttempt(ctx, attempt, now);
  const tokenHash = hashToken(input.token);
  const link = await repo.findLivePasswordReset(ctx.db, tokenHash, now);
  const user = link ? await repo.findUserById(ctx.db, link.userId) : undefined;
  if (!link || !user) {
    await attemptFailed(ctx, attempt, { entity: "staff_user", entityId: null }, now);
    await auditAlone(ctx, { action: "auth.password_reset", entity: "staff_user", entityId: null, outcome: "failure" });
    throw new AppError(
      "RESET_LINK_INVALID",
      "This reset link is not valid any more; ask an administrator for a new one",
    );
  }
  await assertNewPassword(input.newPassword, user.email);
  const passwordHash = await hashPassword(input.newPassword);
  await withTransaction(ctx, async (tx) => {
    if (!(await repo.usePasswordReset(tx, tokenHash, now)))
      throw new AppError(
        "RESET_LINK_INVALID",
        "This reset link is not valid any more; ask an administrator for a new one",
      );
    await repo.updateUser(tx, user.id, {
      passwordHash,
      passwordChangedAt: now,
      mustChangePassword: false,
      ...noSecondFactor,
    });
    await repo.deleteSessionsOfUser(tx, user.id);
    await audit(ctx, tx, {
      action: "auth.password_reset",
      entity: "staff_user",
      entityId: user.id,
      actorId: user.id,
    });
  });
}
