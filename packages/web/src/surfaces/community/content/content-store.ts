import type { ContentKind, PublicContent, PublicContentItem } from "@openclm/contracts";
import { CONTENT_IMAGE_BUDGET_BYTES, CONTENT_IMAGE_CACHE } from "@openclm/contracts/constants";
import { ApiError, callApi } from "../../../api/client.js";

/**
 * Published content kept on the phone so that it reads offline after the first visit (issue 15 item 3): the lists
 * and each article, per language, in localStorage within a size budget. Only published, public text is kept: what
 * anyone can read on the platform. "Updated" badges compare an item's `updatedAt` with the one the person last read.
 * Images are kept by the service worker (vite.config.ts: a bounded cache, least recently used out first); this module
 * asks for those of each article read, and of synced articles while the cache stays within its byte budget.
 */

const STORE_KEY = "openclm.content.v1";
const READ_KEY = "openclm.content.read";
/** At most this many characters of JSON (about 1 MB), well inside every browser's localStorage quota. */
export const CONTENT_BUDGET = 1_000_000;

interface Stored {
  lists: Record<string, PublicContentItem[]>;
  articles: Record<string, PublicContent>;
}

const listKey = (lang: string) => lang;
const articleKey = (lang: string, slug: string) => `${lang}/${slug}`;

function read(): Stored {
  try {
    const raw = localStorage.getItem(STORE_KEY);
    if (raw) return JSON.parse(raw) as Stored;
  } catch {
    // unreadable: start again
  }
  return { lists: {}, articles: {} };
}

/** Writes unless it would pass the budget; answers whether it was kept. */
function write(stored: Stored): boolean {
  const json = JSON.stringify(stored);
  if (json.length > CONTENT_BUDGET) return false;
  try {
    localStorage.setItem(STORE_KEY, json);
    return true;
  } catch {
    return false;
  }
}

/** Every published item in a language (all kinds), from the server, or the copy kept when offline. */
export async function loadContentList(lang: string): Promise<{ items: PublicContentItem[]; offline: boolean }> {
  try {
    const { items } = await callApi("GET /content", { query: { language: lang } });
    const stored = read();
    stored.lists[listKey(lang)] = items;
    // Articles no longer published go from the phone too.
    const slugs = new Set(items.map((i) => i.slug));
    for (const key of Object.keys(stored.articles))
      if (key.startsWith(`${lang}/`) && !slugs.has(key.slice(lang.length + 1))) delete stored.articles[key];
    write(stored);
    return { items, offline: false };
  } catch (err) {
    const kept = read().lists[listKey(lang)];
    if (err instanceof ApiError && err.code === "NETWORK" && kept) return { items: kept, offline: true };
    throw err;
  }
}

/** The platform's own image addresses in an article's sanitised HTML (the only images it can hold). */
export function imageUrls(bodyHtml: string): string[] {
  return [...new Set([...bodyHtml.matchAll(/<img src="(\/api\/content\/images\/[0-9a-f-]{36})"/g)].map((m) => m[1]!))];
}

/** An answer's size: its Content-Length, or its body's when it has none. */
async function sizeOf(res: Response | undefined): Promise<number> {
  if (!res) return 0;
  const length = Number(res.headers.get("content-length"));
  return length > 0 ? length : (await res.clone().blob()).size;
}

/**
 * Asks for an article's images that the worker has not kept yet: the worker keeps them as they pass (a lazily loaded
 * image the reader did not scroll to would otherwise be missing offline). With a `budget`, fetches nothing more once
 * the cache holds that many bytes, and answers false. Without a worker in control nothing would be kept, so nothing
 * is fetched.
 */
async function keepImages(bodyHtml: string, budget?: number): Promise<boolean> {
  const urls = imageUrls(bodyHtml);
  if (!urls.length || typeof caches === "undefined" || !navigator.serviceWorker?.controller) return true;
  try {
    const cache = await caches.open(CONTENT_IMAGE_CACHE);
    const missing: string[] = [];
    for (const url of urls) if (!(await cache.match(url))) missing.push(url);
    if (!missing.length) return true;
    let held = 0;
    if (budget !== undefined) for (const key of await cache.keys()) held += await sizeOf(await cache.match(key));
    for (const url of missing) {
      if (budget !== undefined && held >= budget) return false;
      const res = await fetch(url, { credentials: "same-origin" });
      held += await sizeOf(res);
    }
  } catch {
    // offline again, or no storage: the text is kept all the same
  }
  return true;
}

export async function loadArticle(lang: string, slug: string): Promise<{ article: PublicContent; offline: boolean }> {
  try {
    const article = await callApi("GET /content/:slug", { params: { slug }, query: { language: lang } });
    const stored = read();
    stored.articles[articleKey(lang, slug)] = article;
    write(stored);
    void keepImages(article.bodyHtml);
    return { article, offline: false };
  } catch (err) {
    const kept = read().articles[articleKey(lang, slug)];
    if (err instanceof ApiError && err.code === "NETWORK" && kept) return { article: kept, offline: true };
    throw err;
  }
}

/**
 * Brings every listed article onto the phone, one at a time, skipping those already kept at the same version, and
 * stops at the budget; then their images, while the worker's image cache holds less than its byte budget. Runs after a list has loaded (online), so the whole section reads offline afterwards.
 */
export async function syncArticles(lang: string, items: PublicContentItem[], signal: AbortSignal): Promise<void> {
  // Newest changes first: what is new is what a reader has not got yet.
  const newestFirst = [...items].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  // Images of articles not opened cost more data than their text: none when the phone asks to save data.
  let imagesFull = (navigator as { connection?: { saveData?: boolean } }).connection?.saveData === true;
  for (const item of newestFirst) {
    if (signal.aborted) return;
    const kept = read().articles[articleKey(lang, item.slug)];
    try {
      let article = kept;
      if (!kept || kept.updatedAt !== item.updatedAt) {
        article = await callApi("GET /content/:slug", { params: { slug: item.slug }, query: { language: lang } });
        const stored = read();
        stored.articles[articleKey(lang, item.slug)] = article;
        if (!write(stored)) return; // the budget is full
      }
      if (signal.aborted) return;
      // Its images too, while the worker's image cache is within its budget.
      if (article && !imagesFull) imagesFull = !(await keepImages(article.bodyHtml, CONTENT_IMAGE_BUDGET_BYTES));
    } catch {
      return; // offline again, or the server is busy: the next visit goes on
    }
  }
}

/** Words of the kept article bodies (for searching offline and in the text, not only titles). */
export function keptText(lang: string, slug: string): string {
  const html = read().articles[articleKey(lang, slug)]?.bodyHtml ?? "";
  return html.replace(/<[^>]+>/g, " ");
}

function readMarks(): Record<string, string> {
  try {
    return JSON.parse(localStorage.getItem(READ_KEY) ?? "{}") as Record<string, string>;
  } catch {
    return {};
  }
}

export function markRead(slug: string, updatedAt: string): void {
  try {
    localStorage.setItem(READ_KEY, JSON.stringify({ ...readMarks(), [slug]: updatedAt }));
  } catch {
    // no badge memory
  }
}

/** Read before, and changed since. */
export function isUpdatedSinceRead(item: { slug: string; updatedAt: string }): boolean {
  const seen = readMarks()[item.slug];
  return !!seen && seen < item.updatedAt;
}

/** Which kinds each section of the app shows. */
export const kindsOfSection: Record<"rights" | "info" | "changes", ContentKind[]> = {
  rights: ["rights"],
  info: ["information", "faq"],
  changes: ["announcement"],
};
