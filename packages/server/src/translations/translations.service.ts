import {
  type Completeness,
  catalogueNamespaces,
  dataNamespaces,
  type EditorNamespace,
  editorNamespaces,
  expectedKeys,
  type PutTranslationsInput,
  placeholderProblems,
  placeholderSyntaxOf,
  placeholdersOf,
  placeholderText,
  pluralFormsOf,
  pluralPart,
  sourceTextFor,
  type TranslationBundle,
  type TranslationEntry,
  type TranslationSurface,
} from "@openclm/contracts";
import { and, eq, sql } from "drizzle-orm";
import { audit } from "../audit/audit.service.js";
import { contentSourceTexts, contentTextsIn, writeContentTexts } from "../content/content-texts.js";
import { type Db, withTransaction } from "../db/database.js";
import { requireCountryScope } from "../identity/scope.js";
import { AppError, notFound } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import { translationOverrides } from "../platform/platform.schema.js";
import { protocolSourceTexts, protocolTextsIn, writeProtocolTexts } from "../protocols/protocol-texts.js";
import { loadItems } from "../taxonomy/taxonomy-items.js";
import { taxonomyLanguages, updateTaxonomyItem } from "../taxonomy/taxonomy-setup.service.js";
import { allLanguages, fallbackChain } from "./languages.service.js";
import { isMachineAssisted, shippedStrings } from "./shipped-catalogues.js";
import { readPo, readXliff, writePo, writeXliff } from "./translation-files.js";

/**
 * The translation editor (issue 16 item 2). A language's text for a key is, in order: what Set-up wrote (an override
 * row), what the platform ships, or — counted as missing — the text of the next language along its fallback chain.
 * Placeholders are checked against English, the catalogues' source, so a translation cannot drop `{{trackingCode}}`.
 */

type OverrideRow = typeof translationOverrides.$inferSelect;

/** One language's own strings in one namespace: key → text and whether a person still has to review it. */
interface OwnStrings {
  values: Map<string, string>;
  needsReview: Set<string>;
  overrides: Map<string, OverrideRow>;
}

async function overridesOf(db: Db, language: string, namespace?: string): Promise<OverrideRow[]> {
  const where = namespace
    ? and(eq(translationOverrides.language, language), eq(translationOverrides.namespace, namespace))
    : eq(translationOverrides.language, language);
  return db.select().from(translationOverrides).where(where);
}

async function ownStrings(db: Db, language: string, namespace: EditorNamespace): Promise<OwnStrings> {
  const values = new Map<string, string>();
  const needsReview = new Set<string>();
  const overrides = new Map<string, OverrideRow>();
  if (namespace === "taxonomy") {
    for (const item of await loadItems(db)) {
      const label = item.labels[language];
      if (label) values.set(item.code, label);
    }
    return { values, needsReview, overrides };
  }
  if (namespace === "protocols") return { values: await protocolTextsIn(db, language), needsReview, overrides };
  if (namespace === "content") return { values: await contentTextsIn(db, language), needsReview, overrides };
  const shipped = await shippedStrings(language, namespace);
  const machine = isMachineAssisted(language);
  for (const [key, value] of Object.entries(shipped)) {
    values.set(key, value);
    if (machine) needsReview.add(key);
  }
  for (const row of await overridesOf(db, language, namespace)) {
    overrides.set(row.key, row);
    if (row.value !== null) values.set(row.key, row.value);
    if (row.reviewed) needsReview.delete(row.key);
    else needsReview.add(row.key);
  }
  return { values, needsReview, overrides };
}

/** Whether a namespace's texts are database data (taxonomy, protocols, content) rather than a catalogue. */
function isData(namespace: EditorNamespace): boolean {
  return (dataNamespaces as readonly string[]).includes(namespace);
}

/** The source strings (English for catalogues, the default language's text for the taxonomy and protocols). */
async function sourceStrings(db: Db, namespace: EditorNamespace): Promise<Record<string, string>> {
  if (!isData(namespace)) return shippedStrings("en", namespace);
  const { defaultLanguage } = await taxonomyLanguages(db);
  if (namespace === "protocols") return protocolSourceTexts(db, defaultLanguage);
  if (namespace === "content") return contentSourceTexts(db, defaultLanguage);
  const out: Record<string, string> = {};
  for (const item of await loadItems(db)) out[item.code] = item.labels[defaultLanguage] ?? item.labels.en ?? item.code;
  return out;
}

