/**
 * Whether a facility is open at a moment, read in the country's time zone (PRODUCT.md 3.3). Plain code with no zod:
 * the server filters `listFacilities?openNow=true` with it and the community app its "open now" choice, so both
 * agree. Ranges are "HH:MM-HH:MM"; "24:00" ends a day; a range whose end is before its start runs past midnight.
 */
import { weekdays } from "./constants.js";

export type WeeklyHours = Partial<Record<(typeof weekdays)[number], string[]>>;

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(":");
  return Number(h) * 60 + Number(m);
}

/** Weekday index (0 = Monday) and minutes since midnight of `at` on the clock of `timeZone`. */
function localTime(at: Date, timeZone: string): { day: number; minute: number } {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      weekday: "short",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }).formatToParts(at);
  } catch {
    return localTime(at, "UTC");
  }
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const day = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(get("weekday"));
  return { day, minute: Number(get("hour")) * 60 + Number(get("minute")) };
}

export function isOpenAt(hours: WeeklyHours, at: Date, timeZone: string): boolean {
  const { day, minute } = localTime(at, timeZone);
  const today = weekdays[day];
  const yesterday = weekdays[(day + 6) % 7];
  for (const range of (today && hours[today]) ?? []) {
    const [from = "", to = ""] = range.split("-");
    const start = minutes(from);
    const end = minutes(to);
    if (end > start ? minute >= start && minute < end : minute >= start) return true;
  }
  // Yesterday's overnight ranges ("20:00-06:00") still run this morning.
  for (const range of (yesterday && hours[yesterday]) ?? []) {
    const [from = "", to = ""] = range.split("-");
    if (minutes(to) < minutes(from) && minute < minutes(to)) return true;
  }
  return false;
}
