import type { CommunityAccount, CommunityDataExport, MyReports } from "@openclm/contracts";
import { audit, auditAlone } from "../audit/audit.service.js";
import { withTransaction } from "../db/database.js";
import { hashPassword, verifyPassword } from "../identity/passwords.js";
import { securityNotice } from "../identity/security-notice.js";
import { type Attempt, attemptFailed, attemptSucceeded, beforeAttempt } from "../identity/throttle.js";
import { AppError } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import { recordErasure } from "../reports/delete-my-report.js";
import { addCounts, eraseReports, liveReportsOfAccount, NO_ERASURE } from "../reports/erasure.repo.js";
import { presentMyReports, presentReportForOwner } from "../reports/reports.presenter.js";
import { fullReportsOfAccount, messagesOf, reporterTimeline, reportsOfAccount } from "../reports/reports.repo.js";
import * as repo from "./community.repo.js";
import { createCommunitySession } from "./community-sessions.js";
import { displayNickname, nicknameKey, nicknameProblem, taggedNickname } from "./nickname.js";
import { communitySecretProblem } from "./pin-policy.js";

function signedInAccountId(ctx: Ctx): string {
  if (ctx.actor.type !== "community") throw new AppError("UNAUTHENTICATED", "Sign in to your community account first");
  return ctx.actor.accountId;
}

/** Refuses a PIN or password that would be guessed first (community/pin-policy.ts), with the reason in `details`. */
function assertStrongSecret(secret: string): void {
  const problem = communitySecretProblem(secret);
  if (!problem) return;
  if (problem === "common_password")
    throw new AppError("WEAK_PASSWORD", "Choose a less common password", { field: "secret", problem });
  throw new AppError("TRIVIAL_PIN", "This PIN is too easy to guess", { field: "secret", problem });
}

const TAG_ATTEMPTS = 8;

/**
 * Creates an account (nickname + PIN or password, nothing else) and signs it in. The account's name is the
 * nickname chosen plus a random tag ("Anna-4821", community/nickname.ts), so the answer is the same whether or not
 * someone already uses "Anna": registration cannot be used to find out who has an account.
 */
export async function registerCommunityAccount(
  ctx: Ctx,
  input: { nickname: string; secret: string },
): Promise<{ account: CommunityAccount; token: string }> {
  assertStrongSecret(input.secret);
  const problem = nicknameProblem(input.nickname);
  if (problem)
    throw new AppError("NICKNAME_NOT_ALLOWED", "Choose a nickname that does not identify you", {
      field: "nickname",
      problem,
    });
  const now = new Date();
  const secretHash = await hashPassword(input.secret);
  const base = displayNickname(input.nickname);
  return withTransaction(ctx, async (tx) => {
    let account: repo.CommunityAccountRow | undefined;
    for (let attempt = 0; !account && attempt < TAG_ATTEMPTS; attempt++) {
      const nickname = taggedNickname(base, attempt);
      account = await repo.insertAccount(tx, nickname, nicknameKey(nickname), secretHash, now);
    }
    if (!account) throw new AppError("SERVICE_UNAVAILABLE", "Could not create the account, try again");
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
  const key = nicknameKey(input.nickname);
  const attempt: Attempt = { kind: "password", account: `community:${key}`, ip: ctx.ip };
  await beforeAttempt(ctx, attempt, now);
  const account = await repo.findLiveAccountByKey(ctx.db, key);
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
  const token = await withTransaction(ctx, async (tx) => {
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
  return presentMyReports(await reportsOfAccount(ctx.db, signedInAccountId(ctx)), ctx.services.cipher);
}

/**
 * Deletes the account: sessions end, the nickname and secret are overwritten, and each of the member's reports is
 * erased exactly as when its reporter deletes it (reports/delete-my-report.ts): tracking code, description, phone,
 * device, messages and notes go; the de-identified facts keep counting in the indicators.
 */
export async function deleteCommunityAccount(ctx: Ctx): Promise<void> {
  const accountId = signedInAccountId(ctx);
  const now = new Date();
  await withTransaction(ctx, async (tx) => {
    const reports = await liveReportsOfAccount(tx, accountId);
    let total = NO_ERASURE;
    for (const report of reports) {
      const counts = await eraseReports(tx, [report.id], "account", now);
      await recordErasure(ctx, tx, report, "account", counts, now);
      total = addCounts(total, counts);
    }
    await repo.deleteSessionsOf(tx, accountId);
    await repo.markDeleted(tx, accountId, now);
    const { reports: reportsErased, ...erased } = total;
    await audit(ctx, tx, {
      action: "community.account_deleted",
      entity: "community_account",
      entityId: accountId,
      details: { reportsErased, ...erased },
    });
  });
}

/**
 * Everything the platform holds about the signed-in member, in clear, as one JSON document: the account and each of
 * its reports with description, phone, consent, status history and conversation. Audited (what was exported: counts).
 */
export async function exportMyCommunityData(ctx: Ctx): Promise<CommunityDataExport> {
  const accountId = signedInAccountId(ctx);
  const account = await repo.findLiveAccount(ctx.db, accountId);
  if (!account) throw new AppError("UNAUTHENTICATED", "Sign in to your community account first");
  const { cipher } = ctx.services;
  const rows = await fullReportsOfAccount(ctx.db, accountId);
  const reports = await Promise.all(
    rows.map(async (r) => {
      const [timeline, messages] = await Promise.all([reporterTimeline(ctx.db, r.id), messagesOf(ctx.db, r.id)]);
      return presentReportForOwner(r, timeline, messages, cipher);
    }),
  );
  await auditAlone(ctx, {
    action: "community.data_export",
    entity: "community_account",
    entityId: accountId,
    details: { reports: reports.length, messages: reports.reduce((n, r) => n + r.messages.length, 0) },
  });
  return {
    exportedAt: new Date().toISOString(),
    account: { nickname: account.nickname, createdAt: account.createdAt.toISOString() },
    reports,
  };
}
