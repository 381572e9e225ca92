import { contentTranslationSchema } from "@openclm/contracts";
import type { Db } from "../db/database.js";
import { AppError } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import * as repo from "./content.repo.js";
import { updateContent } from "./content.service.js";

/**
 * Published content (rights, information, FAQ, announcements) as the translation editor's `content` part (issue 16:
 * every text in one place): `<slug>.title`, `<slug>.summary` (when the source has one) and `<slug>.body`, per
 * language. Items readers can see are listed (a live copy, not archived); drafts never published stay in the content
 * editor. The texts are the items' working copy, and a translation is written through updateContent, exactly as the
 * content editor saves: validated (images need alt text, the language must exist), versioned, audited as
 * `content.update`, and the item goes back to draft — readers keep the published copy until it is published again.
 */

type Part = "title" | "summary" | "body";

const listed = (row: repo.ContentRow) => row.live !== null && row.status !== "archived";

async function listedItems(db: Db): Promise<repo.ContentRow[]> {
  return (await repo.listItems(db)).filter(listed);
}

/** One language's own content texts (no fallback): key → text. */
export async function contentTextsIn(db: Db, language: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const row of await listedItems(db)) {
    const t = row.translations[language];
    if (!t) continue;
    out.set(`${row.slug}.title`, t.title);
    if (t.summary) out.set(`${row.slug}.summary`, t.summary);
    out.set(`${row.slug}.body`, t.body);
  }
  return out;
}

/** The source of every key: the default language's text, else English's, else the first language written. */
export async function contentSourceTexts(db: Db, defaultLanguage: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const row of await listedItems(db)) {
    const t = row.translations[defaultLanguage] ?? row.translations.en ?? Object.values(row.translations)[0];
    if (!t) continue;
    out[`${row.slug}.title`] = t.title;
    if (t.summary) out[`${row.slug}.summary`] = t.summary;
    out[`${row.slug}.body`] = t.body;
  }
  return out;
}

function parseKey(key: string): { slug: string; part: Part } | null {
  const m = /^(.+)\.(title|summary|body)$/.exec(key);
  return m?.[1] ? { slug: m[1], part: m[2] as Part } : null;
}

/**
 * Writes translations of content texts in one language: one updateContent per item touched. An item that has no
 * text in the language yet needs its title and body in the same save (an article is not published half-written).
 * Every item is checked before any is written, so a refused batch changes nothing. Returns the keys changed.
 */
export async function writeContentTexts(
  ctx: Ctx,
  language: string,
  entries: { key: string; value: string }[],
): Promise<string[]> {
  const bySlug = new Map<string, { part: Part; key: string; value: string }[]>();
  for (const e of entries) {
    const parsed = parseKey(e.key);
    if (!parsed) continue;
    bySlug.set(parsed.slug, [...(bySlug.get(parsed.slug) ?? []), { part: parsed.part, key: e.key, value: e.value }]);
  }
  const rows = new Map((await listedItems(ctx.db)).map((r) => [r.slug, r]));
  const planned: { id: string; translation: { title: string; summary?: string; body: string }; keys: string[] }[] = [];
  for (const [slug, edits] of bySlug) {
    const row = rows.get(slug);
    if (!row) continue;
    const current = row.translations[language];
    const next: Partial<Record<Part, string>> = { ...current };
    const keys: string[] = [];
    for (const edit of edits) {
      if ((next[edit.part] ?? "") === edit.value) continue;
      next[edit.part] = edit.value;
      keys.push(edit.key);
    }
    if (!keys.length) continue;
    const parsed = contentTranslationSchema.safeParse({ title: next.title, summary: next.summary, body: next.body });
    if (!parsed.success || !parsed.data.body.trim()) {
      throw new AppError("VALIDATION_FAILED", `${slug}: an article in a new language needs its title and body`, [
        ...(next.title ? [] : [{ path: `${slug}.title`, message: "required" }]),
        ...(next.body?.trim() ? [] : [{ path: `${slug}.body`, message: "required" }]),
        ...(parsed.success
          ? []
          : parsed.error.issues.map((i) => ({ path: `${slug}.${i.path.join(".")}`, message: i.message }))),
      ]);
    }
    planned.push({ id: row.id, translation: parsed.data, keys });
  }
  for (const p of planned) await updateContent(ctx, p.id, { translations: { [language]: p.translation } });
  return planned.flatMap((p) => p.keys);
}
