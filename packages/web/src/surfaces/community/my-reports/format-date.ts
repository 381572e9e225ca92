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

/**
 * A calendar day (YYYY-MM-DD, as the person chose it) in the UI language. Formatted in UTC: the day must not move
 * with the phone's time zone.
 */
export function formatDay(day: string, lng: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(date.getTime())) return day;
  try {
    return new Intl.DateTimeFormat(contentLanguageFor(lng), { dateStyle: "long", timeZone: "UTC" }).format(date);
  } catch {
    return day;
  }
}
