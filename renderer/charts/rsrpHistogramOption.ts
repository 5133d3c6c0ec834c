import type { ChartOption } from './EChart';

/**
 * ECharts option for the RSRP histogram: share of people (or area) per 5 dB bin, bars coloured by the
 * coverage classes, with the coverage threshold marked.
 */
export function rsrpHistogramOption(
  hist: { binStarts: number[]; counts: number[]; total: number },
  labels: { title: string; xAxis: string; yAxis: string; threshold: string },
  thresholdDbm: number,
): ChartOption {
  const share = hist.counts.map((c) => (hist.total > 0 ? (100 * c) / hist.total : 0));
  const colour = (start: number) => (start >= -85 ? '#238443' : start >= -95 ? '#78c679' : start >= -105 ? '#ffe650' : start >= -115 ? '#f7941d' : '#cb2027');
  return {
    title: { text: labels.title, textStyle: { fontSize: 13 } },
    grid: { left: 44, right: 12, top: 58, bottom: 36 },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${Number(v).toFixed(1)} %` },
    xAxis: { type: 'category', name: labels.xAxis, nameLocation: 'middle', nameGap: 22, data: hist.binStarts.map((s) => String(s)) },
    yAxis: { type: 'value', name: labels.yAxis, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        type: 'bar',
        data: share.map((v, k) => ({ value: Number(v.toFixed(2)), itemStyle: { color: colour(hist.binStarts[k]) } })),
        markLine: {
          symbol: 'none',
          label: { formatter: labels.threshold, position: 'end' },
          lineStyle: { color: '#c53030', type: 'dashed' },
          data: [{ xAxis: String(Math.floor(thresholdDbm / 5) * 5) }],
        },
      },
    ],
  };
}
