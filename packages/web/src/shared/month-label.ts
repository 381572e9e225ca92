import { dateTimeFormat } from "./intl-format.js";

/** `2026-03` → "Mar 2026" (or "March 2026" with `long`) in the UI language; anything else as given. */
export function monthLabel(lng: string, key: string, month: "short" | "long" = "short"): string {
  const m = key.match(/^(\d{4})-(\d{2})$/);
  if (!m) return key;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  const locale = lng === "en-XA" ? "en" : lng;
  return dateTimeFormat(locale, { month, year: "numeric", timeZone: "UTC" }).format(d);
}
