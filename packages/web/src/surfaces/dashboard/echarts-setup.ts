import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

// Only what the dashboard draws: bar and line charts, rendered as SVG (crisp, small, and exportable as is). This
// module is loaded on demand (echart.tsx): ECharts is most of the dashboard's weight, and the page, its filters and
// its tables come first.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, SVGRenderer]);

export { echarts };
