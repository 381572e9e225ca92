import { audit, auditAlone } from "../audit/audit.service.js";
import { withTransaction } from "../db/database.js";
import { AppError } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import * as repo from "./identity.repo.js";
import { verifyPassword } from "./passwords.js";
import { createSession, hashToken, sessionPolicy } from "./sessions.js";
import { type Attempt, attemptFailed, attemptSucceeded, beforeAttempt } from "./throttle.js";
import { matchTotp, newRecoveryCodes, newTotpSecret, otpauthUri, qrDataUrl } from "./totp.js";

const ISSUER = "OpenCLM";

/**
 * First factor. Success gives a password-only session that can do nothing but finish the second factor. Failures
 * are throttled per account and address pair, per address and per account (identity/throttle.ts; by the email
 * typed, so unknown emails behave the same).
 */
export async function signIn(ctx: Ctx, input: { email: string; password: string }, userAgent?: string) {
  const now = new Date();
  const email = input.email.trim().toLowerCase();
  const attempt: Attempt = { kind: "password", account: `staff:${email}`, ip: ctx.ip };
  await beforeAttempt(ctx, attempt, now);
  const user = await repo.findUserByEmail(ctx.db, email);
  const passwordOk = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !passwordOk || user.disabledAt) {
    await attemptFailed(ctx, attempt, { entity: "staff_user", entityId: user?.id ?? null }, now);
    await auditAlone(ctx, {
      action: "auth.sign_in",
      entity: "staff_user",
      entityId: user?.id ?? null,
      actorId: user?.id ?? null,
      outcome: "failure",
      details: { reason: !user ? "unknown_account" : user.disabledAt ? "disabled" : "wrong_password" },
    });
    throw new AppError("INVALID_CREDENTIALS", "Email or password is wrong");
  }
  await attemptSucceeded(ctx, attempt);
  const policy = await sessionPolicy(ctx.db);
  const token = await withTransaction(ctx, async (tx) => {
    const t = await createSession(tx, user.id, "password", now, policy, userAgent);
    await audit(ctx, tx, {
      action: "auth.password_ok",
      entity: "staff_user",
      entityId: user.id,
      actorId: user.id,
    });
    return t;
  });
  return { token, enrolmentRequired: user.totpEnabledAt === null };
}

/** Second-factor attempts (codes, re-authentication) of one account: someone trying them knows the password. */
function mfaAttempt(ctx: Ctx, userId: string): Attempt {
  return { kind: "mfa", account: `staff-id:${userId}`, ip: ctx.ip };
}

async function pendingUser(ctx: Ctx) {
  const actor = ctx.actor;
  if (actor.type !== "staff") throw new AppError("UNAUTHENTICATED", "Sign in first");
  const user = await repo.findUserById(ctx.db, actor.userId);
  if (!user) throw new AppError("UNAUTHENTICATED", "Sign in first");
  return { user, sessionHash: actor.sessionHash };
}

/** Starts (or restarts, until confirmed) TOTP enrolment for an account without a second factor. */
export async function startMfaEnrolment(ctx: Ctx) {
  const { user } = await pendingUser(ctx);
  if (user.totpEnabledAt)
    throw new AppError("CONFLICT", "A second factor is already set up; ask an administrator to reset it");
  const secret = newTotpSecret();
  await withTransaction(ctx, async (tx) => {
    await repo.updateUser(tx, user.id, {
      totpSecretEnc: ctx.services.cipher.encrypt(secret),
      totpLastStep: 0,
    });
    await audit(ctx, tx, {
      action: "auth.mfa_enrolment_started",
      entity: "staff_user",
      entityId: user.id,
    });
  });
  const uri = otpauthUri(ISSUER, user.email, secret);
  return { secret, otpauthUri: uri, qrCode: qrDataUrl(uri) };
}

/**
 * Second factor: a TOTP code (which also confirms a pending enrolment) or a one-time recovery code. Success replaces
 * the pending session with a full one under a new token (no session fixation).
 */
