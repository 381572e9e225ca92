import { audit, auditAlone } from "../audit/audit.service.js";
import { withTransaction } from "../db/database.js";
import { AppError } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import * as repo from "./identity.repo.js";
import { checkPassword } from "./password-policy.js";
import { hashPassword, verifyPassword } from "./passwords.js";
import { type Attempt, attemptFailed, attemptSucceeded, beforeAttempt } from "./throttle.js";

/** The policy of identity/password-policy.ts, plus "not the password being replaced". Throws WEAK_PASSWORD. */
export async function assertNewPassword(newPassword: string, email: string, currentHash?: string): Promise<void> {
  const problem = checkPassword(newPassword, email);
  if (problem) throw new AppError("WEAK_PASSWORD", "Choose a longer, less common password", { problem });
  if (currentHash && (await verifyPassword(currentHash, newPassword)))
    throw new AppError("WEAK_PASSWORD", "Choose a password you have not used here", { problem: "unchanged" });
}

/**
 * A signed-in member changes their own password, proving it is them with the current one (a session left open on a
 * shared computer is not enough). Every other session of the account ends; this one stays. Also the way out of a
 * forced change after an administrator chose the password. Wrong current passwords count towards the account's
 * sign-in throttle, so this is no side door for guessing.
 */
export async function changePassword(ctx: Ctx, input: { currentPassword: string; newPassword: string }) {
  const actor = ctx.actor;
  if (actor.type !== "staff") throw new AppError("UNAUTHENTICATED", "Sign in first");
  const now = new Date();
  const user = await repo.findUserById(ctx.db, actor.userId);
  if (!user) throw new AppError("UNAUTHENTICATED", "Sign in first");
  const attempt: Attempt = { kind: "password", account: `staff:${user.email}`, ip: ctx.ip };
  await beforeAttempt(ctx, attempt, now);
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await attemptFailed(ctx, attempt, { entity: "staff_user", entityId: user.id }, now);
    await auditAlone(ctx, {
      action: "auth.password_change",
      entity: "staff_user",
      entityId: user.id,
      outcome: "failure",
      details: { reason: "wrong_password" },
    });
    throw new AppError("INVALID_CREDENTIALS", "The current password is wrong", { field: "currentPassword" });
  }
  await attemptSucceeded(ctx, attempt);
  await assertNewPassword(input.newPassword, user.email, user.passwordHash);
  const passwordHash = await hashPassword(input.newPassword);
  await withTransaction(ctx, async (tx) => {
    await repo.updateUser(tx, user.id, { passwordHash, passwordChangedAt: now, mustChangePassword: false });
    await repo.deleteOtherSessionsOfUser(tx, user.id, actor.sessionHash);
    await audit(ctx, tx, {
      action: "auth.password_change",
      entity: "staff_user",
      entityId: user.id,
      details: { forced: user.mustChangePassword },
    });
  });
}
