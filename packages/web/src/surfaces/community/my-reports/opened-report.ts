import { useLocation } from "preact-iso";
import { APP_BASE } from "../sections.js";

/**
 * The report open on the track page. Held in memory only: the code never goes into the address (and so into the
 * browser's history) nor into storage; a reload asks for the code again, or it is opened from "My reports".
 */
let opened: string | null = null;

export const TRACK_PATH = `${APP_BASE}/track`;

export function setOpenedReport(code: string): void {
  opened = code;
}

export function openedReport(): string | null {
  return opened;
}

export function forgetOpenedReport(): void {
  opened = null;
}

/** Opens a report's page, replacing the history entry as every in-app link does (app-link.tsx). */
export function useOpenReport(): (code: string) => void {
  const { route } = useLocation();
  return (code) => {
    setOpenedReport(code);
    route(TRACK_PATH, true);
  };
}
