import { numbersFor, type Language } from '../../core/text';
import type { ChartOption } from './EChart';

/**
 * ECharts option for the coverage-vs-investment curve of a suggestion: cumulative cost (shown in 10k CNY) against
 * the cumulative people newly covered (the figure the suggestion's summary and table give), one step per suggested
 * site from the origin. Axis labels are compact (1.5万 / 15k) and hide on overlap, so a large budget's labels never
 * run together; `kneeCostCny` (core/suggest curveKnee) is marked with a dashed line where more budget stops buying much.
 */
export function coverageCurveOption(
  curve: { costCny: readonly number[]; people: readonly number[] },
  labels: { title: string; xAxis: string; yAxis: string; knee?: string },
  options: { language?: Language; kneeCostCny?: number } = {},
): ChartOption {
  const n = numbersFor(options.language ?? 'zh');
  const axisLabel = { hideOverlap: true, formatter: (v: number) => n.compact(v) };
  return {
    title: { text: labels.title, textStyle: { fontSize: 13 } },
    grid: { left: 56, right: 24, top: 58, bottom: 40 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', name: labels.xAxis, nameLocation: 'middle', nameGap: 24, splitNumber: 4, axisLabel },
    yAxis: { type: 'value', name: labels.yAxis, splitNumber: 4, axisLabel },
    series: [
      {
        type: 'line',
        symbolSize: 5,
        data: curve.costCny.map((c, k) => [Number((c / 1e4).toFixed(1)), Math.round(curve.people[k])]),
        ...(options.kneeCostCny !== undefined && {
          markLine: {
            symbol: 'none',
            label: { formatter: labels.knee ?? '', position: 'insideEndTop', fontSize: 11 },
            lineStyle: { color: '#b7791f', type: 'dashed' },
            data: [{ xAxis: Number((options.kneeCostCny / 1e4).toFixed(1)) }],
          },
        }),
      },
    ],
  };
}
