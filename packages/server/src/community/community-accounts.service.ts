import type { CommunityAccount, MyReports } from "@openclm/contracts";
import { audit, auditAlone } from "../audit/audit.service.js";
import type { Db } from "../db/database.js";
import { hashPassword, verifyPassword } from "../identity/passwords.js";
import { assertNotLocked, clearFailures, recordFailure, throttleKey } from "../identity/throttle.js";
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

/** Signs in by nickname and secret; failures are throttled per nickname and per address like staff sign-in. */
export async function communityLogin(
  ctx: Ctx,
  input: { nickname: string; secret: string },
): Promise<{ account: CommunityAccount; token: string }> {
  const now = new Date();
  const keys = {
    account: throttleKey("account", `community:${input.nickname.trim().toLowerCase()}`),
    address: throttleKey("address", `community:${ctx.ip ?? "unknown"}`),
  };
  await assertNotLocked(ctx.db, [keys.account, keys.address], now);
  const account = await repo.findLiveAccountByNickname(ctx.db, input.nickname.trim());
  const ok = await verifyPassword(account?.secretHash || undefined, input.secret);
  if (!account || !ok) {
    await recordFailure(ctx.db, "account", keys.account, now);
    await recordFailure(ctx.db, "address", keys.address, now);
    await auditAlone(ctx, {
      action: "community.sign_in",
      entity: "community_account",
      entityId: account?.id ?? null,
      actorId: account?.id ?? null,
      outcome: "failure",
    });
    throw new AppError("INVALID_CREDENTIALS", "Nickname or PIN is wrong");
  }
  await clearFailures(ctx.db, keys.account);
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
  return { account: { nickname: account.nickname }, token };
}

export async function communityLogout(ctx: Ctx, sessionHash: string | undefined): Promise<void> {
  if (sessionHash) await repo.deleteSession(ctx.db, sessionHash);
}

export async function getCommunityAccount(ctx: Ctx): Promise<CommunityAccount> {
  const account = await repo.findLiveAccount(ctx.db, signedInAccountId(ctx));
  if (!account) throw new AppError("UNAUTHENTICATED", "Sign in to your community account first");
  return { nickname: account.nickname };
}

export async function listMyReports(ctx: Ctx): Promise<MyReports> {
  return presentMyReports(await reportsOfAccount(ctx.db, signedInAccountId(ctx)), ctx.services.cipher);
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