function keysFor(namespace: EditorNamespace, source: Record<string, string>, language: string): string[] {
  return isData(namespace) ? Object.keys(source) : expectedKeys(source, language);
}

async function chainFor(db: Db, language: string): Promise<string[]> {
  const rows = await allLanguages(db);
  if (!rows.some((r) => r.code === language)) throw notFound("language");
  return fallbackChain(language, rows);
}

/** `getTranslationSurface`: every string of one surface in one language, the source beside it. */
export async function getTranslationSurface(
  ctx: Ctx,
  language: string,
  namespace: EditorNamespace,
): Promise<TranslationSurface> {
  const chain = await chainFor(ctx.db, language);
  const source = await sourceStrings(ctx.db, namespace);
  const layers = await Promise.all(chain.map((l) => ownStrings(ctx.db, l, namespace)));
  const own = layers[0] as OwnStrings;
  const items = keysFor(namespace, source, language).map((key): TranslationEntry => {
    const src = sourceTextFor(source, key) ?? "";
    const mine = own.values.get(key);
    const overridden = own.overrides.get(key)?.value != null;
    let origin: TranslationEntry["origin"] = overridden ? "override" : mine !== undefined ? "shipped" : "missing";
    let value = mine ?? null;
    let from: string | null = mine !== undefined ? language : null;
    if (mine === undefined) {
      const at = layers.findIndex(
        (layer) => layer.values.has(key) || layer.values.has(`${pluralPart(key).base}_other`),
      );
      if (at > 0) {
        const layer = layers[at] as OwnStrings;
        value = layer.values.get(key) ?? layer.values.get(`${pluralPart(key).base}_other`) ?? null;
        from = chain[at] ?? null;
        origin = "fallback";
      }
    }
    return {
      key,
      source: src,
      value,
      origin,
      from,
      shipped: isData(namespace) ? null : ((own.overrides.has(key) ? null : mine) ?? null),
      needsReview: own.needsReview.has(key),
      placeholders: placeholdersOf(src, placeholderSyntaxOf(namespace)),
      pluralForm: isData(namespace) ? null : pluralPart(key).form,
    };
  });
  return { language, namespace, sourceLanguage: "en", pluralForms: pluralFormsOf(language), items };
}

/** `getTranslationCompleteness`: per enabled language and surface, how many strings are written, missing, unreviewed. */
export async function getTranslationCompleteness(ctx: Ctx): Promise<Completeness> {
  const rows = (await allLanguages(ctx.db)).filter((r) => r.enabled);
  const items: Completeness["items"] = [];
  for (const namespace of editorNamespaces) {
    const source = await sourceStrings(ctx.db, namespace);
    for (const { code } of rows) {
      const own = await ownStrings(ctx.db, code, namespace);
      const keys = keysFor(namespace, source, code);
      const translated = keys.filter((k) => own.values.has(k)).length;
      const needsReview = keys.filter((k) => own.needsReview.has(k)).length;
      items.push({
        language: code,
        namespace,
        total: keys.length,
        translated,
        missing: keys.length - translated,
        needsReview,
      });
    }
  }
  return { items };
}

export interface TranslationChange {
  key: string;
  value: string | null;
  reviewed?: boolean;
}

/** Refuses unknown keys and broken placeholders for the whole batch, so a bad entry changes nothing. */
function checkEntries(
  namespace: EditorNamespace,
  source: Record<string, string>,
  language: string,
  entries: TranslationChange[],
) {
  const known = new Set(keysFor(namespace, source, language));
  const unknown = entries.filter((e) => !known.has(e.key)).map((e) => ({ path: e.key, message: "no such string" }));
  if (unknown.length) throw new AppError("VALIDATION_FAILED", "strings this surface does not have", unknown);
  const syntax = placeholderSyntaxOf(namespace);
  const broken = entries.flatMap((e) => {
    if (e.value === null) return [];
    const form = isData(namespace) ? null : pluralPart(e.key).form;
    const problems = placeholderProblems(sourceTextFor(source, e.key) ?? "", e.value, form, syntax);
    return problems.missing.length || problems.unexpected.length ? [{ key: e.key, ...problems }] : [];
  });
  if (broken.length) {
    const first = broken[0] as (typeof broken)[number];
    const named = [
      ...first.missing.map((p) => `${placeholderText(p, syntax)} is missing`),
      ...first.unexpected.map((p) => `${placeholderText(p, syntax)} is unknown`),
    ];
    throw new AppError("PLACEHOLDER_MISMATCH", `${first.key}: ${named.join(", ")}`, broken);
  }
}

