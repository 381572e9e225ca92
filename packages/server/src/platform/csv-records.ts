import { CsvError, parse } from "csv-parse/sync";

/** One data row of an uploaded CSV, with the line it ended on (for messages that name the row). */
export interface CsvRecord {
  record: Record<string, string>;
  info: { lines: number };
}

/**
 * Reads an uploaded CSV the way every Set-up import does: BOM stripped, header names trimmed and lower-cased, cells
 * trimmed, empty lines skipped. A file that is not CSV answers `parseError` with the line where reading stopped,
 * so each import reports it in its own problem list.
 */
export function readCsvRecords(
  text: string,
): { records: CsvRecord[]; parseError?: undefined } | { records: []; parseError: { row: number; message: string } } {
  try {
    const records: CsvRecord[] = parse(text, {
      bom: true,
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      info: true,
    });
    return { records };
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    return {
      records: [],
      parseError: { row: (err as CsvError & { lines?: number }).lines ?? 1, message: err.message },
    };
  }
}
