import type { CommunityAccount, MyReports } from "@openclm/contracts";
import { callApi } from "../../../api/client.js";
import { sendJson } from "../outbox/report-api.js";

/**
 * The optional community account (nickname + PIN or password; no email, no phone). The session itself is an
 * HttpOnly cookie the page cannot read, so a local hint remembers only that this device signed in before: without
 * it the app never asks "who am I?", which would fail (401) for everyone who has no account. The hint holds no
 * nickname: phones are shared.
 */
const HINT_KEY = "openclm.account";

export type AccountReport = MyReports["items"][number];

export function hasAccountHint(): boolean {
  try {
    return localStorage.getItem(HINT_KEY) === "1";
  } catch {
    return false;
  }
}

export function setAccountHint(on: boolean): void {
  try {
    if (on) localStorage.setItem(HINT_KEY, "1");
    else localStorage.removeItem(HINT_KEY);
  } catch {
    // storage disabled: the person signs in again on the next visit
  }
}

export interface Credentials {
  nickname: string;
  secret: string;
}

export function registerAccount(body: Credentials): Promise<CommunityAccount> {
  return sendJson("POST /community/accounts", body);
}

export function signIn(body: Credentials): Promise<CommunityAccount> {
  return sendJson("POST /community/login", body);
}

export async function signOut(): Promise<void> {
  await sendJson("POST /community/logout", undefined);
}

export function currentAccount(signal?: AbortSignal): Promise<CommunityAccount> {
  return callApi("GET /community/accounts/me", {}, { signal });
}

export async function accountReports(signal?: AbortSignal): Promise<AccountReport[]> {
  return (await callApi("GET /community/reports", {}, { signal })).items;
}

/** Deletes the account; the server keeps its reports for the statistics, without any link to it. */
export async function deleteAccount(): Promise<void> {
  await callApi("DELETE /community/accounts/me", {});
}

/** What a sign-in or sign-up form checks before sending; the server checks the same again. */
const NICKNAME = /^[\p{L}\p{N}_.-]+$/u;

export type CredentialProblem = "nicknameMissing" | "nicknameFormat" | "secretMissing" | "secretShort";

export function checkNickname(nickname: string, strict: boolean): CredentialProblem | null {
  const value = nickname.trim();
  if (!value) return "nicknameMissing";
  if (strict && (value.length < 3 || value.length > 32 || !NICKNAME.test(value))) return "nicknameFormat";
  return null;
}

export function checkSecret(secret: string, strict: boolean): CredentialProblem | null {
  if (!secret) return "secretMissing";
  if (strict && (/^\d+$/.test(secret) ? secret.length < 6 : secret.length < 8)) return "secretShort";
  return null;
}
