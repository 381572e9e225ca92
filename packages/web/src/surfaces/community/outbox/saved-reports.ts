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

/** Newest first; a code already saved is not added twice. A shared device keeps none. */
export function saveReport(report: SavedReport): void {
  if (devicePrefs().shared) return;
  const others = readSavedReports().filter((r) => r.trackingCode !== report.trackingCode);
  write([report, ...others]);
}

export function forgetReport(trackingCode: string): void {
  write(readSavedReports().filter((r) => r.trackingCode !== trackingCode));
}

export function isSavedReport(trackingCode: string): boolean {
  return readSavedReports().some((r) => r.trackingCode === trackingCode);
}

export function clearSavedReports(): void {
  write([]);
}

/**
 * How this device treats tracking codes (issue: a shared phone keeps every report). `shared`: set once by opening the
 * app with `?device=shared` (a facility kiosk, a borrowed phone), remembered; nothing is kept after sending.
 * `keep`: whether a sent report stays in "My reports" unless the person says otherwise (unset: the programme's
 * setting decides, see keepByDefault).
 * `clearOnExit`: the quick exit also forgets the saved reports.
 */
export interface DevicePrefs {
  shared?: boolean;
  keep?: boolean;
  clearOnExit?: boolean;
}

const PREFS_KEY = "openclm.device";

export function devicePrefs(): DevicePrefs {
  try {
    const raw = localStorage.getItem(PREFS_KEY);
    const prefs = raw ? (JSON.parse(raw) as unknown) : {};
    return prefs && typeof prefs === "object" ? (prefs as DevicePrefs) : {};
  } catch {
    return {};
  }
}

export function setDevicePrefs(patch: DevicePrefs): void {
  try {
    localStorage.setItem(PREFS_KEY, JSON.stringify({ ...devicePrefs(), ...patch }));
  } catch {
    // storage disabled: nothing is kept anyway
  }
  if (patch.shared) clearSavedReports();
}

const PROGRAMME_KEY = "openclm.programme";

/**
 * The programme's default (setting `device` of the server, in the public config): remembered so that a report sent
 * from the outbox before the config loads, or offline, follows it too. Not personal.
 */
export function rememberProgrammeDefault(device: { keepReportsByDefault: boolean } | undefined): void {
  if (!device) return; // a config cached from before the setting existed
  try {
    localStorage.setItem(PROGRAMME_KEY, JSON.stringify({ keepReportsByDefault: device.keepReportsByDefault }));
  } catch {
    // storage disabled: nothing is kept anyway
  }
}

/** Whether the programme keeps reports on the phone by default (on until the server says otherwise). */
export function programmeKeepsByDefault(): boolean {
  try {
    const raw = localStorage.getItem(PROGRAMME_KEY);
    return (raw ? (JSON.parse(raw) as { keepReportsByDefault?: unknown }) : {}).keepReportsByDefault !== false;
  } catch {
    return true;
  }
}

/**
 * Whether a report sent now is kept on this device unless the person says otherwise: never on a shared device; else
 * as the person chose for this device in "My reports"; else as the programme's setting says (off for kiosks).
 */
export function keepByDefault(): boolean {
  const prefs = devicePrefs();
  return !prefs.shared && (prefs.keep ?? programmeKeepsByDefault());
}

/**
 * `?device=shared` (or `personal`) in the address sets the device's mode once; the parameter is then dropped from the
 * address, so it is not shared along with a link.
 */
export function applyDeviceModeFromUrl(): void {
  const url = new URL(location.href);
  const mode = url.searchParams.get("device");
  if (mode !== "shared" && mode !== "personal") return;
  setDevicePrefs({ shared: mode === "shared" });
  url.searchParams.delete("device");
  history.replaceState(history.state, "", `${url.pathname}${url.search}${url.hash}`);
}

/** Tracking codes as people type them: upper case, spaces removed. */
export function normaliseCode(code: string): string {
  return code.trim().toUpperCase().replace(/\s+/g, "");
}
