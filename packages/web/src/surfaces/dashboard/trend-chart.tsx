import type { DateBasis, IndicatorMetric } from "@openclm/contracts";
import { validatedBasisMetrics } from "@openclm/contracts/constants";
import { useEffect, useId, useMemo, useState } from "preact/hooks";
import { useLanguage, useT } from "../../i18n/use-t.js";
import { Problem } from "../../shared/problem.js";
import { ChartFrame } from "./chart-frame.js";
import type { Cell, TableData } from "./csv.js";
import { type BenchmarkSeries, fetchBenchmarks, fetchTargets, type TargetItem } from "./dashboard-api.js";
import { type Grain, isPartOfAll, periodKeyOf, periodKeys, publicTrendWindow } from "./dashboard-filters.js";
import { type ChartOption, chartSvg, EChart } from "./echart.js";
import { formatMetric, metricCell, periodLabel } from "./format.js";
import { expectedSoFar } from "./targets.js";
import { useDashboard, useIndicatorsOver } from "./use-indicators.js";

export const trendMetrics: IndicatorMetric[] = [
  "reports_total",
  "reports_validated",
  "reports_declined",
  "reports_resolved",
  "reports_on_behalf",
  "pct_resolved",
  "pct_confirmed",
  "pct_on_behalf",
  "per_1000_affected",
  "coverage_pct",
  "median_hours_to_first_response",
  "median_hours_to_validation",
  "median_hours_to_resolution",
];
const isCount = (m: IndicatorMetric) => m.startsWith("reports_");
/** Indicators of validated reports, which may be counted by the month they were validated (staff view only). */
const byValidationPossible = (m: IndicatorMetric) => (validatedBasisMetrics as readonly string[]).includes(m);

/** Targets set for the view's period and area (signed-in views only; none when they cannot be read). */
export function useTargets(): TargetItem[] {
  const view = useDashboard();
  const [targets, setTargets] = useState<TargetItem[]>([]);
  const staff = view.source === "staff";
  useEffect(() => {
    if (!staff) return;
    let live = true;
    fetchTargets(view.period, view.filters.areaId).then((items) => live && setTargets(items));
    return () => {
      live = false;
    };
  }, [staff, view.period.from, view.period.to, view.filters.areaId]);
  return targets;
}

/** Targets and benchmark series for the trend (signed-in views only); both are optional extras. */
function useComparisons(metric: IndicatorMetric, grain: Grain) {
  const view = useDashboard();
  const targets = useTargets();
  const [benchmarks, setBenchmarks] = useState<BenchmarkSeries[]>([]);
  const staff = view.source === "staff";
  useEffect(() => {
    if (staff) void fetchBenchmarks().then(setBenchmarks);
  }, [staff]);

  const area = view.filters.areaId || null;
  const partial = isPartOfAll(view.filters);
  return useMemo(() => {
    const shape = grain === "month" ? /^\d{4}-\d{2}$/ : /^\d{4}-Q[1-4]$/;
    const target = new Map(
      targets
        .filter((x) => !partial && x.metric === metric && x.periodType === grain && x.areaId === area)
        // A period still running is compared with its target pro-rated to today (the table gives the whole too).
        .map((x) => [
          periodKeyOf(new Date(`${x.periodStart}T00:00:00Z`), grain),
          { value: expectedSoFar(x, new Date()) ?? x.value, whole: x.value },
        ]),
    );
    const series = benchmarks
      .filter((b) => b.metric === metric)
      .map((b) => ({
        name: b.name,
        values: new Map(
          b.points.filter((p) => p.areaId === area && shape.test(p.period)).map((p) => [p.period, p.value]),
        ),
      }))
      .filter((b) => b.values.size > 0);
    return { target, series };
  }, [targets, benchmarks, metric, grain, area, partial]);
}