/** Writes one catalogue entry as an override row; returns whether anything changed. */
async function writeOverride(
  ctx: Ctx,
  tx: Db,
  language: string,
  namespace: string,
  e: TranslationChange,
  own: OwnStrings,
) {
  const shipped = (await shippedStrings(language, namespace))[e.key];
  const before = own.overrides.get(e.key);
  const reviewed = e.reviewed ?? true;
  // The shipped text itself: no override unless it records a review that the shipped flag lacks.
  const value = e.value === shipped ? null : e.value;
  const keep = value !== null || (isMachineAssisted(language) && shipped !== undefined && reviewed);
  const where = and(
    eq(translationOverrides.language, language),
    eq(translationOverrides.namespace, namespace),
    eq(translationOverrides.key, e.key),
  );
  if (!keep) {
    if (!before) return false;
    await tx.delete(translationOverrides).where(where);
    return true;
  }
  if (before && before.value === value && before.reviewed === reviewed) return false;
  const actor = ctx.actor.type === "staff" ? ctx.actor.userId : null;
  await tx
    .insert(translationOverrides)
    .values({ language, namespace, key: e.key, value, reviewed, updatedBy: actor, updatedAt: new Date() })
    .onConflictDoUpdate({
      target: [translationOverrides.language, translationOverrides.namespace, translationOverrides.key],
      set: { value, reviewed, updatedBy: actor, updatedAt: new Date() },
    });
  return true;
}

/** Taxonomy labels stay on the taxonomy items: the editor writes them through updateTaxonomyItem (checks, audit). */
async function writeTaxonomy(ctx: Ctx, language: string, entries: TranslationChange[], own: OwnStrings) {
  let changed = 0;
  for (const e of entries) {
    if (e.value === null || e.value.trim() === "" || own.values.get(e.key) === e.value) continue;
    await updateTaxonomyItem(ctx, e.key, { labels: { [language]: e.value.trim() } });
    changed++;
  }
  return changed;
}

/** Protocol texts stay on the protocols: the editor writes them through updateProtocol (contract checks, audit). */
async function writeProtocols(ctx: Ctx, language: string, entries: TranslationChange[], own: OwnStrings) {
  const changes = entries
    .filter((e) => e.value !== null && e.value.trim() !== "" && own.values.get(e.key) !== e.value)
    .map((e) => ({ key: e.key, value: (e.value as string).trim() }));
  return (await writeProtocolTexts(ctx, language, changes)).length;
}

/**
 * Content texts stay on the items: the editor writes the working copy through updateContent (checks, versions,
 * audit), as the content editor saves; the item goes back to draft and readers keep the published copy until the next
 * publication.
 */
async function writeContent(ctx: Ctx, language: string, entries: TranslationChange[], own: OwnStrings) {
  const changes = entries
    .filter((e) => e.value !== null && e.value.trim() !== "" && own.values.get(e.key) !== e.value)
    .map((e) => ({ key: e.key, value: e.value as string }));
  return (await writeContentTexts(ctx, language, changes)).length;
}

/**
 * Applies a batch of translations to one surface of one language (the editor's save, and each namespace of an
 * import). All or nothing: a bad key or placeholder refuses the batch. Audited once, with the keys changed.
 */
export async function applyTranslations(
  ctx: Ctx,
  language: string,
  namespace: EditorNamespace,
  entries: TranslationChange[],
  opts: { dryRun?: boolean } = {},
): Promise<number> {
  await chainFor(ctx.db, language);
  const source = await sourceStrings(ctx.db, namespace);
  checkEntries(namespace, source, language, entries);
  const own = await ownStrings(ctx.db, language, namespace);
  if (opts.dryRun) return entries.filter((e) => differs(own, e)).length;
  if (namespace === "taxonomy") return writeTaxonomy(ctx, language, entries, own);
  if (namespace === "protocols") return writeProtocols(ctx, language, entries, own);
  if (namespace === "content") return writeContent(ctx, language, entries, own);
  return withTransaction(ctx, async (tx) => {
    const changedKeys: string[] = [];
    for (const e of entries) if (await writeOverride(ctx, tx, language, namespace, e, own)) changedKeys.push(e.key);
    if (changedKeys.length) {
      await audit(ctx, tx, {
        action: "translations.update",
        entity: "language",
        entityId: language,
        details: { namespace, keys: changedKeys.slice(0, 200), count: changedKeys.length },
      });
    }
    return changedKeys.length;
  });
}

