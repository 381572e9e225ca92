import * as echarts from "echarts";
import type { Bar, FactsheetModel } from "./factsheet.service.js";

/** Colour-blind-safe (Okabe–Ito) and dark enough on white for print. */
export const PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00"];
const TEXT = { fontFamily: "sans-serif", color: "#1f2933", fontSize: 10 };

/** Renders an ECharts option to SVG on the server (no DOM, no canvas), without animation. */
function svgOf(option: echarts.EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption({ animation: false, color: PALETTE, textStyle: TEXT, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/**
 * Reports, validated and resolved per month of the period. Every month is named on the axis (a skipped label read as
 * a missing month), slanted when there are many; a month still running is marked "*" (the note under the chart says
 * why).
 */
export function trendSvg(
  trend: FactsheetModel["trend"],
  names: { total: string; validated: string; resolved: string },
  monthLabel: (month: string) => string,
  size: { width: number; height: number },
): string {
  const line = (name: string, data: (number | null)[]) => ({
    name,
    type: "line",
    data,
    symbolSize: 6,
    lineStyle: { width: 2 },
    label: { show: trend.length <= 6, position: "top", fontSize: 9 },
  });
  return svgOf(
    {
      grid: { left: 44, right: 16, top: 34, bottom: trend.length > 12 ? 44 : 28 },
      legend: { top: 0, left: 0, itemWidth: 16, itemHeight: 8, textStyle: TEXT },
      xAxis: {
        type: "category",
        data: trend.map((t) => `${monthLabel(t.month)}${t.running ? " *" : ""}`),
        axisLabel: { fontSize: 9, interval: 0, rotate: trend.length > 12 ? 45 : 0 },
      },
      yAxis: { type: "value", minInterval: 1, axisLabel: { fontSize: 9 } },
      series: [
        line(
          names.total,
          trend.map((t) => t.total),
        ),
        line(
          names.validated,
          trend.map((t) => t.validated),
        ),
        line(
          names.resolved,
          trend.map((t) => t.resolved),
        ),
      ],
    },
    size.width,
    size.height,
  );
}

/** Horizontal bars, largest on top; hidden values are left out of the chart (the table beside it says so). */
export function barsSvg(bars: Bar[], format: (n: number) => string, size: { width: number; height: number }): string {
  const shown = bars.filter((b) => b.value !== null).reverse();
  return svgOf(
    {
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: "value", show: false },
      yAxis: {
        type: "category",
        data: shown.map((b) => b.label),
        axisTick: { show: false },
        axisLabel: { fontSize: 10, width: 190, overflow: "truncate" },
      },
      series: [
        {
          type: "bar",
          data: shown.map((b) => b.value),
          barMaxWidth: 22,
          label: { show: true, position: "right", fontSize: 10, formatter: (p: { value: number }) => format(p.value) },
        },
      ],
    },
    size.width,
    size.height,
  );
}
