import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "preact/hooks";

// Only what the dashboard draws: bar and line charts, rendered as SVG (crisp, small, and exportable as is).
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

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
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const node = el.current;
    if (!node) return;
    const instance = echarts.init(node, null, { renderer: "svg" });
    chart.current = instance;
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(node);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ color: palette, textStyle, animation: false, ...props.option }, { notMerge: true });
  }, [props.option]);

  useEffect(() => {
    chart.current?.resize();
  }, [props.height]);

  return <div ref={el} class="echart" role="img" aria-label={props.label} style={{ height: `${props.height}px` }} />;
}

/**
 * The chart as a stand-alone SVG document for download: drawn again off screen at a fixed, print-friendly size and
 * with its title inside, so the file makes sense on its own whatever the screen it came from.
 */
export function chartSvg(option: ChartOption, title: string, width = 800, height = 480): string {
  const instance = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    const grid = (option.grid ?? {}) as Record<string, unknown>;
    instance.setOption({
      color: palette,
      textStyle,
      animation: false,
      backgroundColor: "#ffffff",
      ...option,
      title: { text: title, left: 16, top: 12, textStyle: { ...textStyle, fontSize: 16, fontWeight: "bold" } },
      grid: { ...grid, top: 72 },
    });
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}
