import type { CommunityAccount, MyReports } from "@openclm/contracts";
import { audit, auditAlone } from "../audit/audit.service.js";
import type { Db } from "../db/database.js";
import { hashPassword, verifyPassword } from "../identity/passwords.js";
import { securityNotice } from "../identity/security-notice.js";
import { type Attempt, attemptFailed, attemptSucceeded, beforeAttempt } from "../identity/throttle.js";
import { AppError } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import { presentMyReports } from "../reports/reports.presenter.js";
import { anonymiseReportsOfAccount, reportsOfAccount } from "../reports/reports.repo.js";
import * as repo from "./community.repo.js";
import { createCommunitySession } from "./community-sessions.js";

function signedInAccountId(ctx: Ctx): string {
  if (ctx.actor.type !== "community") throw new AppError("UNAUTHENTICATED", "Sign in to your community account first");
  return ctx.actor.accountId;
}

/** Creates an account (nickname + PIN or password, nothing else) and signs it in. */
export async function registerCommunityAccount(
  ctx: Ctx,
  input: { nickname: string; secret: string },
): Promise<{ account: CommunityAccount; token: string }> {
  const now = new Date();
  const secretHash = await hashPassword(input.secret);
  return ctx.db.transaction(async (txAny) => {
    const tx = txAny as unknown as Db;
    const account = await repo.insertAccount(tx, input.nickname, secretHash, now);
    if (!account)
      throw new AppError("CONFLICT", "This nickname is taken, choose another", { field: "nickname", reason: "taken" });
    const token = await createCommunitySession(tx, account.id, now);
    await audit(ctx, tx, {
      action: "community.account_created",
      entity: "community_account",
      entityId: account.id,
      actorId: account.id,
    });
    return { account: { nickname: account.nickname }, token };
  });
}

/** Signs in by nickname and secret; failures are throttled like staff sign-in (identity/throttle.ts). */
export async function communityLogin(
  ctx: Ctx,
  input: { nickname: string; secret: string },
): Promise<{ account: CommunityAccount; token: string }> {
  const now = new Date();
  const attempt: Attempt = {
    kind: "password",
    account: `community:${input.nickname.trim().toLowerCase()}`,
    ip: ctx.ip,
  };
  await beforeAttempt(ctx, attempt, now);
  const account = await repo.findLiveAccountByNickname(ctx.db, input.nickname.trim());
  const ok = await verifyPassword(account?.secretHash || undefined, input.secret);
  if (!account || !ok) {
    await attemptFailed(ctx, attempt, { entity: "community_account", entityId: account?.id ?? null }, now);
    await auditAlone(ctx, {
      action: "community.sign_in",
      entity: "community_account",
      entityId: account?.id ?? null,
      actorId: account?.id ?? null,
      outcome: "failure",
    });
    throw new AppError("INVALID_CREDENTIALS", "Nickname or PIN is wrong");
  }
  await attemptSucceeded(ctx, attempt);
  const token = await ctx.db.transaction(async (txAny) => {
    const tx = txAny as unknown as Db;
    const t = await createCommunitySession(tx, account.id, now);
    await audit(ctx, tx, {
      action: "community.sign_in",
      entity: "community_account",
      entityId: account.id,
      actorId: account.id,
    });
    return t;
  });
  return { account: { nickname: account.nickname, securityNotice: await noticeFor(ctx, account.id) }, token };
}

/** Failed sign-ins on the account since its previous sign-in, for the owner to see (identity/security-notice.ts). */
function noticeFor(ctx: Ctx, accountId: string) {
  return securityNotice(ctx.services.database, {
    entity: "community_account",
    id: accountId,
    signInAction: "community.sign_in",
  });
}

export async function communityLogout(ctx: Ctx, sessionHash: string | undefined): Promise<void> {
  if (sessionHash) await repo.deleteSession(ctx.db, sessionHash);
}

export async function getCommunityAccount(ctx: Ctx): Promise<CommunityAccount> {
  const account = await repo.findLiveAccount(ctx.db, signedInAccountId(ctx));
  if (!account) throw new AppError("UNAUTHENTICATED", "Sign in to your community account first");
  return { nickname: account.nickname, securityNotice: await noticeFor(ctx, account.id) };
}

export async function listMyReports(ctx: Ctx): Promise<MyReports> {
  return presentMyReports(await reportsOfAccount(ctx.db, signedInAccountId(ctx)));
}

/**
 * Deletes the account: sessions end, the nickname is released, and the member's reports are anonymised (they keep
 * counting in the indicators, but nothing leads back to the person any more).
 */
export async function deleteCommunityAccount(ctx: Ctx): Promise<void> {
  const accountId = signedInAccountId(ctx);
  const now = new Date();
  await ctx.db.transaction(async (txAny) => {
    const tx = txAny as unknown as Db;
    const anonymised = await anonymiseReportsOfAccount(tx, accountId, now);
    await repo.deleteSessionsOf(tx, accountId);
    await repo.markDeleted(tx, accountId, now);
    await audit(ctx, tx, {
      action: "community.account_deleted",
      entity: "community_account",
      entityId: accountId,
      details: { reportsAnonymised: anonymised },
    });
  });
}