/** The chosen indicator by month or quarter, with its target and any imported benchmark beside it. */
export function TrendChart() {
  const t = useT("dashboard");
  const lng = useLanguage();
  const id = useId();
  const view = useDashboard();
  const { trend: metric, grain } = view.filters;
  const today = new Date();
  // Public: the 12 months (4 quarters) up to the period's end, asked one calendar year at a time with the month as a
  // dimension, so each month is its own perturbed cell (docs/disclosure-control.md). Staff: the period itself.
  const publicWindow = view.source === "public" ? publicTrendWindow(view.period, grain, today) : null;
  // By month of validation where it means something: staff figures of validated reports. Published figures are by
  // month reported only (a second placing in time would let two answers be differenced).
  const basisOffered = view.source === "staff" && byValidationPossible(metric);
  const basis: DateBasis = basisOffered ? view.filters.basis : "reported";
  const state = useIndicatorsOver(publicWindow?.years ?? [view.period], [metric], [grain], [], undefined, basis);
  const { target, series } = useComparisons(metric, grain);
  const keys = publicWindow?.keys ?? periodKeys(view.period.from, view.period.to, grain);
  // The period today falls in is still running: its counts will grow, so it is marked rather than drawn as a drop.
  const runningKey = periodKeyOf(today, grain);
  const isRunning = (k: string) => k >= runningKey;
  const result = state.status === "ready" ? state.result : null;

  const model = useMemo(() => {
    if (!result) return null;
    const byKey = new Map(result.rows.map((r) => [r.dimensions[grain], r]));
    const actual = keys.map((k) => {
      const row = byKey.get(k);
      // A period without a row had no reports: zero for counts, no value for rates and medians.
      if (!row && isCount(metric)) return { text: formatMetric(t, lng, metric, 0), value: 0 } as Cell;
      return metricCell(t, lng, row, metric);
    });
    const number = (v: number | undefined): Cell =>
      v === undefined ? { text: t("notAvailable"), value: null } : { text: formatMetric(t, lng, metric, v), value: v };
    const hasTarget = keys.some((k) => target.has(k));
    const targetCell = (x: { value: number; whole: number } | undefined): Cell =>
      x && x.value !== x.whole
        ? {
            text: t("trend.targetSoFar", {
              value: formatMetric(t, lng, metric, x.value),
              whole: formatMetric(t, lng, metric, x.whole),
            }),
            value: x.value,
          }
        : number(x?.value);
    const table: TableData = {
      columns: [
        { label: t("trend.period"), code: t("download.codeOf", { label: t("trend.period") }) },
        { label: t("trend.actual"), numeric: true },
        ...(hasTarget ? [{ label: t("trend.target"), numeric: true }] : []),
        ...series.map((s) => ({ label: s.name, numeric: true })),
      ],
      rows: keys.map((k, i) => [
        {
          text: isRunning(k) ? t("trend.runningLabel", { period: periodLabel(t, lng, k) }) : periodLabel(t, lng, k),
          value: k,
          code: k,
        },
        actual[i]!,
        ...(hasTarget ? [targetCell(target.get(k))] : []),
        ...series.map((s) => number(s.values.get(k))),
      ]),
    };
    const labels = keys.map((k) => `${periodLabel(t, lng, k)}${isRunning(k) ? " *" : ""}`);
    const option: ChartOption = {
      grid: { left: 8, right: 16, top: 16, bottom: hasTarget || series.length ? 48 : 16, containLabel: true },
      tooltip: {
        trigger: "axis",
        valueFormatter: (v: unknown) => (typeof v === "number" ? formatMetric(t, lng, metric, v) : "—"),
      },
      legend: hasTarget || series.length ? { bottom: 0 } : { show: false },
      xAxis: { type: "category", data: labels, axisLabel: { hideOverlap: true } },
      yAxis: { type: "value", min: 0 },
      series: [
        {
          name: t("trend.actual"),
          type: isCount(metric) ? "bar" : "line",
          // The running period is drawn paler (a bar) or hollow (a line point), as it is not complete.
          data: actual.map((c, i) =>
            isRunning(keys[i] ?? "") ? { value: c.value, itemStyle: { opacity: 0.45 } } : c.value,
          ),
          barMaxWidth: 32,
        },
        ...(hasTarget
          ? [
              {
                name: t("trend.target"),
                type: "line",
                data: keys.map((k) => target.get(k)?.value ?? null),
                color: "#1a1f24",
                lineStyle: { type: "dashed" },
                symbol: "diamond",
                symbolSize: 10,
              },
            ]
          : []),
        ...series.map((s) => ({
          name: s.name,
          type: "line",
          data: keys.map((k) => s.values.get(k) ?? null),
          lineStyle: { type: "dotted", width: 2 },
          connectNulls: true,
        })),
      ],
    };
    return { table, option };
  }, [result, keys.join(), runningKey, target, series, t, lng]);

  // The title names the date basis whenever both are on offer, so a download says which one it shows.
  const title = `${t("trend.title")}: ${t(`metrics.${metric}`)}${basisOffered ? `, ${t(`trend.by.${basis}`)}` : ""}`;
  const summary = t("trend.summary", {
    metric: t(`metrics.${metric}`),
    grain: t(`dimensions.${grain}`),
    first: periodLabel(t, lng, keys[0] ?? ""),
    last: periodLabel(t, lng, keys.at(-1) ?? ""),
  });

  return (
    <ChartFrame
      id="trend"
      title={title}
      table={model?.table ?? null}
      image={
        model
          ? { svg: async (caption) => ({ svg: await chartSvg(model.option, title, caption), width: 800, height: 480 }) }
          : null
      }
      busy={state.status === "loading" || (state.status === "ready" && state.refreshing)}
      controls={
        <>
          <div class="field">
            <label for={`${id}-metric`}>{t("trend.metric")}</label>
            <select
              id={`${id}-metric`}
              value={metric}
              onChange={(e) => view.set({ trend: e.currentTarget.value as IndicatorMetric })}
            >
              {trendMetrics.map((m) => (
                <option key={m} value={m}>
                  {t(`metrics.${m}`)}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for={`${id}-grain`}>{t("trend.grain")}</label>
            <select
              id={`${id}-grain`}
              value={grain}
              onChange={(e) => view.set({ grain: e.currentTarget.value === "quarter" ? "quarter" : "month" })}
            >
              <option value="month">{t("trend.month")}</option>
              <option value="quarter">{t("trend.quarter")}</option>
            </select>
          </div>
          {basisOffered && (
            <div class="field">
              <label for={`${id}-basis`}>{t("trend.basis")}</label>
              <select
                id={`${id}-basis`}
                value={basis}
                onChange={(e) => view.set({ basis: e.currentTarget.value === "validated" ? "validated" : "reported" })}
              >
                <option value="reported">{t("trend.basisOption.reported")}</option>
                <option value="validated">{t("trend.basisOption.validated")}</option>
              </select>
            </div>
          )}
        </>
      }
    >
      {keys.length < 3 && <p class="hint">{t("trend.fewPeriods")}</p>}
      {publicWindow && <p class="hint">{t(grain === "month" ? "trend.publicMonths" : "trend.publicQuarters")}</p>}
      {state.status === "impossible" && <p class="notice">{t("incompatible")}</p>}
      {state.status === "error" && <Problem error={state.error} onRetry={state.retry} />}
      {state.status === "loading" && <p aria-live="polite">{t("loading")}</p>}
      {model && <EChart option={model.option} height={300} label={summary} />}
      {model && keys.some(isRunning) && <p class="hint">{t("trend.runningNote")}</p>}
      {model && (
        <p class="hint">{t(basis === "validated" ? "trend.basisNote.validated" : "trend.basisNote.reported")}</p>
      )}
    </ChartFrame>
  );
}
