import type { ChartOption } from './EChart';

/**
 * ECharts option for the coverage-vs-investment curve of a suggestion: cumulative cost (shown in 10k CNY)
 * against cumulative newly covered demand, one step per suggested site, starting at the origin.
 */
export function coverageCurveOption(
  curve: { costCny: number[]; demand: number[] },
  labels: { title: string; xAxis: string; yAxis: string },
): ChartOption {
  return {
    title: { text: labels.title, textStyle: { fontSize: 13 } },
    grid: { left: 56, right: 16, top: 58, bottom: 40 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', name: labels.xAxis, nameLocation: 'middle', nameGap: 24 },
    yAxis: { type: 'value', name: labels.yAxis },
    series: [
      {
        type: 'line',
        symbolSize: 5,
        data: curve.costCny.map((c, k) => [Number((c / 1e4).toFixed(1)), Math.round(curve.demand[k])]),
      },
    ],
  };
}
