/**
 * The reports this device sent: only the tracking code, when and which category. Nothing personal (no text, no
 * place, no phone) stays on the device once a report is sent.
 */
export interface SavedReport {
  trackingCode: string;
  createdAt: string;
  categoryCode: string;
}

const KEY = "openclm.reports";

export function readSavedReports(): SavedReport[] {
  try {
    const raw = localStorage.getItem(KEY);
    const list = raw ? (JSON.parse(raw) as unknown) : [];
    return Array.isArray(list) ? (list as SavedReport[]) : [];
  } catch {
    return [];
  }
}

function write(list: SavedReport[]): void {
  try {
    if (list.length === 0) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, JSON.stringify(list));
  } catch {
    // storage disabled: the code is shown on screen, the person can write it down
  }
}

/** Newest first; a code already saved is not added twice. */
export function saveReport(report: SavedReport): void {
  const others = readSavedReports().filter((r) => r.trackingCode !== report.trackingCode);
  write([report, ...others]);
}

export function forgetReport(trackingCode: string): void {
  write(readSavedReports().filter((r) => r.trackingCode !== trackingCode));
}

/** Tracking codes as people type them: upper case, spaces removed. */
export function normaliseCode(code: string): string {
  return code.trim().toUpperCase().replace(/\s+/g, "");
}
