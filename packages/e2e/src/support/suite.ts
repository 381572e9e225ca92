import { after, before } from "node:test";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { startTestServer } from "../../../server/src/testing/test-server.js";
import { chromiumForFile } from "./browser.js";
import { type PageWatch, watchPage } from "./watch.js";

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  watch: PageWatch;
}

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;

export interface Suite {
  /** Base URL of this file's server, e.g. http://127.0.0.1:41234. */
  readonly url: string;
  /** This file's server: its database, cipher and demo staff accounts, for tests that act behind the UI. */
  readonly server: TestServer;
  readonly browser: Browser;
  /** A fresh browser context (own storage, own service worker) with a page watched for errors and CSP reports. */
  open(path: string, opts?: OpenOptions): Promise<OpenedPage>;
}

export type OpenOptions = BrowserContextOptions & {
  storage?: Record<string, string>;
  /** Let the staff screens' tours open by themselves (staff-tour.tsx); by default they were seen already. */
  tours?: boolean;
};

/**
 * This browser has seen the staff screens' tours already, as a returning member's has (`openclm.tours`, set only where
 * the page has not stored its own): the tour's own test lets them open; every other flow meets the screens without.
 */
export async function toursSeen(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    // Init scripts run in every document, also those without storage (an opaque-origin frame): leave those alone.
    try {
      if (localStorage.getItem("openclm.tours") === null) localStorage.setItem("openclm.tours", '["inbox","setup"]');
    } catch {}
  });
}

/**
 * One server (its own copy of the demo country's database) per test file, started in `before` and closed in `after`,
 * and a Chromium (shared by the files of one process, see chromiumForFile); every test gets its own browser context
 * so tests cannot leak state into each other, and a file's contexts are closed when it ends.
 */
export function useSuite(opts: { demo?: boolean } = {}): Suite {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  let releaseBrowser = async () => {};
  const contexts = new Set<BrowserContext>();

  before(async () => {
    let chromium: Awaited<ReturnType<typeof chromiumForFile>>;
    [server, chromium] = await Promise.all([startTestServer(opts), chromiumForFile()]);
    ({ browser, release: releaseBrowser } = chromium);
  });

  after(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await releaseBrowser();
    await server?.close();
  });

  return {
    get url() {
      if (!server) throw new Error("suite not started");
      return server.url;
    },
    get server() {
      if (!server) throw new Error("suite not started");
      return server;
    },
    get browser() {
      if (!browser) throw new Error("suite not started");
      return browser;
    },
    async open(path, { storage, tours, ...contextOpts } = {}) {
      if (!browser || !server) throw new Error("suite not started");
      const context = await browser.newContext({ baseURL: server.url, serviceWorkers: "block", ...contextOpts });
      contexts.add(context);
      context.on("close", () => contexts.delete(context));
      if (!tours) await toursSeen(context);
      if (storage) {
        await context.addInitScript((entries) => {
          for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
        }, storage);
      }
      const page = await context.newPage();
      const watch = await watchPage(page);
      await page.goto(path);
      return { page, context, watch };
    },
  };
}
