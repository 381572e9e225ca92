import { BENCHMARK_PERIOD, type CsvRowError } from "@openclm/contracts";
import { readCsvRecords } from "../platform/csv-records.js";

export const BENCHMARK_COLUMNS = ["period", "area_code", "value"] as const;
/** Enough to find the pattern; a longer list helps nobody fix a file. */
const MAX_REPORTED_ERRORS = 50;

export interface BenchmarkCsvRow {
  /** Line in the file (the header is line 1). */
  row: number;
  period: string;
  /** Empty: the whole country. */
  areaCode: string;
  value: number;
}

/**
 * Reads `period,area_code,value` rows. Every problem is collected with its line number, so the whole file can be
 * refused at once with everything to fix, rather than one error per attempt.
 */
export function parseBenchmarkCsv(text: string): { rows: BenchmarkCsvRow[]; errors: CsvRowError[] } {
  const { records, parseError } = readCsvRecords(text);
  if (parseError) return { rows: [], errors: [{ ...parseError, problem: "parse" }] };
  const errors: CsvRowError[] = [];
  const header = records[0] ? Object.keys(records[0].record) : headerOf(text);
  const missing = BENCHMARK_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length)
    return { rows: [], errors: [{ row: 1, problem: "columns", message: `missing column(s): ${missing.join(", ")}` }] };
  if (!records.length) return { rows: [], errors: [{ row: 2, problem: "empty", message: "no data rows" }] };

  const rows: BenchmarkCsvRow[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of records) {
    const row = info.lines;
    const period = record.period ?? "";
    const areaCode = record.area_code ?? "";
    const value = Number(record.value);
    if (!BENCHMARK_PERIOD.test(period)) {
      errors.push({ row, problem: "period", column: "period", message: `"${period}" is not 2026-03, 2026-Q1 or 2026` });
    }
    if (record.value === "" || !Number.isFinite(value) || value < 0) {
      errors.push({
        row,
        problem: "value",
        column: "value",
        message: `"${record.value}" is not a number of 0 or more`,
      });
    }
    const key = `${period}\u0000${areaCode}`;
    const first = seen.get(key);
    if (first !== undefined)
      errors.push({ row, problem: "duplicate", message: `repeats the period and area of row ${first}` });
    else seen.set(key, row);
    rows.push({ row, period, areaCode, value });
  }
  return { rows, errors: errors.slice(0, MAX_REPORTED_ERRORS) };
}

function headerOf(text: string): string[] {
  const first = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  return first.split(",").map((h) => h.trim().toLowerCase());
}

export function limitErrors(errors: CsvRowError[]): CsvRowError[] {
  return errors.slice(0, MAX_REPORTED_ERRORS);
}
