import { after, before } from "node:test";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import type { DemoAccount } from "../../../server/src/demo/demo-accounts.js";
import { freshCode } from "../../../server/src/testing/staff-session.js";
import { startTestServer } from "../../../server/src/testing/test-server.js";
import { launchChromium } from "./browser.js";
import { type PageWatch, watchPage } from "./watch.js";

export interface StaffSuite {
  readonly url: string;
  readonly accounts: DemoAccount[];
  account(role: DemoAccount["role"], n?: number): DemoAccount;
  /** A fresh browser context and a watched page at `path`. */
  open(path: string, opts?: BrowserContextOptions): Promise<{ page: Page; context: BrowserContext; watch: PageWatch }>;
}

/**
 * Like useSuite, but it also hands out the demo staff accounts (password and TOTP secret) of this file's server,
 * for browser tests that sign in.
 */
export function useStaffSuite(): StaffSuite {
  let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
  let browser: Browser | undefined;
  const contexts = new Set<BrowserContext>();

  before(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
  });
  after(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.close();
  });

  const started = () => {
    if (!server || !browser) throw new Error("suite not started");
    return { server, browser };
  };

  return {
    get url() {
      return started().server.url;
    },
    get accounts() {
      return started().server.demoAccounts;
    },
    account(role, n = 0) {
      const found = started().server.demoAccounts.filter((a) => a.role === role)[n];
      if (!found) throw new Error(`no demo account for ${role}`);
      return found;
    },
    async open(path, opts = {}) {
      const { server, browser } = started();
      const context = await browser.newContext({ baseURL: server.url, serviceWorkers: "block", ...opts });
      contexts.add(context);
      context.on("close", () => contexts.delete(context));
      const page = await context.newPage();
      const watch = await watchPage(page);
      await page.goto(path);
      return { page, context, watch };
    },
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
