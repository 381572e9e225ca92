import { useEffect, useId } from "preact/hooks";
import { useT } from "../../i18n/use-t.js";
import { clearForumStore } from "./forum/forum-store.js";
import { forgetOpenedReport } from "./my-reports/opened-report.js";
import { clearSavedReports, devicePrefs } from "./outbox/saved-reports.js";

/** A page with nothing on it, served by the platform itself (works offline: it is precached). */
export const NEUTRAL_PAGE = "/blank.html";

const PRESSES = 3;
const WINDOW_MS = 1500;

/**
 * Leaves at once for a neutral page, replacing the current history entry so Back does not return here, and
 * dropping what lives only for this visit. Saved reports (local storage) are kept unless the person chose "clear on
 * exit": someone else may pick up the phone. Reports still waiting to be sent stay: losing a report is worse.
 */
export function quickExit(): void {
  try {
    sessionStorage.clear();
  } catch {
    // storage unavailable: nothing to clear
  }
  if (devicePrefs().clearOnExit) {
    clearSavedReports();
    clearForumStore();
  }
  forgetOpenedReport();
  document.title = "";
  document.body.replaceChildren();
  try {
    history.replaceState(null, "", NEUTRAL_PAGE);
  } catch {
    // some embedded browsers refuse: location.replace below still replaces the entry
  }
  location.replace(NEUTRAL_PAGE);
}

/** Esc pressed three times within 1.5 s triggers the quick exit, from anywhere in the app. */
export function useQuickExitShortcut(): void {
  useEffect(() => {
    let presses: number[] = [];
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      const now = e.timeStamp;
      presses = [...presses.filter((at) => now - at < WINDOW_MS), now];
      if (presses.length >= PRESSES) quickExit();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
}

export function QuickExitButton() {
  const t = useT("app");
  const hintId = useId();
  return (
    <>
      <button type="button" class="quick-exit" onClick={quickExit} aria-describedby={hintId}>
        <svg class="icon-directional" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <path
            d="M14 4h5v16h-5M10 8l-4 4 4 4M6 12h10"
            fill="none"
            stroke="currentColor"
            stroke-width="2"
            stroke-linecap="round"
            stroke-linejoin="round"
          />
        </svg>
        <span>{t("quickExit.label")}</span>
      </button>
      <span id={hintId} class="visually-hidden">
        {t("quickExit.hint")}
      </span>
    </>
  );
}
