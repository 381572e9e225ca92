import type { IndicatorDimension, IndicatorMetric, IndicatorRow } from "@openclm/contracts";
import type { ComponentChildren } from "preact";
import { useMemo } from "preact/hooks";
import { useLanguage, useT } from "../../i18n/use-t.js";
import { Problem } from "../../shared/problem.js";
import { ChartFrame } from "./chart-frame.js";
import type { TableData } from "./csv.js";
import { type ChartOption, chartSvg, EChart } from "./echart.js";
import { formatMetric, metricCell, valueLabel } from "./format.js";
import { useDashboard, useIndicators } from "./use-indicators.js";

export interface BreakdownProps {
  id: string;
  title: string;
  hint?: string;
  dimension: IndicatorDimension;
  /** Columns of the table (and CSV). */
  metrics: IndicatorMetric[];
  /** Bars of the chart: counts, drawn side by side. */
  bars: IndicatorMetric[];
  /** Largest first by this metric (else the server's order); `top` keeps the first N. */
  sortBy?: IndicatorMetric;
  /** A natural order of the values (age groups), used when not sorting by size. */
  order?: readonly string[];
  top?: number;
  controls?: ComponentChildren;
}

const BAR_HEIGHT = 36;

/** One indicator split by a dimension (gender, channel, challenge type…), as horizontal bars and a table. */
export function BreakdownChart(props: BreakdownProps) {
  const t = useT("dashboard");
  const lng = useLanguage();
  const view = useDashboard();
  const state = useIndicators(props.metrics, [props.dimension]);
  const result = state.status === "ready" ? state.result : null;

  const model = useMemo(() => {
    if (!result) return null;
    const rows = pickRows(result.rows, props);
    const label = (r: IndicatorRow) =>
      valueLabel(t, result.labels, props.dimension, r.dimensions[props.dimension] ?? "");
    const table: TableData = {
      columns: [
        {
          label: t(`dimensions.${props.dimension}`),
          code: t("download.codeOf", { label: t(`dimensions.${props.dimension}`) }),
        },
        ...props.metrics.map((m) => ({ label: t(`metrics.${m}`), numeric: true })),
      ],
      rows: rows.map((r) => [
        { text: label(r), value: label(r), code: r.dimensions[props.dimension] ?? "" },
        ...props.metrics.map((m) => metricCell(t, lng, r, m)),
      ]),
    };
    const option: ChartOption = {
      grid: { left: 8, right: 24, top: 8, bottom: props.bars.length > 1 ? 40 : 8, containLabel: true },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      legend: props.bars.length > 1 ? { bottom: 0 } : { show: false },
      yAxis: {
        type: "category",
        inverse: true,
        data: rows.map(label),
        // Long names wrap onto a second line rather than being cut ("Information not in m…").
        axisLabel: { width: 120, overflow: "break", lineHeight: 14 },
      },
      xAxis: { type: "value", min: 0 },
      series: props.bars.map((m) => ({
        name: t(`metrics.${m}`),
        type: "bar",
        data: rows.map((r) => r.metrics[m] ?? null),
        barMaxWidth: 18,
        tooltip: { valueFormatter: (v: unknown) => (typeof v === "number" ? formatMetric(t, lng, m, v) : "—") },
      })),
    };
    return { table, option, count: rows.length };
  }, [result, t, lng, view.filters.category]);

  const summary = t("breakdown.summary", {
    metric: props.bars.map((m) => t(`metrics.${m}`)).join(", "),
    dimension: t(`dimensions.${props.dimension}`),
    n: model?.count ?? 0,
  });
  const height = Math.max(140, (model?.count ?? 0) * BAR_HEIGHT * Math.max(1, props.bars.length * 0.7) + 56);

  return (
    <ChartFrame
      id={props.id}
      title={props.title}
      hint={props.hint}
      controls={props.controls}
      table={model?.count ? model.table : null}
      image={
        model?.count
          ? {
              svg: async (caption) => ({
                svg: await chartSvg(model.option, props.title, caption, 800, height + 120),
                width: 800,
                height: height + 120,
              }),
            }
          : null
      }
      busy={state.status === "loading" || (state.status === "ready" && state.refreshing)}
    >
      {state.status === "impossible" && <p class="notice">{t("incompatible")}</p>}
      {state.status === "error" && <Problem error={state.error} onRetry={state.retry} />}
      {state.status === "loading" && <p aria-live="polite">{t("loading")}</p>}
      {model && model.count === 0 && <p class="muted">{t("noData")}</p>}
      {model && model.count > 0 && <EChart option={model.option} height={height} label={summary} />}
    </ChartFrame>
  );
}

/** Rows worth a bar: something counted or hidden; largest first when asked, then the top N. */
function pickRows(rows: IndicatorRow[], props: BreakdownProps): IndicatorRow[] {
  const shown = rows.filter((r) => r.suppressed || props.bars.some((m) => (r.metrics[m] ?? 0) > 0));
  const { sortBy, order, dimension } = props;
  const rank = (r: IndicatorRow) => {
    const i = order?.indexOf(r.dimensions[dimension] ?? "") ?? -1;
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const sorted = sortBy
    ? [...shown].sort((a, b) => (b.metrics[sortBy] ?? -1) - (a.metrics[sortBy] ?? -1))
    : order
      ? [...shown].sort((a, b) => rank(a) - rank(b))
      : shown;
  return props.top ? sorted.slice(0, props.top) : sorted;
}
