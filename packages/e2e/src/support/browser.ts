import { type Browser, chromium } from "playwright-core";

/**
 * Debian's Chromium, driven by playwright-core (browser downloads by test tools fail on these machines).
 * CHROMIUM_PATH overrides the location.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const args = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args });
}

let shared: Promise<Browser> | undefined;

/** Set by a group module (group-tests.ts): what to run once the process's last test file has ended. */
const PROCESS_END = Symbol.for("openclm.test-process-end");

/**
 * The Chromium for one test file, and what to do with it when the file ends. When scripts/test.sh runs several files
 * in one process (a group module), they share one Chromium — a launch costs about half a second of CPU, and each test
 * runs in a browser context of its own anyway, sharing no storage, cookies or service workers — closed when the group
 * ends (a Chromium left open would keep the process alive). A file run on its own gets its own, closed with the file.
 * A shared Chromium that died is replaced on the next call.
 */
export async function chromiumForFile(): Promise<{ browser: Browser; release: () => Promise<void> }> {
  const processEnd = (globalThis as Record<symbol, unknown>)[PROCESS_END];
  if (!Array.isArray(processEnd)) {
    const browser = await launchChromium();
    return { browser, release: () => browser.close() };
  }
  if (!shared) {
    const launching = launchChromium();
    const forget = () => {
      if (shared === launching) shared = undefined;
    };
    shared = launching;
    launching.then((browser) => browser.on("disconnected", forget), forget);
    processEnd.push(async () => (await launching.catch(() => undefined))?.close());
  }
  return { browser: await shared, release: async () => {} };
}
