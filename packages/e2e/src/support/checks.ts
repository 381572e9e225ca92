import assert from "node:assert/strict";
import axe from "axe-core";
import type { Page } from "playwright-core";

/** Waits for the page's single <h1> and returns its text. */
export async function pageHeading(page: Page): Promise<string> {
  const h1 = page.locator("h1");
  await h1.first().waitFor({ state: "visible" });
  assert.equal(await h1.count(), 1, "exactly one h1");
  return ((await h1.textContent()) ?? "").trim();
}

const axeTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * axe-core with the WCAG 2.0/2.1 A and AA rules; fails with a readable list of what broke.
 * axe is put into the page once per document and run there (`axe.run`), instead of @axe-core/playwright's way of
 * injecting its 570 KB into the page and into a fresh blank page on every check: the suite checks ~200 screens, and
 * that was seconds per file. Our pages have no frames, so running in the main document checks everything.
 */
export async function assertAxeClean(page: Page): Promise<void> {
  // page.evaluate runs outside the page's CSP, so the strict script-src does not refuse axe.
  if (!(await page.evaluate("typeof window.axe === 'object'"))) await page.evaluate(axe.source);
  const violations = await page.evaluate(async (tags) => {
    const w = window as unknown as { axe: typeof axe };
    const results = await w.axe.run(document, { runOnly: { type: "tag", values: tags } });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(" ")),
    }));
  }, axeTags);
  const report = violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n${v.targets.map((t) => `    ${t}`).join("\n")}`,
  );
  assert.deepEqual(report, [], `axe violations on ${page.url()}`);
}

/** How many CSS pixels the page is wider than the viewport (0 = no horizontal scroll). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * Visible text (and accessible text in attributes) that did not come through the pseudo-locale: hard-coded
 * strings. Content marked translate="no" (the platform's name, language names) is exempt, as is server content
 * the caller excludes by selector.
 */
export function untranslatedText(page: Page, open: string, close: string): Promise<string[]> {
  return page.evaluate(
    ({ open, close }) => {
      // No named helpers in here: tsx would wrap them in a __name() call that does not exist in the page.
      const exemptSelector = '[translate="no"], script, style, noscript, svg';
      const found: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim() ?? "";
        const el = node.parentElement;
        if (!text || !el || el.closest(exemptSelector)) continue;
        const visible = el.checkVisibility() || el.closest(".visually-hidden");
        if (visible && !(text.startsWith(open) && text.endsWith(close))) found.push(text);
      }
      for (const el of document.body.querySelectorAll("[aria-label], [title], [placeholder], [alt]")) {
        if (el.closest(exemptSelector)) continue;
        for (const attr of ["aria-label", "title", "placeholder", "alt"]) {
          const value = el.getAttribute(attr)?.trim();
          if (value && !value.includes(open)) found.push(`${attr}="${value}"`);
        }
      }
      return found;
    },
    { open, close },
  );
}
