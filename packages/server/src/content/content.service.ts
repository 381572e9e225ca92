import type {
  ContentDetail,
  ContentFigure,
  ContentStatus,
  ContentSummary,
  CreateContentInput,
  PublicContent,
  PublicContentItem,
  UpdateContentInput,
} from "@openclm/contracts";
import { z } from "zod";
import { audit } from "../audit/audit.service.js";
import { getPublicIndicators } from "../dashboard/indicators.service.js";
import { type Db, withTransaction } from "../db/database.js";
import { requireCountryScope } from "../identity/scope.js";
import { AppError, notFound } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import { listEnabledLanguages } from "../platform/platform.repo.js";
import { resolveLanguage } from "../platform/platform.service.js";
import { loadTaxonomy } from "../taxonomy/taxonomy.repo.js";
import * as repo from "./content.repo.js";
import type { LiveCopy, StoredTranslation } from "./content.schema.js";
import { imageProblems, markdownText, renderContentMarkdown } from "./content-markdown.js";

const staffId = (ctx: Ctx) => (ctx.actor.type === "staff" ? ctx.actor.userId : null);

/** The language codes a country has switched on, default first. */
async function languagesOf(db: Db) {
  const langs = await listEnabledLanguages(db);
  const defaultLang = langs.find((l) => l.isDefault)?.code ?? langs[0]?.code ?? "en";
  return { codes: langs.map((l) => l.code), defaultLang };
}

/**
 * What an editor sends is checked before anything changes: languages offered, taxonomy codes that exist, areas that
 * exist, and images that are the platform's own uploads with alt text (content-markdown.ts `imageProblems`).
 */
async function checkInput(
  ctx: Ctx,
  input: { translations?: Record<string, { body: string } | null>; tags?: string[]; areaIds?: string[] },
) {
  const langs = Object.keys(input.translations ?? {});
  const problems = Object.entries(input.translations ?? {}).flatMap(([l, t]) =>
    t ? imageProblems(t.body).map((message) => ({ path: `translations.${l}.body`, message })) : [],
  );
  if (problems.length)
    throw new AppError("VALIDATION_FAILED", "Images need alt text and must be uploaded to the platform", problems);
  if (input.areaIds?.length) {
    const known = await repo.knownAreaIds(ctx.db, input.areaIds);
    const unknown = input.areaIds.filter((a) => !known.has(a));
    if (unknown.length)
      throw new AppError("UNKNOWN_AREA", `Unknown areas: ${unknown.join(", ")}`, [
        { path: "areaIds", message: `unknown ${unknown.join(", ")}` },
      ]);
  }
  await checkLanguagesAndTags(ctx, langs, input.tags);
}

async function checkLanguagesAndTags(ctx: Ctx, langs: string[], tags: string[] | undefined) {
  const { codes } = await languagesOf(ctx.db);
  const unknown = langs.filter((l) => !codes.includes(l));
  if (unknown.length)
    throw new AppError("VALIDATION_FAILED", `Languages not offered: ${unknown.join(", ")}`, [
      { path: "translations", message: `unknown language ${unknown.join(", ")}` },
    ]);
  if (tags?.length) {
    const tree = await loadTaxonomy(ctx.db);
    const known = new Set(tree.flatMap((c) => [c.code, ...c.subcategories.map((s) => s.code)]));
    const bad = tags.filter((t) => !known.has(t));
    if (bad.length)
      throw new AppError("VALIDATION_FAILED", `Unknown taxonomy codes: ${bad.join(", ")}`, [
        { path: "tags", message: `unknown ${bad.join(", ")}` },
      ]);
  }
}

