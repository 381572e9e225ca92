import { AppError } from "../platform/app-error.js";

export interface Dhis2Period {
  /** As the platform writes it: `2026-10` or `2026Q4`. */
  period: string;
  /** As DHIS2 writes it: `202610` or `2026Q4`. */
  dhis2Period: string;
  /** First and last day, inclusive (UTC dates), as the indicator queries take them. */
  from: string;
  to: string;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** A calendar month or quarter, by the platform's name; a clear 400 for anything else. */
export function parsePeriod(period: string): Dhis2Period {
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  const quarter = /^(\d{4})Q([1-4])$/.exec(period);
  if (!month && !quarter)
    throw new AppError("VALIDATION_FAILED", "A period is a month (2026-10) or a quarter (2026Q4)");
  const year = Number((month ?? quarter)?.[1]);
  const firstMonth = month ? Number(month[2]) - 1 : (Number(quarter?.[2]) - 1) * 3;
  const months = month ? 1 : 3;
  return {
    period,
    dhis2Period: month ? `${month[1]}${month[2]}` : period,
    from: iso(new Date(Date.UTC(year, firstMonth, 1))),
    to: iso(new Date(Date.UTC(year, firstMonth + months, 0))),
  };
}

/** The period of `type` that ended most recently before `now` (the nightly job pushes it). */
export function lastClosedPeriod(type: "monthly" | "quarterly", now = new Date()): string {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth(); // 0-based: the running month
  if (type === "monthly") {
    const d = new Date(Date.UTC(y, m - 1, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
  }
  const q = Math.floor(m / 3); // the running quarter, 0-based
  return q === 0 ? `${y - 1}Q4` : `${y}Q${q}`;
}

/** Refuses a period that has not ended: its figures would still change after DHIS2 stored them. */
export function assertClosed(p: Dhis2Period, now = new Date()): void {
  if (p.to >= iso(now)) {
    throw new AppError("PERIOD_NOT_CLOSED", `${p.period} has not ended yet: its figures would still change`, {
      period: p.period,
    });
  }
}