/** Whether an entry would change what the language has (text or review state). */
function differs(own: OwnStrings, e: TranslationChange): boolean {
  const current = own.values.get(e.key) ?? null;
  if ((e.value ?? null) !== current) return true;
  return e.reviewed !== undefined && e.reviewed === own.needsReview.has(e.key);
}

/** `putTranslations`: the editor's save. */
export async function putTranslations(ctx: Ctx, input: PutTranslationsInput) {
  await requireCountryScope(ctx);
  const changed = await applyTranslations(ctx, input.language, input.namespace, input.entries);
  return { changed, version: await translationsVersion(ctx.db) };
}

/** Changes with every write: the number of override rows and the latest change. Clients refetch when it moves. */
export async function translationsVersion(db: Db): Promise<string> {
  const [row] = await db
    .select({
      n: sql<number>`count(*)::int`,
      at: sql<string | null>`(extract(epoch from max(${translationOverrides.updatedAt})) * 1000)::bigint::text`,
    })
    .from(translationOverrides);
  return `${row?.n ?? 0}.${row?.at ?? 0}`;
}

/** `getTranslationBundle`: what Set-up wrote for one language, per catalogue namespace; the client lays it over the shipped files. */
export async function getTranslationBundle(ctx: Ctx, language: string): Promise<TranslationBundle> {
  const rows = await overridesOf(ctx.db, language);
  const namespaces: Record<string, Record<string, string>> = {};
  for (const ns of catalogueNamespaces) namespaces[ns] = {};
  for (const row of rows) {
    const bucket = namespaces[row.namespace];
    if (bucket && row.value !== null) bucket[row.key] = row.value;
  }
  return { language, version: await translationsVersion(ctx.db), namespaces };
}

/** Every entry of a language across the editor's namespaces, for export. */
export async function exportEntries(ctx: Ctx, language: string) {
  await chainFor(ctx.db, language);
  const out: { namespace: EditorNamespace; key: string; source: string; target: string; needsReview: boolean }[] = [];
  for (const namespace of editorNamespaces) {
    const source = await sourceStrings(ctx.db, namespace);
    const own = await ownStrings(ctx.db, language, namespace);
    for (const key of keysFor(namespace, source, language)) {
      out.push({
        namespace,
        key,
        source: sourceTextFor(source, key) ?? "",
        target: own.values.get(key) ?? "",
        needsReview: own.needsReview.has(key),
      });
    }
  }
  return out;
}

/** `exportTranslations`: every string of every surface in one language, as PO or XLIFF 2 for a translator. */
export async function exportTranslations(ctx: Ctx, language: string, format: "po" | "xliff"): Promise<string> {
  const entries = await exportEntries(ctx, language);
  return format === "po" ? writePo(language, entries) : writeXliff(language, entries);
}

/**
 * `importTranslations`: a translator's file back. Only entries that differ from what the language has are written
 * (so importing an untouched export changes nothing); an empty target is left missing. All surfaces are checked
 * before any is written, so a dropped placeholder anywhere refuses the whole file.
 */
export async function importTranslations(
  ctx: Ctx,
  input: { language: string; format: "po" | "xliff"; data: string; dryRun?: boolean },
) {
  await requireCountryScope(ctx);
  const file = input.format === "po" ? readPo(input.data) : readXliff(input.data);
  if (file.language && file.language !== input.language) {
    throw new AppError("VALIDATION_FAILED", `the file is for ${file.language}, not ${input.language}`, [
      { path: "language", message: `the file is for ${file.language}` },
    ]);
  }
  const plan = new Map<EditorNamespace, TranslationChange[]>();
  let unchanged = 0;
  for (const namespace of editorNamespaces) {
    const own = await ownStrings(ctx.db, input.language, namespace);
    const changes = file.entries
      .filter((e) => e.namespace === namespace && e.target !== "")
      .map((e) => ({ key: e.key, value: e.target, reviewed: isData(namespace) ? undefined : !e.needsReview }))
      .filter((e) => differs(own, e));
    unchanged += file.entries.filter((e) => e.namespace === namespace).length - changes.length;
    if (changes.length) {
      checkEntries(namespace, await sourceStrings(ctx.db, namespace), input.language, changes);
      plan.set(namespace, changes);
    }
  }
  let changed = 0;
  for (const [namespace, changes] of plan) {
    changed += await applyTranslations(ctx, input.language, namespace, changes, { dryRun: input.dryRun });
  }
  return { changed, unchanged, version: await translationsVersion(ctx.db) };
}
