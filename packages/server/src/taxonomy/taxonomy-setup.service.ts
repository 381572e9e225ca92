import type {
  CreateTaxonomyItemInput,
  LocalizedText,
  SetupTaxonomy,
  SetupTaxonomyItem,
  TaxonomyKind,
  UpdateTaxonomyItemBody,
} from "@openclm/contracts";
import { audit } from "../audit/audit.service.js";
import { type Db, withTransaction } from "../db/database.js";
import { requireCountryScope } from "../identity/scope.js";
import { AppError, notFound } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import { listEnabledLanguages } from "../platform/platform.repo.js";
import { announceReportLookupsChanged, invalidateReportLookups } from "../reports/reports.lookups.js";
import {
  childKind,
  codesInUse,
  hasDescriptions,
  insertItem,
  loadItems,
  presentItems,
  recodeItem,
  type TaxonomyItem,
  updateItem,
} from "./taxonomy-items.js";

/** The configured languages, the default first: labels may be written in these only, and the default is required. */
export async function taxonomyLanguages(db: Db) {
  const langs = await listEnabledLanguages(db);
  const ordered = [...langs.filter((l) => l.isDefault), ...langs.filter((l) => !l.isDefault)];
  return { languages: ordered, defaultLanguage: ordered[0]?.code ?? "en" };
}

/** `getSetupTaxonomy`: every item, retired ones too, with every label and whether a report uses its code. */
export async function getSetupTaxonomy(ctx: Ctx): Promise<SetupTaxonomy> {
  const [{ languages }, items, used] = await Promise.all([
    taxonomyLanguages(ctx.db),
    loadItems(ctx.db),
    codesInUse(ctx.db),
  ]);
  return {
    languages: languages.map((l) => ({ code: l.code, name: l.name, isDefault: l.isDefault })),
    items: presentItems(items, used),
  };
}

const invalid = (field: string, message: string) =>
  new AppError("VALIDATION_FAILED", message, [{ path: field, message }]);

/** Labels only in configured languages; the default language's label is required (`required`). */
function checkLabels(field: string, text: LocalizedText, languages: string[], required: string | null) {
  const unknown = Object.keys(text).filter((l) => !languages.includes(l));
  if (unknown.length) throw invalid(field, `not a language of the platform: ${unknown.join(", ")}`);
  if (required && !text[required]) throw invalid(field, `a label in the default language (${required}) is needed`);
}

/** The kind a new item gets from its parent (or its list), or a clear refusal. */
function kindUnder(parent: TaxonomyItem | undefined, input: CreateTaxonomyItemInput): TaxonomyKind {
  if (input.list === "key_populations") {
    if (input.parentCode !== null) throw invalid("parentCode", "key populations have no parent");
    return "key_population";
  }
  if (input.parentCode === null) return "category";
  const kind = parent && childKind[parent.kind];
  if (!kind) {
    throw invalid(
      "parentCode",
      parent
        ? `nothing goes under a ${parent.kind.replace("_", " ")}`
        : `no category or subcategory has the code ${input.parentCode}`,
    );
  }
  return kind;
}

const siblingsOf = (items: TaxonomyItem[], item: Pick<TaxonomyItem, "kind" | "parentCode" | "code">) =>
  items.filter((i) => i.kind === item.kind && i.parentCode === item.parentCode && i.code !== item.code);

/** Puts `code` at `position` among its siblings and renumbers them all 0, 1, 2…; writes only what moved. */
async function placeAmong(tx: Db, siblings: TaxonomyItem[], item: TaxonomyItem, position: number) {
  const ordered = [...siblings];
  ordered.splice(Math.min(position, ordered.length), 0, item);
  for (const [sort, s] of ordered.entries()) {
    if (s.code === item.code) item.order = sort;
    else if (s.order !== sort) await updateItem(tx, s.kind, s.code, { order: sort });
  }
}

/** After a commit: this process forgets its intake lookups now, the others when the notification reaches them. */
async function inTaxonomyTransaction<T>(ctx: Ctx, work: (tx: Db) => Promise<T>): Promise<T> {
  const out = await withTransaction(ctx, async (tx) => {
    const result = await work(tx);
    await announceReportLookupsChanged(tx);
    return result;
  });
  invalidateReportLookups();
  return out;
}