export async function verifyMfa(ctx: Ctx, input: { code?: string; recoveryCode?: string }, userAgent?: string) {
  const now = new Date();
  const { user, sessionHash } = await pendingUser(ctx);
  const attempt = mfaAttempt(ctx, user.id);
  await beforeAttempt(ctx, attempt, now);
  if (!user.totpSecretEnc) throw new AppError("MFA_NOT_ENROLLED", "Set up the authenticator app first");
  const secret = ctx.services.cipher.decrypt(user.totpSecretEnc);
  const step = input.code ? matchTotp(secret, input.code, user.totpLastStep, now.getTime()) : null;
  const recoveryHash = input.recoveryCode
    ? ctx.services.cipher.hash("recovery", input.recoveryCode.toLowerCase())
    : null;
  const recoveryOk =
    recoveryHash !== null && user.totpEnabledAt !== null && user.recoveryCodeHashes.includes(recoveryHash);
  if (step === null && !recoveryOk) {
    await attemptFailed(ctx, attempt, { entity: "staff_user", entityId: user.id }, now);
    await auditAlone(ctx, { action: "auth.mfa", entity: "staff_user", entityId: user.id, outcome: "failure" });
    throw new AppError("INVALID_MFA_CODE", "The code is wrong or has expired");
  }
  await attemptSucceeded(ctx, attempt);
  const enrolling = user.totpEnabledAt === null;
  const recoveryCodes = enrolling ? newRecoveryCodes() : undefined;
  const policy = await sessionPolicy(ctx.db);
  const token = await withTransaction(ctx, async (tx) => {
    await repo.deleteSession(tx, sessionHash);
    await repo.updateUser(tx, user.id, {
      lastSignInAt: now,
      ...(step !== null ? { totpLastStep: step } : {}),
      ...(enrolling ? { totpEnabledAt: now } : {}),
      ...(recoveryCodes
        ? { recoveryCodeHashes: recoveryCodes.map((c) => ctx.services.cipher.hash("recovery", c)) }
        : {}),
      ...(recoveryOk ? { recoveryCodeHashes: user.recoveryCodeHashes.filter((h) => h !== recoveryHash) } : {}),
    });
    const t = await createSession(tx, user.id, "full", now, policy, userAgent);
    if (enrolling) await audit(ctx, tx, { action: "auth.mfa_enrolled", entity: "staff_user", entityId: user.id });
    await audit(ctx, tx, {
      action: "auth.sign_in",
      entity: "staff_user",
      entityId: user.id,
      details: { factor: recoveryOk ? "recovery_code" : "totp" },
    });
    return t;
  });
  return { token, userId: user.id, recoveryCodes };
}

export async function signOut(ctx: Ctx, everywhere: boolean) {
  const actor = ctx.actor;
  if (actor.type !== "staff") return;
  await withTransaction(ctx, async (tx) => {
    if (everywhere) await repo.deleteSessionsOfUser(tx, actor.userId);
    else await repo.deleteSession(tx, actor.sessionHash);
    await audit(ctx, tx, {
      action: everywhere ? "auth.sign_out_all" : "auth.sign_out",
      entity: "staff_user",
      entityId: actor.userId,
    });
  });
}

/** Re-authentication before sensitive changes: password and a fresh code, valid for five minutes on this session. */
export const REAUTH_WINDOW_MS = 5 * 60_000;

export async function reauthenticate(ctx: Ctx, input: { password: string; code: string }) {
  const now = new Date();
  const { user, sessionHash } = await pendingUser(ctx);
  const attempt = mfaAttempt(ctx, user.id);
  await beforeAttempt(ctx, attempt, now);
  const secret = user.totpSecretEnc ? ctx.services.cipher.decrypt(user.totpSecretEnc) : null;
  const step = secret ? matchTotp(secret, input.code, user.totpLastStep, now.getTime()) : null;
  if (!(await verifyPassword(user.passwordHash, input.password)) || step === null) {
    await attemptFailed(ctx, attempt, { entity: "staff_user", entityId: user.id }, now);
    await auditAlone(ctx, { action: "auth.reauth", entity: "staff_user", entityId: user.id, outcome: "failure" });
    throw new AppError("INVALID_CREDENTIALS", "Password or code is wrong");
  }
  await attemptSucceeded(ctx, attempt);
  await withTransaction(ctx, async (tx) => {
    await repo.markReauth(tx, sessionHash, now);
    await repo.updateUser(tx, user.id, { totpLastStep: step });
    await audit(ctx, tx, { action: "auth.reauth", entity: "staff_user", entityId: user.id });
  });
}

export async function assertRecentReauth(ctx: Ctx): Promise<void> {
  const actor = ctx.actor;
  if (actor.type !== "staff") throw new AppError("UNAUTHENTICATED", "Sign in first");
  const row = await repo.sessionWithUser(ctx.db, actor.sessionHash);
  const at = row?.session.reauthAt;
  if (!at || Date.now() - at.getTime() > REAUTH_WINDOW_MS) {
    throw new AppError("REAUTH_REQUIRED", "Confirm your password and code to make this change");
  }
}

export { hashToken };
