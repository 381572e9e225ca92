import type { ImportTaxonomyBody, ImportTaxonomyResult, TaxonomyImportProblem, TaxonomyKind } from "@openclm/contracts";
import { audit } from "../audit/audit.service.js";
import type { Db } from "../db/database.js";
import { canonicalJson, inTransactionOrDryRun, refuseIfProblems } from "../geography/import-transaction.js";
import { requireCountryScope } from "../identity/scope.js";
import type { Ctx } from "../platform/context.js";
import { announceReportLookupsChanged, invalidateReportLookups } from "../reports/reports.lookups.js";
import {
  codesInUse,
  deleteItem,
  hasDescriptions,
  insertItem,
  loadItems,
  type TaxonomyItem,
  updateItem,
} from "./taxonomy-items.js";
import { taxonomyLanguages } from "./taxonomy-setup.service.js";
import { problemRecorder, readTaxonomySheet, type SheetItem, writeTaxonomySheet } from "./taxonomy-sheet.js";

/** `exportTaxonomy`: the whole taxonomy and key-population list as an .xlsx (docs/taxonomy-spreadsheet.md). */
export async function exportTaxonomy(ctx: Ctx): Promise<Buffer> {
  const [{ languages }, items, used] = await Promise.all([
    taxonomyLanguages(ctx.db),
    loadItems(ctx.db),
    codesInUse(ctx.db),
  ]);
  return writeTaxonomySheet(items, used, languages);
}

/**
 * `importTaxonomy` (issue 13 item 5): the spreadsheet is the whole taxonomy. Items are matched by code: new codes are
 * created, listed ones updated (labels and descriptions of the languages that have a column, parent, order = row
 * order among siblings, retired), and codes the sheet leaves out are removed — but a code a report uses may only be
 * retired, never removed, moved or made another kind. Every problem is listed by sheet row and nothing is applied
 * until there are none; `dryRun` answers the counts and applies nothing either.
 */
export async function importTaxonomy(ctx: Ctx, body: ImportTaxonomyBody): Promise<ImportTaxonomyResult> {
  await requireCountryScope(ctx);
  const { languages, defaultLanguage } = await taxonomyLanguages(ctx.db);
  const sheet = await readTaxonomySheet(
    Buffer.from(body.data, "base64"),
    languages.map((l) => l.code),
    defaultLanguage,
  );
  const problems = sheet.problems;
  const stored = await loadItems(ctx.db);
  const used = await codesInUse(ctx.db);
  if (!problems.some((p) => p.row <= 1)) problems.push(...checkAgainstStore(sheet.items, stored, used));
  refuseIfProblems(problems, (p) => p.row);
  const result = await inTransactionOrDryRun(ctx, body.dryRun ?? false, async (tx) => {
    const counts = await applySheet(tx, sheet, await loadItems(tx));
    await audit(ctx, tx, {
      action: "taxonomy.import",
      entity: "taxonomy_item",
      details: {
        created: counts.created,
        updated: counts.updated,
        retired: counts.retired,
        removed: counts.removed,
        changes: counts.changes,
      },
    });
    await announceReportLookupsChanged(tx);
    const { changes: _changes, ...rest } = counts;
    return rest;
  });
  if (!result.dryRun) invalidateReportLookups();
  return result;
}

/** The parent kind each kind needs (null: it has none). */
const parentKind: Record<TaxonomyKind, TaxonomyKind | null> = {
  category: null,
  subcategory: "category",
  challenge_type: "subcategory",
  key_population: null,
};

