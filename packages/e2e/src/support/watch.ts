import type { Page } from "playwright-core";

export interface PageWatch {
  /** Console errors and uncaught exceptions, in order. */
  errors: string[];
  /** Content-Security-Policy violations ("directive: blocked URI"). */
  cspViolations(): Promise<string[]>;
}

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/** Records what a user would never see but a broken page produces: console errors, exceptions, CSP violations. */
export async function watchPage(page: Page): Promise<PageWatch> {
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (err) => errors.push(`exception: ${err.message}`));
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__cspViolations?.push(`${e.violatedDirective}: ${e.blockedURI}`);
    });
  });
  return {
    errors,
    async cspViolations() {
      const fromPage = await page.evaluate(() => window.__cspViolations ?? []);
      const fromConsole = errors.filter((e) => /Content Security Policy/i.test(e));
      return [...fromPage, ...fromConsole];
    },
  };
}
