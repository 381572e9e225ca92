/** One cell of a table behind a chart: what people read, and what goes into the CSV. */
export interface Cell {
  text: string;
  /** The raw value for CSV; null = no value (the text, e.g. "hidden (fewer than 5)", is written instead). */
  value: string | number | null;
  /** Set on cells hidden by small-cell suppression. */
  hidden?: boolean;
}

export interface TableData {
  columns: { label: string; numeric?: boolean }[];
  rows: Cell[][];
}

/**
 * RFC 4180 CSV with a UTF-8 byte-order mark (so spreadsheet programs read non-Latin names right). Text starting
 * with = + - @ is prefixed with ' so a spreadsheet never runs it as a formula.
 */
export function toCsv(table: TableData): string {
  const lines = [table.columns.map((c) => field(c.label)), ...table.rows.map((r) => r.map(cellField))];
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
