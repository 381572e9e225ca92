/**
 * Splits a period [from, to] (inclusive UTC dates) into the whole months the cube answers and the partial edges that
 * are counted from the reports themselves. A month that ends after today is whole: no report can come from the future.
 */
export interface PeriodPlan {
  /** First day of the first whole month and first day after the last whole month; null when none. */
  months: { from: string; until: string } | null;
  /** Half-open timestamp ranges [from, until) counted directly. */
  edges: { from: Date; until: Date }[];
}

const DAY = 86_400_000;

export function planPeriod(from: string, to: string, now: Date): PeriodPlan {
  const start = new Date(`${from}T00:00:00Z`);
  const end = new Date(new Date(`${to}T00:00:00Z`).getTime() + DAY); // exclusive
  const firstWhole = start.getUTCDate() === 1 ? start : monthStart(start, 1);
  const endMonth = monthStart(new Date(end.getTime() - DAY), 1); // first day after to's month
  const lastWhole =
    end.getTime() >= endMonth.getTime() || end.getTime() > now.getTime() ? endMonth : monthStart(end, 0);
  if (firstWhole.getTime() >= lastWhole.getTime()) return { months: null, edges: [{ from: start, until: end }] };
  const edges: PeriodPlan["edges"] = [];
  if (start < firstWhole) edges.push({ from: start, until: firstWhole });
  if (lastWhole < end && lastWhole.getTime() <= now.getTime()) edges.push({ from: lastWhole, until: end });
  return { months: { from: isoDate(firstWhole), until: isoDate(lastWhole) }, edges };
}

/** The first day of the month of `d`, moved by `offset` months. */
function monthStart(d: Date, offset: number): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1));
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}
