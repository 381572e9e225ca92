import type { Facility } from "@openclm/contracts";
import { weekdays } from "../../../shared/domain-lists.js";

export interface HoursRow {
  /** "Mon" or "Mon – Fri", in the UI language. */
  days: string;
  /** "08:00–12:00, 13:00–17:00". */
  times: string;
}

function dayNames(locale: string): string[] {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat(locale, { weekday: "short", timeZone: "UTC" });
  } catch {
    format = new Intl.DateTimeFormat("en", { weekday: "short", timeZone: "UTC" });
  }
  // 1 January 2024 was a Monday.
  return weekdays.map((_, i) => format.format(new Date(Date.UTC(2024, 0, 1 + i))));
}

/** Opening hours as rows, joining consecutive days with the same hours. Closed days are left out. */
export function formatOpeningHours(hours: Facility["openingHours"], locale: string): HoursRow[] {
  const names = dayNames(locale);
  const rows: HoursRow[] = [];
  let start = -1;
  let key = "";
  const flush = (end: number) => {
    if (start < 0 || !key) return;
    const days = start === end ? names[start] : `${names[start]} – ${names[end]}`;
    rows.push({ days: days ?? "", times: key.replaceAll("-", "–").replaceAll(",", ", ") });
  };
  weekdays.forEach((day, i) => {
    const dayKey = (hours[day] ?? []).join(",");
    if (dayKey !== key) {
      flush(i - 1);
      start = i;
      key = dayKey;
    }
  });
  flush(weekdays.length - 1);
  return rows;
}
