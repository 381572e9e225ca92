/**
 * Durations are stored as whole hours (protocol targets: 336) and shown and entered as days and hours ("14 days"),
 * which is how people think of a fortnight. Pure, so the conversion is tested without a browser.
 */

export interface DaysHours {
  days: number;
  hours: number;
}

/** 336 → 14 days 0 hours; 36 → 1 day 12 hours. */
export function splitHours(total: number): DaysHours {
  return { days: Math.floor(total / 24), hours: total % 24 };
}

/**
 * What was typed in the two boxes, as hours: null when both are empty (no value of its own: the default applies),
 * NaN when either is not a whole number of 0 or more (the caller says so rather than save something else).
 */
export function joinHours(days: string, hours: string): number | null {
  const d = days.trim();
  const h = hours.trim();
  if (d === "" && h === "") return null;
  const whole = (v: string) => (v === "" ? 0 : /^\d+$/.test(v) ? Number(v) : Number.NaN);
  return whole(d) * 24 + whole(h);
}

/** The two boxes' text for a stored value: 336 → "14" and ""; null → both empty. */
export function boxesFor(total: number | null | undefined): { days: string; hours: string } {
  if (total === null || total === undefined) return { days: "", hours: "" };
  const { days, hours } = splitHours(total);
  return { days: days ? String(days) : "", hours: hours || !days ? String(hours) : "" };
}
