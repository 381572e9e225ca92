import type { BrowserContext, Page } from "playwright-core";
import type { DemoAccount } from "../../../server/src/demo/demo-accounts.js";
import { freshCode } from "../../../server/src/testing/staff-session.js";
import { type OpenOptions, useSuite } from "./suite.js";
import type { PageWatch } from "./watch.js";

export interface StaffSuite {
  readonly url: string;
  readonly accounts: DemoAccount[];
  /** The server under test (its database, for making data a test needs). */
  readonly server: ReturnType<typeof useSuite>["server"];
  account(role: DemoAccount["role"], n?: number): DemoAccount;
  /** A fresh browser context and a watched page at `path`. */
  open(path: string, opts?: OpenOptions): Promise<{ page: Page; context: BrowserContext; watch: PageWatch }>;
}

/**
 * Like useSuite, but it also hands out the demo staff accounts (password and TOTP secret) of this file's server,
 * for browser tests that sign in.
 */
export function useStaffSuite(): StaffSuite {
  const suite = useSuite();
  return {
    get url() {
      return suite.url;
    },
    get accounts() {
      return suite.server.demoAccounts;
    },
    get server() {
      return suite.server;
    },
    account(role, n = 0) {
      const found = suite.server.demoAccounts.filter((a) => a.role === role)[n];
      if (!found) throw new Error(`no demo account for ${role}`);
      return found;
    },
    open: (path, opts) => suite.open(path, opts),
  };
}

/** Fills the first sign-in step (email and password) and continues. */
export async function enterPassword(page: Page, account: Pick<DemoAccount, "email" | "password">): Promise<void> {
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Continue" }).click();
}

/** Signs in through the form: password, then a TOTP code from a step this secret has not used yet. */
export async function signIn(page: Page, account: DemoAccount): Promise<void> {
  await enterPassword(page, account);
  await page.getByLabel("6-digit code").fill(freshCode(account.totpSecret));
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.locator(".user-menu").waitFor();
}

/** Fills the change-password form (current, new twice) and saves. */
export async function choosePassword(page: Page, current: { label: string; value: string }, next: string) {
  await page.getByLabel(current.label, { exact: true }).fill(current.value);
  await page.getByLabel("New password", { exact: true }).fill(next);
  await page.getByLabel("New password again", { exact: true }).fill(next);
  await page.getByRole("button", { name: "Save new password" }).click();
}

/**
 * First sign-in of an account without a second factor: enrol from the key on screen, save the recovery codes.
 * Answers the key, for signing in again later.
 */
export async function enrolAndSignIn(page: Page, email: string, password: string): Promise<string> {
  await enterPassword(page, { email, password });
  await page.getByRole("heading", { name: "Set up two-step sign-in" }).waitFor();
  const secret = (await page.locator("code.secret").textContent())?.trim() ?? "";
  await page.getByLabel("6-digit code").fill(freshCode(secret));
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.getByLabel("I saved my recovery codes").check();
  await page.getByRole("button", { name: "Continue" }).click();
  return secret;
}
