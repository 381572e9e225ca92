import {
  type LocalizedText,
  type TaxonomyImportProblem,
  type TaxonomyKind,
  taxonomyCodeSchema,
  taxonomyKinds,
} from "@openclm/contracts";
import readXlsxFile from "read-excel-file/node";
import writeXlsxFile from "write-excel-file/node";
import type { TaxonomyItem } from "./taxonomy-items.js";

/**
 * The taxonomy as an XLSForm-style spreadsheet (docs/taxonomy-spreadsheet.md): a `choices` sheet with one row per
 * item (`list_name`, `name`, `label::<Language> (<code>)`…, `description::…`, `parent`, `retired`, `in_use`) in
 * display order, and a `settings` sheet naming the default language. Only reading and writing the file live here;
 * what an import may change is decided in taxonomy-import.ts.
 */

export const CHOICES = "choices";
const SETTINGS = "settings";

interface Language {
  code: string;
  name: string;
}

const column = (prefix: "label" | "description", l: Language) => `${prefix}::${l.name} (${l.code})`;
const cell = (value: string | null | undefined) => (value ? { value, type: String } : null);

/** Writes every item (retired ones too, marked) with a label and description column per language. */
export async function writeTaxonomySheet(
  items: TaxonomyItem[],
  used: Set<string>,
  languages: Language[],
): Promise<Buffer> {
  const header = [
    "list_name",
    "name",
    ...languages.map((l) => column("label", l)),
    ...languages.map((l) => column("description", l)),
    "parent",
    "retired",
    "in_use",
  ].map((value) => ({ value, fontWeight: "bold" as const }));
  const rows = items.map((i) => [
    cell(i.kind),
    cell(i.code),
    ...languages.map((l) => cell(i.labels[l.code])),
    ...languages.map((l) => cell(i.descriptions[l.code])),
    cell(i.parentCode),
    cell(i.active ? "" : "yes"),
    cell(used.has(i.code) ? "yes" : ""),
  ]);
  const settings = [[{ value: "default_language", fontWeight: "bold" as const }], [cell(languages[0]?.code ?? "en")]];
  return writeXlsxFile([
    { sheet: CHOICES, data: [header, ...rows], stickyRowsCount: 1, columns: header.map(() => ({ width: 24 })) },
    { sheet: SETTINGS, data: settings },
  ]).toBuffer();
}

/** One row of the `choices` sheet as read: `row` is the spreadsheet's row number (the header is row 1). */
export interface SheetItem {
  row: number;
  kind: TaxonomyKind;
  code: string;
  parentCode: string | null;
  labels: LocalizedText;
  descriptions: LocalizedText;
  /** Languages that have a label column: those labels replace the stored ones, other languages stay. */
  retired: boolean;
}

export interface SheetRead {
  items: SheetItem[];
  /** Languages the sheet has label columns for, and description columns for. */
  labelLanguages: string[];
  descriptionLanguages: string[];
  problems: TaxonomyImportProblem[];
}

/** `label::English (en)` or `label::en` → `en`; the language of an XLSForm translation column. */
export function languageOfColumn(header: string, prefix: string): string | null {
  if (!header.startsWith(`${prefix}::`)) return null;
  const rest = header.slice(prefix.length + 2).trim();
  const tagged = /\(([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})?)\)\s*$/.exec(rest);
  return tagged?.[1] ?? rest;
}

/** Appends problems of the `choices` sheet to `list`. */
export function problemRecorder(list: TaxonomyImportProblem[]) {
  return (row: number, problem: TaxonomyImportProblem["problem"], message: string, column?: string) => {
    list.push({ sheet: CHOICES, row, ...(column ? { column } : {}), problem, message });
  };
}

const text = (v: unknown) => (v === null || v === undefined ? "" : String(v).trim());
const YES = new Set(["yes", "true", "1", "y"]);
const NO = new Set(["", "no", "false", "0", "n"]);

/**
 * Reads the `choices` sheet. Problems of the file itself (not a spreadsheet, no `choices` sheet, missing columns, a
 * column for a language the platform does not have) and of each row on its own (unknown list, malformed code, no label
 * in the default language, a `retired` value that is neither yes nor no) are listed; rows are still returned.
 */
export async function readTaxonomySheet(
  file: Buffer,
  languages: string[],
  defaultLanguage: string,
): Promise<SheetRead> {
  const out: SheetRead = { items: [], labelLanguages: [], descriptionLanguages: [], problems: [] };
  const problem = problemRecorder(out.problems);
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    sheets = await readXlsxFile(file);
  } catch {
    problem(0, "file", "this is not an .xlsx spreadsheet");
    return out;
  }
  const data = sheets.find((s) => s.sheet.trim().toLowerCase() === CHOICES)?.data;
  if (!data) {
    problem(0, "file", "the spreadsheet has no sheet named choices");
    return out;
  }
  const header = (data[0] ?? []).map(text);
  const at = (name: string) => header.indexOf(name);
  const langColumns = (prefix: string) =>
    header.flatMap((h, index) => {
      const lang = languageOfColumn(h, prefix);
      return lang ? [{ lang, index, h }] : [];
    });
  const labels = langColumns("label");
  const descriptions = langColumns("description");
  for (const c of [...labels, ...descriptions]) {
    if (!languages.includes(c.lang)) problem(1, "columns", `${c.lang} is not a language of the platform`, c.h);
  }
  for (const required of ["list_name", "name"]) {
    if (at(required) < 0) problem(1, "columns", `the column ${required} is missing`, required);
  }
  if (!labels.some((c) => c.lang === defaultLanguage)) {
    problem(1, "columns", `a label column for the default language (${defaultLanguage}) is missing`);
  }
  if (out.problems.length) return out;
  out.labelLanguages = labels.map((c) => c.lang);
  out.descriptionLanguages = descriptions.map((c) => c.lang);
  const texts = (row: unknown[], cols: typeof labels) =>
    Object.fromEntries(cols.flatMap((c) => (text(row[c.index]) ? [[c.lang, text(row[c.index])]] : [])));
  for (const [i, row] of data.entries()) {
    if (i === 0 || row.every((v) => text(v) === "")) continue;
    const rowNo = i + 1;
    const kind = text(row[at("list_name")]) as TaxonomyKind;
    const code = text(row[at("name")]);
    const retired = text(row[at("retired")]).toLowerCase();
    if (!taxonomyKinds.includes(kind)) {
      problem(rowNo, "list_name", `"${kind}" is not one of ${taxonomyKinds.join(", ")}`, "list_name");
    }
    if (!taxonomyCodeSchema.safeParse(code).success || code.length > 80) {
      problem(rowNo, "code", `"${code}" is not a code: lower-case letters, digits, _ and dots`, "name");
    }
    const item: SheetItem = {
      row: rowNo,
      kind,
      code,
      parentCode: text(row[at("parent")]) || null,
      labels: texts(row, labels),
      descriptions: texts(row, descriptions),
      retired: YES.has(retired),
    };
    if (!item.labels[defaultLanguage]) {
      problem(rowNo, "missing_label", `no label in the default language (${defaultLanguage})`);
    }
    if (!YES.has(retired) && !NO.has(retired))
      problem(rowNo, "retired", `retired is "${retired}": write yes or leave it empty`, "retired");
    out.items.push(item);
  }
  return out;
}
