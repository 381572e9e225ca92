import {
  type FacilityImportProblem,
  type FacilityType,
  facilityTypes,
  type LocalizedText,
  weekdays,
} from "@openclm/contracts";
import { stringify } from "csv-stringify/sync";
import { readCsvRecords } from "../platform/csv-records.js";
import type { OpeningHours } from "./geography.schema.js";

/** The columns of a facility file, in the order `exportFacilities` writes them (names and addresses per language). */
export const FACILITY_COLUMNS = [
  "code",
  "type",
  "district_code",
  "latitude",
  "longitude",
  "address",
  "phone",
  "opening_hours",
  "services",
  "active",
] as const;
const REQUIRED = ["code", "type", "district_code", "latitude", "longitude"];
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const PHONE = /^\+?[0-9 ().-]{3,30}$/;
const TEXT_MAX = 300;

export interface FacilityCsvRow {
  row: number;
  code: string;
  /** Only the languages the file has a column for: others are kept as stored. */
  names: LocalizedText;
  nameLanguages: string[];
  address: LocalizedText;
  addressLanguages: string[];
  type: FacilityType;
  districtCode: string;
  lat: number;
  lng: number;
  phone: string | null;
  openingHours: OpeningHours;
  services: string[];
  /** Absent column or empty cell: unchanged (a new facility is active). */
  active: boolean | undefined;
}

/**
 * Reads a facility CSV (issue 13 item 4). Every problem is collected with its line number and column, so the whole file
 * can be refused with everything to fix. `defaultLanguage` is the language of the plain `address` column and the
 * name every facility must have.
 */
export function readFacilityCsv(
  text: string,
  languages: string[],
  defaultLanguage: string,
): { rows: FacilityCsvRow[]; problems: FacilityImportProblem[] } {
  const { records, parseError } = readCsvRecords(text);
  if (parseError) return { rows: [], problems: [{ ...parseError, problem: "parse" }] };
  if (!records.length) return { rows: [], problems: [{ row: 2, problem: "empty", message: "the file has no rows" }] };
  const header = Object.keys(records[0]!.record);
  const headerProblems = checkHeader(header, languages, defaultLanguage);
  if (headerProblems.length) return { rows: [], problems: headerProblems };

  const nameLanguages = header.filter((h) => h.startsWith("name:")).map((h) => h.slice(5));
  const addressLanguages = [
    ...new Set([
      ...(header.includes("address") ? [defaultLanguage] : []),
      ...header.filter((h) => h.startsWith("address:")).map((h) => h.slice(8)),
    ]),
  ];
  const problems: FacilityImportProblem[] = [];
  const rows: FacilityCsvRow[] = [];
  const columns = { nameLanguages, addressLanguages, defaultLanguage };
  for (const { record, info } of records) {
    const row = readFacilityRecord(unescapeFormulas(record), info.lines, columns, problems);
    if (row) rows.push(row);
  }
  return { rows, problems };
}

export interface FacilityColumns {
  nameLanguages: string[];
  addressLanguages: string[];
  defaultLanguage: string;
}

/**
 * Checks one facility (a file row, or the editor's fields written as one): pushes its problems and answers null if
 * it has any. The file import and the editor share it, so a facility is refused for the same reasons either way.
 */
export function readFacilityRecord(
  record: Record<string, string | undefined>,
  row: number,
  { nameLanguages, addressLanguages, defaultLanguage }: FacilityColumns,
  problems: FacilityImportProblem[],
): FacilityCsvRow | null {
  const before = problems.length;
  const bad = (column: string | undefined, problem: FacilityImportProblem["problem"], message: string) =>
    problems.push({ row, ...(column ? { column } : {}), problem, message });
  for (const [column, value] of Object.entries(record))
    if (value && value.length > TEXT_MAX) bad(column, "too_long", `longer than ${TEXT_MAX} characters`);
  const code = record.code ?? "";
  if (!code) bad("code", "missing_code", "the facility has no code");
  else if (!CODE.test(code)) bad("code", "missing_code", `"${code}" is not a code: letters, digits, ".", "-", "_"`);
  const names: LocalizedText = {};
  for (const lang of nameLanguages) if (record[`name:${lang}`]) names[lang] = record[`name:${lang}`]!;
  if (!names[defaultLanguage]) bad(`name:${defaultLanguage}`, "missing_name", `no name in ${defaultLanguage}`);
  const address: LocalizedText = {};
  for (const lang of addressLanguages) {
    const value = record[`address:${lang}`] || (lang === defaultLanguage ? record.address : undefined);
    if (value) address[lang] = value;
  }
  const type = record.type ?? "";
  if (!(facilityTypes as readonly string[]).includes(type))
    bad("type", "type", `"${type}" is not a facility type (${facilityTypes.join(", ")})`);
  const districtCode = record.district_code ?? "";
  if (!districtCode) bad("district_code", "district_code", "the facility has no district");
  const lat = coordinate(record.latitude, 90);
  const lng = coordinate(record.longitude, 180);
  if (lat === null) bad("latitude", "position", "latitude must be a number from -90 to 90");
  if (lng === null) bad("longitude", "position", "longitude must be a number from -180 to 180");
  const phone = record.phone || null;
  if (phone && !PHONE.test(phone)) bad("phone", "phone", `"${phone}" is not a phone number`);
  const hours = parseOpeningHours(record.opening_hours ?? "");
  if ("error" in hours) bad("opening_hours", "opening_hours", hours.error);
  const active = parseActive(record.active);
  if (active === null) bad("active", "active", "active must be true or false");
  if (problems.length > before) return null;
  return {
    row,
    code,
    names,
    nameLanguages,
    address,
    addressLanguages,
    type: type as FacilityType,
    districtCode,
    lat: lat as number,
    lng: lng as number,
    phone,
    openingHours: (hours as { value: OpeningHours }).value,
    services: (record.services ?? "")
      .split(";")
      .map((s) => s.trim())
      .filter(Boolean),
    active: active ?? undefined,
  };
}

