import type { ECharts, EChartsCoreOption } from "echarts/core";
import { useEffect, useRef } from "preact/hooks";
import { inOwnTask, whenNearScreen } from "./near-screen.js";

export type ChartOption = EChartsCoreOption;

let loading: Promise<typeof import("./echarts-setup.js")["echarts"]> | undefined;

/** ECharts, loaded once on first use (its own chunk, `dashboard-charts`, cached by the service worker once fetched). */
export function loadECharts() {
  loading ??= import("./echarts-setup.js").then(
    (m) => m.echarts,
    (err: unknown) => {
      loading = undefined; // offline or a new release: the next chart tries again
      throw err;
    },
  );
  return loading;
}

/** Colour-blind-safe series colours (Okabe–Ito), starting with the platform's teal. */
export const palette = ["#0b5c66", "#d55e00", "#0072b2", "#cc79a7", "#e69f00", "#009e73", "#56b4e9"];
export const textStyle = {
  color: "#1a1f24",
  // No quotes: ECharts writes this into SVG attributes without escaping them.
  fontFamily: "system-ui, -apple-system, Segoe UI, Roboto, Noto Sans, Arial, sans-serif",
};

/**
 * One ECharts chart that follows its container's width (360 px phones included). The chart is an image to
 * assistive technology, named by `label`; the figures themselves are in the table beside every chart.
 */
export function EChart(props: { option: ChartOption; height: number; label: string }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  // The option to draw, kept for when ECharts arrives after the figures.
  const option = useRef(props.option);
  option.current = props.option;

  useEffect(() => {
    const node = el.current;
    if (!node) return;
    let instance: ECharts | null = null;
    let resize: ResizeObserver | null = null;
    let gone = false;
    const drawFirst = (echarts: Awaited<ReturnType<typeof loadECharts>>) => {
      if (gone) return;
      instance = echarts.init(node, null, { renderer: "svg" });
      chart.current = instance;
      draw(instance, option.current);
      resize = followSize(instance, node);
    };
    // ECharts (its download, and a first draw that takes a phone's processor a good part of a second per chart)
    // waits until the chart is half a screen away; the box keeps its height meanwhile, so nothing moves on drawing.
    const stopWatching = whenNearScreen(
      node,
      () =>
        loadECharts().then(
          (echarts) => inOwnTask(() => drawFirst(echarts)),
          () => {
            // No chart (offline before ECharts was cached): the table beside it has the same figures.
          },
        ),
      "50% 0px",
    );
    return () => {
      gone = true;
      stopWatching();
      resize?.disconnect();
      instance?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (chart.current) draw(chart.current, props.option);
  }, [props.option]);

  // A new height reaches the chart through its ResizeObserver (followSize).
  return <div ref={el} class="echart" role="img" aria-label={props.label} style={{ height: `${props.height}px` }} />;
}

/**
 * The chart as a stand-alone SVG document for download: drawn again off screen at a fixed, print-friendly size and
 * with its title inside, so the file makes sense on its own whatever the screen it came from.
 */
export async function chartSvg(
  option: ChartOption,
  title: string,
  caption: string[],
  width = 800,
  height = 480,
): Promise<string> {
  const echarts = await loadECharts();
  const instance = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    const grid = (option.grid ?? {}) as Record<string, unknown>;
    instance.setOption({
      color: palette,
      textStyle,
      animation: false,
      backgroundColor: "#ffffff",
      ...option,
      title: {
        text: title,
        subtext: caption.join("\n"),
        left: 16,
        top: 12,
        textStyle: { ...textStyle, fontSize: 16, fontWeight: "bold" },
        subtextStyle: { ...textStyle, fontSize: 12, color: "#3d4852", lineHeight: 16 },
      },
      grid: { ...grid, top: 72 + 16 * caption.length },
    });
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}

/**
 * Redraws the chart when its box changes size. A ResizeObserver reports the size it starts with too; redrawing then
 * would draw every chart twice on load, so only a change redraws.
 */
function followSize(instance: ECharts, box: HTMLElement): ResizeObserver {
  let width = box.clientWidth;
  let height = box.clientHeight;
  const resize = new ResizeObserver(() => {
    if (box.clientWidth === width && box.clientHeight === height) return;
    width = box.clientWidth;
    height = box.clientHeight;
    instance.resize();
  });
  resize.observe(box);
  return resize;
}

function draw(instance: ECharts, option: ChartOption) {
  instance.setOption(
    { color: palette, textStyle, animation: false, ...option, ...domTooltip(option) },
    { notMerge: true },
  );
}

interface TooltipParam {
  seriesName?: string;
  name?: string;
  axisValueLabel?: string;
  value?: unknown;
  color?: unknown;
  seriesIndex?: number;
}
type ValueFormatter = (value: unknown) => string;

/**
 * ECharts writes its own tooltip as HTML with `style="…"` attributes, which the strict CSP (no 'unsafe-inline' for
 * styles) refuses. This tooltip is built with DOM calls instead: classes from the style sheet, and the one style that
 * varies (a series' colour) set through the CSSOM, which CSP allows.
 */
function domTooltip(option: ChartOption): Partial<ChartOption> {
  const tooltip = option.tooltip as { valueFormatter?: ValueFormatter } | undefined;
  if (!tooltip) return {};
  // A series may format its own values (the breakdown's bars each show their metric).
  const series = (Array.isArray(option.series) ? option.series : []) as {
    tooltip?: { valueFormatter?: ValueFormatter };
  }[];
  const formatOf = (p: TooltipParam): ValueFormatter =>
    series[p.seriesIndex ?? -1]?.tooltip?.valueFormatter ?? tooltip.valueFormatter ?? ((v) => String(v ?? "—"));
  return {
    tooltip: { ...tooltip, formatter: (params: TooltipParam | TooltipParam[]) => tooltipContent(params, formatOf) },
  };
}

function tooltipContent(params: TooltipParam | TooltipParam[], formatOf: (p: TooltipParam) => ValueFormatter) {
  const items = Array.isArray(params) ? params : [params];
  const box = element("div", "chart-tip");
  const title = items[0]?.axisValueLabel ?? items[0]?.name;
  if (title) box.append(element("div", "chart-tip__title", title));
  for (const p of items) {
    const row = element("div", "chart-tip__row");
    const dot = element("span", "chart-tip__dot");
    if (typeof p.color === "string") dot.style.backgroundColor = p.color;
    const value = element("span", "chart-tip__value", formatOf(p)(p.value));
    row.append(dot, element("span", "chart-tip__name", p.seriesName ?? ""), value);
    box.append(row);
  }
  return box;
}

function element(tag: string, className: string, text?: string): HTMLElement {
  const el = document.createElement(tag);
  el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}