/** Row problems that need the whole sheet and what is stored: duplicates, parents, codes in use. */
function checkAgainstStore(items: SheetItem[], stored: TaxonomyItem[], used: Set<string>): TaxonomyImportProblem[] {
  const problems: TaxonomyImportProblem[] = [];
  const problem = problemRecorder(problems);
  const firstRow = new Map<string, SheetItem>();
  for (const item of items) {
    const first = firstRow.get(item.code);
    if (first) problem(item.row, "duplicate_code", `the code ${item.code} is already on row ${first.row}`, "name");
    else firstRow.set(item.code, item);
  }
  for (const item of items) {
    const wanted = parentKind[item.kind];
    const parent = item.parentCode ? firstRow.get(item.parentCode) : undefined;
    if (wanted === null && item.parentCode) {
      problem(
        item.row,
        "unknown_parent",
        `a ${item.kind.replace("_", " ")} has no parent: leave parent empty`,
        "parent",
      );
    } else if (wanted && (!parent || parent.kind !== wanted)) {
      problem(
        item.row,
        "unknown_parent",
        `no ${wanted} on this sheet has the code ${item.parentCode ?? "(empty)"}`,
        "parent",
      );
    }
    const old = stored.find((s) => s.code === item.code);
    if (old && used.has(old.code) && (old.kind !== item.kind || old.parentCode !== item.parentCode)) {
      problem(
        item.row,
        "code_in_use",
        `reports use ${item.code} as a ${old.kind.replace("_", " ")} under ${old.parentCode ?? "no parent"}: it cannot move or change kind (retire it and add a new code)`,
        "name",
      );
    }
  }
  for (const old of stored) {
    if (used.has(old.code) && !firstRow.has(old.code)) {
      problem(
        1,
        "code_in_use",
        `reports use ${old.code}, which the sheet leaves out: put its row back (mark it retired to hide it)`,
      );
    }
  }
  return problems;
}

const KIND_ORDER: TaxonomyKind[] = ["category", "subcategory", "challenge_type", "key_population"];

/** Applies a clean sheet: parents first for inserts and updates, children first for removals. */
async function applySheet(tx: Db, sheet: Awaited<ReturnType<typeof readTaxonomySheet>>, stored: TaxonomyItem[]) {
  const counts = { created: 0, updated: 0, retired: 0, removed: 0, changes: [] as unknown[] };
  const byCode = new Map(stored.map((s) => [s.code, s]));
  const sorted = [...sheet.items].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
  const position = siblingPositions(sheet.items);
  for (const item of sorted) {
    const old = byCode.get(item.code);
    const next = merged(item, old, sheet, position.get(item.code) ?? 0);
    if (!old || old.kind !== item.kind) {
      await insertItem(tx, next);
      counts.created++;
      counts.changes.push({ code: item.code, before: null, after: next });
      continue;
    }
    if (canonicalJson(old) === canonicalJson(next)) continue;
    await updateItem(tx, old.kind, old.code, next);
    if (old.active && !next.active) counts.retired++;
    else counts.updated++;
    counts.changes.push({ code: item.code, before: old, after: next });
  }
  const listed = new Map(sheet.items.map((i) => [i.code, i.kind]));
  const gone = stored
    .filter((s) => listed.get(s.code) !== s.kind)
    .sort((a, b) => KIND_ORDER.indexOf(b.kind) - KIND_ORDER.indexOf(a.kind));
  for (const old of gone) {
    await deleteItem(tx, old.kind, old.code);
    if (!listed.has(old.code)) {
      counts.removed++;
      counts.changes.push({ code: old.code, before: old, after: null });
    }
  }
  return counts;
}

/** Each code's position among the sheet rows of the same kind and parent (the sheet's row order is the order). */
function siblingPositions(items: SheetItem[]): Map<string, number> {
  const next = new Map<string, number>();
  const out = new Map<string, number>();
  for (const i of items) {
    const key = `${i.kind}/${i.parentCode ?? ""}`;
    const n = next.get(key) ?? 0;
    out.set(i.code, n);
    next.set(key, n + 1);
  }
  return out;
}

/** The item as it will be stored: the sheet's languages replace the stored ones, other languages stay. */
function merged(
  item: SheetItem,
  old: TaxonomyItem | undefined,
  sheet: { labelLanguages: string[]; descriptionLanguages: string[] },
  order: number,
): TaxonomyItem {
  const keep = (text: Record<string, string> | undefined, langs: string[]) =>
    Object.fromEntries(Object.entries(text ?? {}).filter(([l]) => !langs.includes(l)));
  const sameKind = old?.kind === item.kind;
  return {
    kind: item.kind,
    code: item.code,
    parentCode: item.parentCode,
    labels: { ...(sameKind ? keep(old?.labels, sheet.labelLanguages) : {}), ...item.labels },
    descriptions: hasDescriptions(item.kind)
      ? { ...(sameKind ? keep(old?.descriptions, sheet.descriptionLanguages) : {}), ...item.descriptions }
      : {},
    active: !item.retired,
    order,
  };
}