const present = async (ctx: Ctx, code: string): Promise<SetupTaxonomyItem> => {
  const [items, used] = await Promise.all([loadItems(ctx.db), codesInUse(ctx.db, [code])]);
  const item = items.find((i) => i.code === code);
  if (!item) throw notFound("taxonomy item");
  return { ...item, inUse: used.has(code) };
};

/**
 * `createTaxonomyItem` (issue 13 item 5): a category, subcategory, challenge type or key population, offered in the
 * report flow and accepted by `submitReport` at once. Country-wide scope; audited with the item created.
 */
export async function createTaxonomyItem(ctx: Ctx, input: CreateTaxonomyItemInput): Promise<SetupTaxonomyItem> {
  await requireCountryScope(ctx);
  const { languages, defaultLanguage } = await taxonomyLanguages(ctx.db);
  const codes = languages.map((l) => l.code);
  checkLabels("labels", input.labels, codes, defaultLanguage);
  if (input.descriptions) checkLabels("descriptions", input.descriptions, codes, null);
  await inTaxonomyTransaction(ctx, async (tx) => {
    const items = await loadItems(tx);
    if (items.some((i) => i.code === input.code)) {
      throw new AppError("CODE_TAKEN", `The taxonomy already has an item with the code ${input.code}`);
    }
    const kind = kindUnder(
      items.find((i) => i.code === input.parentCode),
      input,
    );
    if (input.descriptions && !hasDescriptions(kind)) throw invalid("descriptions", `a ${kind} has no description`);
    const item: TaxonomyItem = {
      kind,
      code: input.code,
      parentCode: kind === "key_population" ? null : input.parentCode,
      labels: input.labels,
      descriptions: input.descriptions ?? {},
      active: true,
      order: 0,
    };
    const siblings = siblingsOf(items, item);
    await placeAmong(tx, siblings, item, input.order ?? siblings.length);
    await insertItem(tx, item);
    await audit(ctx, tx, {
      action: "taxonomy.create",
      entity: "taxonomy_item",
      entityId: item.code,
      details: { before: null, after: item },
    });
  });
  return present(ctx, input.code);
}

/**
 * `updateTaxonomyItem` (path `code`): new labels (per language, merged), retire or restore, move among its siblings,
 * or correct a code no report uses (409 `CODE_IN_USE` once one does). Audited with the item before and after.
 */
export async function updateTaxonomyItem(
  ctx: Ctx,
  code: string,
  input: UpdateTaxonomyItemBody,
): Promise<SetupTaxonomyItem> {
  await requireCountryScope(ctx);
  const { languages } = await taxonomyLanguages(ctx.db);
  const langs = languages.map((l) => l.code);
  if (input.labels) checkLabels("labels", input.labels, langs, null);
  if (input.descriptions) checkLabels("descriptions", input.descriptions, langs, null);
  const finalCode = await inTaxonomyTransaction(ctx, async (tx) => {
    const items = await loadItems(tx);
    const before = items.find((i) => i.code === code);
    if (!before) throw notFound("taxonomy item");
    if (input.descriptions && !hasDescriptions(before.kind)) {
      throw invalid("descriptions", `a ${before.kind} has no description`);
    }
    const after: TaxonomyItem = {
      ...before,
      labels: { ...before.labels, ...input.labels },
      descriptions: { ...before.descriptions, ...input.descriptions },
      active: input.active ?? before.active,
    };
    if (input.order !== undefined) await placeAmong(tx, siblingsOf(items, before), after, input.order);
    await updateItem(tx, before.kind, code, after);
    if (input.code !== undefined && input.code !== code) {
      await checkRecode(tx, items, code, input.code);
      await recodeItem(tx, after, input.code);
      after.code = input.code;
    }
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      await audit(ctx, tx, {
        action: "taxonomy.update",
        entity: "taxonomy_item",
        entityId: code,
        details: { before, after },
      });
    }
    return after.code;
  });
  return present(ctx, finalCode);
}

async function checkRecode(tx: Db, items: TaxonomyItem[], code: string, newCode: string) {
  if (items.some((i) => i.code === newCode)) {
    throw new AppError("CODE_TAKEN", `The taxonomy already has an item with the code ${newCode}`);
  }
  if ((await codesInUse(tx, [code])).size) {
    throw new AppError("CODE_IN_USE", `Reports use the code ${code}: it cannot change (retire the item instead)`);
  }
}
