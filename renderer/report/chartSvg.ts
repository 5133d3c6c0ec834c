import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TitleComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { ChartOption } from '../charts/EChart';

echarts.use([BarChart, LineChart, GridComponent, TitleComponent, MarkLineComponent, SVGRenderer]);

/**
 * One chart as a self-contained SVG string, for the county report: ECharts' server-side SVG rendering
 * (`ssr: true`, renderToSVGString; https://echarts.apache.org/handbook/en/how-to/cross-platform/server/),
 * so it needs no DOM and the report needs no script. Tooltips and animation are dropped (a static page).
 * @example const svg = chartSvg(rsrpHistogramOption(hist, labels, -105), 640, 280) // '<svg ...'
 */
export function chartSvg(option: ChartOption, widthPx: number, heightPx: number): string {
  if (!(widthPx > 0 && heightPx > 0)) throw new RangeError(`widthPx and heightPx must be > 0, got ${widthPx} x ${heightPx}`);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: widthPx, height: heightPx });
  const { tooltip: _tooltip, ...staticOption } = option as Record<string, unknown>;
  try {
    chart.setOption({ ...staticOption, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
