/**
 * Practice mode (training mode, ADR 0023): a volunteer learning to report sends practice reports, which the server
 * keeps apart from real ones (never counted, never exported, nothing sent about them). Turned on by opening the app
 * with `?practice=1` (the training guide's link) and off by the banner's button or `?practice=0`; remembered on the
 * device so a training session survives a reload. A report takes the mode it was made in (draft.ts toSubmitBody), so
 * a practice report saved offline stays a practice report.
 */
const KEY = "openclm.practice";

export function isPracticeMode(): boolean {
  try {
    return localStorage.getItem(KEY) === "1";
  } catch {
    return false;
  }
}

export function setPracticeMode(on: boolean): void {
  try {
    if (on) localStorage.setItem(KEY, "1");
    else localStorage.removeItem(KEY);
  } catch {
    // storage disabled: the mode cannot be kept, so it stays off (a real report is never sent as practice)
  }
}

/** `?practice=1` turns practice mode on, `?practice=0` off; the parameter is then dropped from the address. */
export function applyPracticeModeFromUrl(): void {
  const url = new URL(location.href);
  const value = url.searchParams.get("practice");
  if (value === null) return;
  setPracticeMode(value === "1");
  url.searchParams.delete("practice");
  history.replaceState(history.state, "", url.pathname + url.search + url.hash);
}
