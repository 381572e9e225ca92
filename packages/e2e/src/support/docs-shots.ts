import type { Page } from "playwright-core";
import type { DemoAccount } from "../../../server/src/demo/demo-accounts.js";
import type { startTestServer } from "../../../server/src/testing/test-server.js";
import { chartDrawn } from "./first-load.js";

export type Server = Awaited<ReturnType<typeof startTestServer>>;
export type Role = DemoAccount["role"];

export interface ShotContext {
  page: Page;
  lang: string;
  server: Server;
  /** A report the data manager validated and answered, in this language: its tracking code. */
  answeredReport(): Promise<string>;
}

export interface Shot {
  /** The file name (docs/manual/screens/<lang>/<name>.png), as the manuals name it: `screens/<name>.png`. */
  name: string;
  /** Signed in as this role, or anonymous. */
  role?: Role;
  device: "phone" | "desktop";
  path: string;
  /** What to do on the page before the picture (open a report, choose an area…). Selectors must not depend on the language. */
  act?: (c: ShotContext) => Promise<void>;
}

/** Every screenshot the manuals show, in the order they are taken. */
export const docsShots: Shot[] = [
  { name: "app-home", device: "phone", path: "/app" },
  {
    name: "app-report",
    device: "phone",
    path: "/app/report",
    act: async ({ page }) => {
      await page.locator("form.step button[type=submit]").click();
      await page.locator("form.step input[type=radio]").first().check();
    },
  },
  {
    name: "app-track",
    device: "phone",
    path: "/app",
    act: async (c) => {
      const code = await c.answeredReport();
      await c.page.goto(`/app/track/${code}`);
      await c.page.locator("[data-tracking-code]").waitFor();
    },
  },
  {
    name: "app-near-me",
    device: "phone",
    path: "/app/near-me",
    act: async ({ page }) => {
      const area = page.locator("main select").first();
      await area.selectOption({ index: 1 });
      await page.locator("main li").first().waitFor();
    },
  },
  {
    name: "inbox-queue",
    role: "data_manager",
    device: "desktop",
    path: "/inbox",
    act: async ({ page }) => {
      await page.locator("a.queue-row__link").first().waitFor();
    },
  },
  {
    name: "inbox-report",
    role: "data_manager",
    device: "desktop",
    path: "/inbox?status=submitted",
    act: async ({ page }) => {
      await page.locator("a.queue-row__link").first().click();
      const detail = page.locator(".detail-header");
      await detail.waitFor();
      await page.locator(".inbox__detail").evaluate((el) => {
        el.scrollIntoView({ block: "start" });
        window.scrollBy(0, -24);
      });
    },
  },
  {
    name: "dashboard",
    role: "analyst",
    device: "desktop",
    path: "/dashboard",
    act: async ({ page }) => {
      await page.locator(".tiles, .headline-tiles, main dl").first().waitFor();
    },
  },
  {
    name: "dashboard-public",
    device: "desktop",
    path: "/dashboard/public",
    act: async ({ page }) => {
      // Charts draw as they near the screen: scroll to the first, as a reader does, then back to the top.
      await chartDrawn(page.locator(".echart").first());
      await page.evaluate(() => window.scrollTo(0, 0));
    },
  },
  { name: "setup-overview", role: "country_admin", device: "desktop", path: "/setup" },
  {
    name: "setup-facilities",
    role: "country_admin",
    device: "desktop",
    path: "/setup/facilities",
    act: async ({ page }) => {
      await page.locator("main table tbody tr").first().waitFor();
    },
  },
  {
    name: "setup-content",
    role: "country_admin",
    device: "desktop",
    path: "/setup/content",
    act: async ({ page }) => {
      await page.locator("main table tbody tr").first().waitFor();
    },
  },
  { name: "setup-settings", role: "system_admin", device: "desktop", path: "/setup/settings" },
  {
    name: "audit",
    role: "auditor",
    device: "desktop",
    path: "/audit",
    act: async ({ page }) => {
      await page.locator("main ol li, main table tbody tr").first().waitFor();
    },
  },
];