/**
 * A cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return may be run as a formula by a spreadsheet
 * program (CSV injection): the export writes it after an apostrophe, which spreadsheets show as text. Plain numbers
 * (negative coordinates) stay as they are. The import takes the apostrophe off again, so an export re-imports as is.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?(e-?\d+)?$/i;

export function escapeFormula(cell: string): string {
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

function unescapeFormulas(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(record).map(([k, v]) => [k, v.startsWith("'") && FORMULA_START.test(v.slice(1)) ? v.slice(1) : v]),
  );
}

function checkHeader(header: string[], languages: string[], defaultLanguage: string): FacilityImportProblem[] {
  const problems: FacilityImportProblem[] = [];
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (!header.includes(`name:${defaultLanguage}`)) missing.push(`name:${defaultLanguage}`);
  if (missing.length)
    problems.push({ row: 1, problem: "columns", message: `missing column(s): ${missing.join(", ")}` });
  const unknown = header.filter((h) => {
    if ((FACILITY_COLUMNS as readonly string[]).includes(h)) return false;
    const [prefix, lang] = h.split(":");
    return !((prefix === "name" || prefix === "address") && lang && languages.includes(lang));
  });
  if (unknown.length)
    problems.push({
      row: 1,
      problem: "columns",
      message: `unknown column(s): ${unknown.join(", ")} (name:<lang> and address:<lang> need an enabled language)`,
    });
  return problems;
}

function coordinate(text: string | undefined, max: number): number | null {
  if (!text) return null;
  const n = Number(text);
  return Number.isFinite(n) && Math.abs(n) <= max ? n : null;
}

function parseActive(text: string | undefined): boolean | undefined | null {
  if (text === undefined || text === "") return undefined;
  const t = text.toLowerCase();
  if (["true", "yes", "1"].includes(t)) return true;
  if (["false", "no", "0"].includes(t)) return false;
  return null;
}

const RANGE = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/;

/**
 * Opening hours as `mon 08:00-12:00,13:00-17:00; sat 09:00-12:00`: days separated by ";", each a day (or a run of
 * days, `mon-fri`) and its time ranges separated by ",". A day not named is closed.
 */
export function parseOpeningHours(text: string): { value: OpeningHours } | { error: string } {
  const value: OpeningHours = {};
  for (const part of text
    .split(";")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^([a-z]{3})(?:-([a-z]{3}))?\s+(.+)$/i.exec(part);
    const from = weekdays.indexOf((m?.[1] ?? "").toLowerCase() as (typeof weekdays)[number]);
    const to = m?.[2] ? weekdays.indexOf(m[2].toLowerCase() as (typeof weekdays)[number]) : from;
    if (!m || from < 0 || to < from)
      return { error: `"${part}": write a day (mon … sun, or mon-fri) and times, e.g. "mon-fri 08:00-16:00"` };
    const ranges = (m[3] ?? "").split(",").map((r) => r.trim());
    const wrong = ranges.find((r) => !RANGE.test(r) || r.slice(0, 5) >= r.slice(6));
    if (wrong !== undefined) return { error: `"${wrong}" is not a time range like 08:00-16:00` };
    for (const day of weekdays.slice(from, to + 1)) value[day] = [...(value[day] ?? []), ...ranges];
  }
  return { value };
}

export function formatOpeningHours(hours: OpeningHours): string {
  return weekdays
    .filter((d) => hours[d]?.length)
    .map((d) => `${d} ${hours[d]!.join(",")}`)
    .join("; ");
}

export interface FacilityForCsv {
  code: string;
  names: LocalizedText;
  type: string;
  districtCode: string;
  lat: number;
  lng: number;
  address: LocalizedText;
  phone: string | null;
  openingHours: OpeningHours;
  services: string[];
  active: boolean;
}

/** The file `readFacilityCsv` reads back: one name and address column per enabled language, default first. */
export function writeFacilityCsv(items: FacilityForCsv[], languages: string[]): string {
  const [defaultLanguage, ...others] = languages;
  const columns = [
    "code",
    ...languages.map((l) => `name:${l}`),
    "type",
    "district_code",
    "latitude",
    "longitude",
    "address",
    ...others.map((l) => `address:${l}`),
    "phone",
    "opening_hours",
    "services",
    "active",
  ];
  const records = items.map((f) => [
    f.code,
    ...languages.map((l) => f.names[l] ?? ""),
    f.type,
    f.districtCode,
    String(f.lat),
    String(f.lng),
    f.address[defaultLanguage ?? ""] ?? "",
    ...others.map((l) => f.address[l] ?? ""),
    f.phone ?? "",
    formatOpeningHours(f.openingHours),
    f.services.join(";"),
    String(f.active),
  ]);
  return stringify([columns, ...records.map((r) => r.map(escapeFormula))]);
}
