import type { IndicatorMetric } from "@openclm/contracts";
import type { TargetItem } from "./dashboard-api.js";
import { calendarPeriod } from "./dashboard-filters.js";

const DAY = 86_400_000;
const utc = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** The last day of a target's period. */
export function targetEnd(t: Pick<TargetItem, "periodType" | "periodStart">): string {
  const start = new Date(utc(t.periodStart));
  const months = t.periodType === "year" ? 12 : t.periodType === "quarter" ? 3 : 1;
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, 0)).toISOString().slice(0, 10);
}

/**
 * A count target pro-rated to today when its period is still running (a quarter half gone expects half its target),
 * so a running period is never compared with the whole of it. Rates and medians are not pro-rated.
 */
export function expectedSoFar(t: TargetItem, today: Date): number | null {
  if (!t.metric.startsWith("reports_")) return null;
  const start = utc(t.periodStart);
  const end = utc(targetEnd(t)) + DAY;
  const now = today.getTime();
  if (now <= start || now >= end) return null;
  return Math.round((t.value * (now - start)) / (end - start));
}

/**
 * The target a headline tile compares with: one set for this metric and area over exactly the months the view shows
 * (a year, a quarter or a month), with what is expected by today while that period runs.
 */
export function tileTarget(
  targets: TargetItem[],
  metric: IndicatorMetric,
  period: { from: string; to: string },
  areaId: string,
  today: Date,
): { value: number; expected: number | null } | null {
  const months = calendarPeriod(period);
  const found = targets.find(
    (t) =>
      t.metric === metric &&
      t.areaId === (areaId || null) &&
      t.periodStart === months.from &&
      targetEnd(t) === months.to,
  );
  return found ? { value: found.value, expected: expectedSoFar(found, today) } : null;
}
