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

/**
 * Splits a run of whole months [from, until) into the whole calendar quarters inside it (read from the quarterly
 * roll-up) and the months before and after them (read month by month). No quarter fits: the months alone.
 */
export function splitQuarters(months: { from: string; until: string }): {
  quarters: { from: string; until: string } | null;
  months: { from: string; until: string }[];
} {
  const start = new Date(`${months.from}T00:00:00Z`);
  const end = new Date(`${months.until}T00:00:00Z`);
  const firstQuarter = monthStart(start, (3 - (start.getUTCMonth() % 3)) % 3);
  const lastQuarter = monthStart(end, -(end.getUTCMonth() % 3));
  if (firstQuarter.getTime() >= lastQuarter.getTime()) return { quarters: null, months: [months] };
  const quarters = { from: isoDate(firstQuarter), until: isoDate(lastQuarter) };
  const around = [
    { from: months.from, until: quarters.from },
    { from: quarters.until, until: months.until },
  ];
  return { quarters, months: around.filter((r) => r.from < r.until) };
}
