import { after, before } from "node:test";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { startTestServer } from "../../../server/src/testing/test-server.js";
import { launchChromium } from "./browser.js";
import { type PageWatch, watchPage } from "./watch.js";

type Server = Awaited<ReturnType<typeof startTestServer>>;

/**
 * Like useSuite, but the test also reaches the server's database: to count reports, and to act as a responder
 * (post a message, resolve a report) without going through the staff sign-in.
 */
export function useReportSuite() {
  let server: Server | undefined;
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

  const live = () => {
    if (!server || !browser) throw new Error("suite not started");
    return { server, browser };
  };

  return {
    get url() {
      return live().server.url;
    },
    async open(
      path: string,
      opts: BrowserContextOptions & { storage?: Record<string, string> } = {},
    ): Promise<{ page: Page; context: BrowserContext; watch: PageWatch }> {
      const { server: s, browser: b } = live();
      const { storage, ...contextOpts } = opts;
      const context = await b.newContext({ baseURL: s.url, serviceWorkers: "block", ...contextOpts });
      contexts.add(context);
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
    /** Reports that came in through the app since `since`. */
    async appReportsSince(since: Date): Promise<string[]> {
      const { rows } = await live().server.database.exec(
        "SELECT tracking_code FROM reports WHERE channel = 'app' AND created_at >= $1 ORDER BY created_at",
        [since.toISOString()],
      );
      return rows.map((r) => String(r.tracking_code));
    },
    async responderMessage(trackingCode: string, body: string): Promise<void> {
      const { database, cipher } = live().server;
      await database.exec(
        `INSERT INTO report_messages (report_id, "from", body_enc)
         SELECT id, 'responder', $2 FROM reports WHERE tracking_code = $1`,
        [trackingCode, cipher.encrypt(body)],
      );
    },
    async resolve(trackingCode: string): Promise<void> {
      await live().server.database.exec(
        "UPDATE reports SET status = 'resolved', resolved_at = now() WHERE tracking_code = $1",
        [trackingCode],
      );
    },
  };
}

/** Errors a test should care about: the anonymous /api/me probe (401) is expected. */
export function unexpectedErrors(watch: PageWatch): string[] {
  return watch.errors.filter((e) => !/status of 401/.test(e));
}
