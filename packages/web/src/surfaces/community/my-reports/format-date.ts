import { contentLanguageFor } from "../../../i18n/i18n.js";

/** A date (and time) in the UI language; the raw value if the browser cannot format it. */
export function formatDate(iso: string, lng: string, withTime = false): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(contentLanguageFor(lng), {
      dateStyle: "medium",
      ...(withTime ? { timeStyle: "short" } : {}),
    }).format(date);
  } catch {
    return date.toISOString().slice(0, withTime ? 16 : 10);
  }
}