function summaryOf(row: repo.ContentRow, codes: string[], defaultLang: string): ContentSummary {
  const languages = Object.keys(row.translations);
  const base = row.translations[defaultLang];
  const needsTranslation = codes.filter((l) => {
    if (l === defaultLang) return !base;
    const t = row.translations[l];
    return !t || (base !== undefined && t.updatedAt < base.updatedAt);
  });
  const title = (base ?? row.translations[languages[0] ?? ""])?.title ?? row.slug;
  return {
    id: row.id,
    kind: row.kind,
    slug: row.slug,
    status: row.status,
    title,
    languages,
    needsTranslation,
    tags: row.tags,
    version: row.version,
    live: row.live !== null && row.status !== "archived",
    unpublishedChanges: row.live === null || row.liveVersion !== row.version,
    publishAt: row.publishAt?.toISOString() ?? null,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    reviewedAt: row.reviewedAt ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Editors' list: every item with its status and the languages that need a translation. */
export async function listContent(ctx: Ctx): Promise<{ items: ContentSummary[] }> {
  const [rows, { codes, defaultLang }] = await Promise.all([repo.listItems(ctx.db), languagesOf(ctx.db)]);
  return { items: rows.map((r) => summaryOf(r, codes, defaultLang)) };
}

export async function getContent(ctx: Ctx, id: string, db: Db = ctx.db): Promise<ContentDetail> {
  const row = await repo.itemById(db, id);
  if (!row) throw notFound("content");
  const [{ codes, defaultLang }, versions] = await Promise.all([languagesOf(db), repo.versionsOf(db, id)]);
  return {
    ...summaryOf(row, codes, defaultLang),
    translations: row.translations,
    figure: row.figure ?? null,
    areaIds: row.areaIds,
    versions: versions.map((v) => ({
      version: v.version,
      action: v.action,
      changedBy: v.changedBy,
      changedAt: v.changedAt.toISOString(),
      fields: v.fields,
    })),
  };
}

const snapshotOf = (row: repo.ContentRow) => ({
  slug: row.slug,
  status: row.status,
  translations: row.translations,
  tags: row.tags,
  figure: row.figure,
  areaIds: row.areaIds,
  reviewedAt: row.reviewedAt,
  publishAt: row.publishAt?.toISOString() ?? null,
});

/** One step of an item's history: the version row and the audit row, in the change's transaction. */
async function record(ctx: Ctx, tx: Db, row: repo.ContentRow, action: string, fields: string[]) {
  await repo.insertVersion(tx, {
    contentId: row.id,
    version: row.version,
    action,
    fields,
    snapshot: snapshotOf(row),
    changedBy: staffId(ctx),
  });
  await audit(ctx, tx, {
    action: `content.${action}`,
    entity: "content",
    entityId: row.id,
    details: { slug: row.slug, kind: row.kind, version: row.version, fields },
  });
}

function isUniqueViolation(err: unknown): boolean {
  for (let e = err as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e)
    if (e.code === "23505") return true;
  return false;
}

const slugTaken = (e: unknown): never => {
  if (isUniqueViolation(e)) throw new AppError("CONFLICT", "Another item already has this slug");
  throw e;
};

export async function createContent(ctx: Ctx, input: CreateContentInput): Promise<{ id: string }> {
  const langs = Object.keys(input.translations);
  if (!langs.length) throw new AppError("VALIDATION_FAILED", "At least one language's text is needed");
  await checkInput(ctx, input);
  const now = new Date().toISOString();
  const translations: Record<string, StoredTranslation> = {};
  for (const [l, t] of Object.entries(input.translations)) translations[l] = { ...t, updatedAt: now };
  return withTransaction(ctx, async (tx) => {
    const row = await repo
      .insertItem(tx, {
        kind: input.kind,
        slug: input.slug,
        translations,
        tags: input.tags ?? [],
        figure: input.kind === "announcement" ? (input.figure ?? null) : null,
        areaIds: input.kind === "announcement" ? (input.areaIds ?? []) : [],
        reviewedAt: input.reviewedAt ?? null,
      })
      .catch(slugTaken);
    await record(ctx, tx, row, "create", ["slug", ...langs.map((l) => `translations.${l}`), "tags"]);
    return { id: row.id };
  });
}

/** A change to the working copy. What readers see stays as published until the next publication. */
export async function updateContent(ctx: Ctx, id: string, input: UpdateContentInput): Promise<ContentDetail> {
  await checkInput(ctx, input);
  await withTransaction(ctx, async (tx) => {
    const row = await repo.itemById(tx, id, { forUpdate: true });
    if (!row) throw notFound("content");
    const now = new Date().toISOString();
    const fields: string[] = [];
    const translations = { ...row.translations };
    for (const [l, t] of Object.entries(input.translations ?? {})) {
      const old = translations[l];
      if (t === null) {
        if (old) {
          delete translations[l];
          fields.push(`translations.${l}`);
        }
      } else if (!old || old.title !== t.title || (old.summary ?? "") !== (t.summary ?? "") || old.body !== t.body) {
        translations[l] = { ...t, updatedAt: now };
        fields.push(`translations.${l}`);
      }
    }
    if (!Object.keys(translations).length) throw new AppError("VALIDATION_FAILED", "At least one language is needed");
    const set: Partial<repo.ContentRow> = { translations };
    if (input.slug !== undefined && input.slug !== row.slug) {
      set.slug = input.slug;
      fields.push("slug");
    }
    if (input.tags !== undefined && JSON.stringify(input.tags) !== JSON.stringify(row.tags)) {
      set.tags = input.tags;
      fields.push("tags");
    }
    if (input.reviewedAt !== undefined && input.reviewedAt !== row.reviewedAt) {
      set.reviewedAt = input.reviewedAt;
      fields.push("reviewedAt");
    }
    if (input.figure !== undefined && row.kind === "announcement") {
      set.figure = input.figure;
      fields.push("figure");
    }
    if (
      input.areaIds !== undefined &&
      row.kind === "announcement" &&
      JSON.stringify(input.areaIds) !== JSON.stringify(row.areaIds)
    ) {
      set.areaIds = input.areaIds;
      fields.push("areaIds");
    }
    if (!fields.length) return;
    // A change to what is in review or published goes back to draft: it needs a review (and a publication) again.
    const status: ContentStatus = row.status === "archived" ? "archived" : "draft";
    if (status !== row.status) fields.push("status");
    const updated = await repo
      .updateItem(tx, id, { ...set, status, version: row.version + 1, updatedAt: new Date() })
      .catch(slugTaken);
    await record(ctx, tx, updated, "update", fields);
  });
  return getContent(ctx, id);
}

async function transition(
  ctx: Ctx,
  id: string,
  action: string,
  allowed: ContentStatus[],
  change: (row: repo.ContentRow) => Partial<repo.ContentRow>,
): Promise<ContentDetail> {
  await withTransaction(ctx, async (tx) => {
    const row = await repo.itemById(tx, id, { forUpdate: true });
    if (!row) throw notFound("content");
    if (!allowed.includes(row.status))
      throw new AppError("INVALID_TRANSITION", `Cannot ${action} an item that is ${row.status}`);
    const set = change(row);
    const updated = await repo.updateItem(tx, id, { ...set, updatedAt: new Date() });
    await record(ctx, tx, updated, action, Object.keys(set));
  });
  return getContent(ctx, id);
}

/** A content editor (or an administrator) asks for the working copy to be reviewed and published. */
export async function submitContentForReview(ctx: Ctx, id: string): Promise<ContentDetail> {
  return transition(ctx, id, "submit", ["draft"], () => ({ status: "in_review" }));
}

/**
 * Publishes the working copy: renders each language's Markdown once (sanitised) into the live copy. `publishAt` in
 * the future schedules it: the item is hidden from readers until then. Content is country-wide, so publishing needs
 * a country-wide scope.
 */
export async function publishContent(ctx: Ctx, id: string, input?: { publishAt?: string }): Promise<ContentDetail> {
  // Staff need the whole country; the platform itself (the demo seed, a job) publishes as the system.
  if (ctx.actor.type === "staff") await requireCountryScope(ctx);
  const publishAt = input?.publishAt ? new Date(input.publishAt) : null;
  return transition(ctx, id, "publish", ["draft", "in_review", "published", "archived"], (row) => {
    const translations: LiveCopy["translations"] = {};
    for (const [l, t] of Object.entries(row.translations))
      translations[l] = {
        title: t.title,
        summary: t.summary?.trim() || markdownText(t.body).slice(0, 200),
        body: t.body,
        bodyHtml: renderContentMarkdown(t.body, l),
      };
    const now = new Date();
    return {
      status: "published",
      live: {
        translations,
        tags: row.tags,
        figure: row.figure ?? null,
        reviewedAt: row.reviewedAt ?? null,
        areaIds: row.areaIds,
      },
      liveVersion: row.version,
      publishAt,
      publishedAt: row.publishedAt ?? publishAt ?? now,
      liveUpdatedAt: publishAt ?? now,
    };
  });
}

/** Takes an item away from readers (archived); publishing it again brings it back. */
export async function unpublishContent(ctx: Ctx, id: string): Promise<ContentDetail> {
  await requireCountryScope(ctx);
  return transition(ctx, id, "unpublish", ["published", "draft", "in_review"], (row) => {
    if (!row.live && row.status !== "published") throw new AppError("INVALID_TRANSITION", "Not published");
    return { status: "archived" };
  });
}

/** The editor's live preview: exactly what readers would get. */
export function previewContent(_ctx: Ctx, input: { body: string }, lang: string): { html: string } {
  return { html: renderContentMarkdown(input.body, lang) };
}

/* ---------------------------------------------------------------- readers */

const visible = (row: repo.ContentRow, now: Date) =>
  row.live !== null && row.status !== "archived" && (!row.publishAt || row.publishAt <= now);

function pickLive(row: repo.ContentRow, lang: string, defaultLang: string) {
  const live = row.live as LiveCopy;
  const language = live.translations[lang]
    ? lang
    : live.translations[defaultLang]
      ? defaultLang
      : Object.keys(live.translations)[0];
  return { live, language: language ?? lang, text: language ? live.translations[language] : undefined };
}

const tagMatches = (tags: string[], tag: string) =>
  tags.some((t) => t === tag || tag.startsWith(`${t}.`) || t.startsWith(`${tag}.`));

export async function listPublicContent(
  ctx: Ctx,
  query: { kind?: PublicContentItem["kind"]; language?: string; q?: string; tag?: string },
): Promise<{ items: PublicContentItem[] }> {
  const [{ lang, defaultLang }, rows] = await Promise.all([
    resolveLanguage(ctx, query.language),
    repo.liveItems(ctx.db),
  ]);
  const now = new Date();
  const words = (query.q ?? "")
    .toLocaleLowerCase()
    .split(/\s+/)
    .filter((w) => w.length > 1);
  const items: PublicContentItem[] = [];
  for (const row of rows) {
    if (!visible(row, now) || (query.kind && row.kind !== query.kind)) continue;
    const { live, language, text } = pickLive(row, lang, defaultLang);
    if (!text) continue;
    if (query.tag && !tagMatches(live.tags, query.tag)) continue;
    if (words.length) {
      const hay = `${text.title} ${text.summary} ${text.body}`.toLocaleLowerCase();
      if (!words.every((w) => hay.includes(w))) continue;
    }
    items.push({
      id: row.id,
      slug: row.slug,
      kind: row.kind,
      title: text.title,
      summary: text.summary,
      language,
      tags: live.tags,
      publishedAt: (row.publishAt ?? row.publishedAt ?? row.updatedAt).toISOString(),
      updatedAt: (row.liveUpdatedAt ?? row.publishedAt ?? row.updatedAt).toISOString(),
      reviewedAt: live.reviewedAt,
      areaIds: live.areaIds ?? [],
    });
  }
  return { items };
}

export async function getPublicContent(ctx: Ctx, slug: string, language?: string): Promise<PublicContent> {
  const [{ lang, defaultLang }, row] = await Promise.all([
    resolveLanguage(ctx, language),
    repo.itemBySlug(ctx.db, slug),
  ]);
  if (!row || !visible(row, new Date())) throw notFound("content");
  const { live, language: shown, text } = pickLive(row, lang, defaultLang);
  if (!text) throw notFound("content");
  return {
    slug: row.slug,
    kind: row.kind,
    title: text.title,
    summary: text.summary,
    bodyHtml: text.bodyHtml,
    language: shown,
    tags: live.tags,
    publishedAt: (row.publishAt ?? row.publishedAt ?? row.updatedAt).toISOString(),
    updatedAt: (row.liveUpdatedAt ?? row.publishedAt ?? row.updatedAt).toISOString(),
    reviewedAt: live.reviewedAt,
    figure: live.figure
      ? await cachedFigure(ctx, `${row.id}:${row.liveVersion}:${shown}`, live.figure, shown, defaultLang)
      : null,
  };
}

/**
 * Figures computed in the last minute, per item version and language: every reader of an announcement would otherwise
 * run a public indicator query (the aggregates behind it move every few seconds at most anyway).
 */
const figureCache = new Map<string, { at: number; figure: Awaited<ReturnType<typeof liveFigure>> }>();
const FIGURE_TTL_MS = 60_000;

async function cachedFigure(ctx: Ctx, key: string, figure: ContentFigure, lang: string, defaultLang: string) {
  const now = Date.now();
  const hit = figureCache.get(key);
  if (hit && now - hit.at < FIGURE_TTL_MS) return hit.figure;
  const computed = await liveFigure(ctx, figure, lang, defaultLang);
  if (figureCache.size > 500) figureCache.clear();
  figureCache.set(key, { at: now, figure: computed });
  return computed;
}

const figureValue = z.number().nullable();

/**
 * An announcement's figure through the public indicators (disclosure control: perturbed, small cells hidden), never
 * a raw count. A period the public API refuses, or a hidden cell, shows no number.
 */
async function liveFigure(ctx: Ctx, figure: ContentFigure, lang: string, defaultLang: string) {
  const label = figure.label[lang] ?? figure.label[defaultLang] ?? Object.values(figure.label)[0] ?? "";
  const filters: ["is", "district" | "subcategory", string[]][] = [];
  if (figure.districtId) filters.push(["is", "district", [figure.districtId]]);
  if (figure.subcategoryCode) filters.push(["is", "subcategory", [figure.subcategoryCode]]);
  try {
    const result = await getPublicIndicators(ctx, {
      metrics: [figure.metric],
      dimensions: [],
      filters,
      from: figure.from,
      to: figure.to,
    });
    const value = figureValue.safeParse(result.rows[0]?.metrics[figure.metric] ?? null);
    return { label, value: value.success ? value.data : null, asOf: result.asOf };
  } catch (e) {
    if (e instanceof AppError) return { label, value: null, asOf: new Date().toISOString() };
    throw e;
  }
}
