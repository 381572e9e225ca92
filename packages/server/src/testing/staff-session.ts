import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import type { DemoAccount } from "../demo/demo-accounts.js";
import { currentStep, totpCode } from "../identity/totp.js";

/** The Cookie header value from a response's Set-Cookie. */
export function cookieFrom(res: LightMyRequestResponse): string {
  const raw = res.headers["set-cookie"];
  const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
  return list.map((c) => c.split(";")[0]).join("; ");
}

/**
 * Codes already used per secret and test file: each sign-in needs a code from a later step, as a real authenticator
 * would. Every test file starts from its own copy of the template, where no code has been used yet; so when several
 * files share a process (group-tests.ts names the file running), one file's sign-ins do not push the next file's
 * codes ahead of the window the server accepts.
 */
const usedSteps = new Map<string, number>();
const RUNNING_FILE = Symbol.for("openclm.test-file");

/** A code from a step not used yet by this secret (the server refuses replays); looks ahead at most one step. */
export function freshCode(secret: string): string {
  const key = `${(globalThis as Record<symbol, unknown>)[RUNNING_FILE] ?? ""}\n${secret}`;
  const step = Math.max(currentStep(), (usedSteps.get(key) ?? 0) + 1);
  usedSteps.set(key, step);
  return totpCode(secret, step);
}

export async function signInAs(app: FastifyInstance, account: Pick<DemoAccount, "email" | "password" | "totpSecret">) {
  const login = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { email: account.email, password: account.password },
  });
  if (login.statusCode !== 200) throw new Error(`login failed: ${login.statusCode} ${login.body}`);
  const mfa = await app.inject({
    method: "POST",
    url: "/api/auth/mfa",
    headers: { cookie: cookieFrom(login) },
    payload: { code: freshCode(account.totpSecret) },
  });
  if (mfa.statusCode !== 200) throw new Error(`mfa failed: ${mfa.statusCode} ${mfa.body}`);
  return cookieFrom(mfa);
}

/**
 * One session per account and app, kept for the app's life: for files that act as the same account in many tests.
 * Each sign-in needs a TOTP step of its own (freshCode), so a third sign-in of one account within a step would need a
 * code further ahead than the server accepts; reusing the session never asks for one.
 */
const appSessions = new WeakMap<FastifyInstance, Map<string, Promise<string>>>();
export function sessionOf(
  app: FastifyInstance,
  account: Pick<DemoAccount, "email" | "password" | "totpSecret">,
): Promise<string> {
  let sessions = appSessions.get(app);
  if (!sessions) {
    sessions = new Map();
    appSessions.set(app, sessions);
  }
  let session = sessions.get(account.email);
  if (!session) {
    session = signInAs(app, account);
    sessions.set(account.email, session);
  }
  return session;
}

export function account(accounts: DemoAccount[], role: DemoAccount["role"], n = 0): DemoAccount {
  const found = accounts.filter((a) => a.role === role)[n];
  if (!found) throw new Error(`no demo account for ${role}`);
  return found;
}

/** Signs in to a real server process over HTTP (password, then a fresh code); answers the session's Cookie value. */
export async function signInOverHttp(
  base: string,
  account: Pick<DemoAccount, "email" | "password" | "totpSecret">,
): Promise<string> {
  const post = (route: string, body: unknown, cookie = "") =>
    fetch(`${base}${route}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base, cookie },
      body: JSON.stringify(body),
    });
  const cookieOf = (res: Response) =>
    res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
  const login = await post("/api/auth/login", { email: account.email, password: account.password });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const mfa = await post("/api/auth/mfa", { code: freshCode(account.totpSecret) }, cookieOf(login));
  if (mfa.status !== 200) throw new Error(`mfa failed: ${mfa.status} ${await mfa.text()}`);
  return cookieOf(mfa);
}
