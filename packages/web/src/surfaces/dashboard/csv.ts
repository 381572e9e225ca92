/** One cell of a table behind a chart: what people read, and what goes into the CSV. */
export interface Cell {
  text: string;
  /** The raw value for CSV; null = no value (the text, e.g. "hidden (fewer than 5)", is written instead). */
  value: string | number | null;
  /** Set on cells hidden by small-cell suppression. */
  hidden?: boolean;
  /** A link to this value's own view (drill-down: a district's dashboard). */
  href?: string;
  /** The stable code behind a named value (`information_not_in_my_language`), for a column with `code`. */
  code?: string;
}

export interface TableData {
  /** `code`: the header of a second CSV column holding the cells' codes (the first holds what people read). */
  columns: { label: string; numeric?: boolean; code?: string }[];
  rows: Cell[][];
}

/**
 * RFC 4180 CSV with a UTF-8 byte-order mark (so spreadsheet programs read non-Latin names right). Text starting
 * with = + - @ is prefixed with ' so a spreadsheet never runs it as a formula.
 */
export function toCsv(table: TableData): string {
  const header = table.columns.flatMap((c) => (c.code ? [c.label, c.code] : [c.label]));
  const line = (r: Cell[]) =>
    r.flatMap((cell, i) => (table.columns[i]?.code ? [field(cell.text), field(cell.code ?? "")] : [cellField(cell)]));
  const lines = [header.map(field), ...table.rows.map(line)];
  return `\uFEFF${lines.map((l) => l.join(",")).join("\r\n")}\r\n`;
}

function cellField(cell: Cell): string {
  if (typeof cell.value === "number") return String(cell.value);
  return field(cell.value ?? (cell.text === "—" ? "" : cell.text));
}

function field(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
