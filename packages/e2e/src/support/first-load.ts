import { gzipSync } from "node:zlib";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { pageHeading } from "./checks.js";

export interface LoadedScript {
  path: string;
  /** Bytes of JavaScript as the browser ran it. */
  raw: number;
  /** The same gzipped here at level 9, so a budget does not depend on how the server compresses. */
  gzip: number;
  /** Bytes that crossed the network (the server's brotli or gzip copy), when the browser reports it. */
  transferred: number;
}

/**
 * Every script a page fetched on its first load in a fresh context, once `ready` holds and the network is idle.
 * Open the context with service workers blocked so only the page's own loads count.
 */
export async function firstLoadScripts(
  context: BrowserContext,
  url: string,
  ready: (page: Page) => Promise<unknown> = pageHeading,
): Promise<LoadedScript[]> {
  const page = await context.newPage();
  const scripts: Promise<LoadedScript>[] = [];
  page.on("response", (res) => {
    if (res.request().resourceType() !== "script") return;
    scripts.push(
      Promise.all([res.body(), res.request().sizes()]).then(([body, sizes]) => ({
        path: new URL(res.url()).pathname,
        raw: body.length,
        gzip: gzipSync(body, { level: 9 }).length,
        transferred: sizes.responseBodySize,
      })),
    );
  });
  await page.goto(url, { waitUntil: "networkidle" });
  await ready(page);
  await page.waitForLoadState("networkidle");
  const loaded = await Promise.all(scripts);
  await page.close();
  return loaded;
}

/**
 * The first chart of the dashboard drawn (ECharts loaded and run). Charts are drawn when they near the screen, so
 * this scrolls to the first one, as a reader does.
 */
export async function firstChartDrawn(page: Page): Promise<void> {
  await pageHeading(page);
  await chartDrawn(page.locator(".echart").first());
}

/** Scrolls to a chart (`.echart`) and waits until ECharts has drawn it. */
export async function chartDrawn(chart: Locator): Promise<void> {
  await chart.scrollIntoViewIfNeeded();
  await chart.locator("svg").waitFor();
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const sum = (scripts: LoadedScript[], key: "raw" | "gzip" | "transferred") =>
  scripts.reduce((total, s) => total + s[key], 0);
