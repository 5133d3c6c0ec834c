import type { CalibrationPoints } from '../calibration/calibrationJobs';
import type { ChartOption } from './EChart';

/** Most points a scatter draws (every k-th point beyond): ECharts stays quick and the shape stays visible. */
export const SCATTER_MAX_POINTS = 4000;

/** Error histogram bins: 2 dB wide from −40 to +40 dB; errors beyond go to the end bins. */
const BIN_DB = 2;
const RANGE_DB = 40;

/**
 * Predicted − measured errors (dB) binned for the histogram, as shares of the points with both values, before
 * and after calibration. Non-finite pairs are left out.
 * @example errorHistogram(outcome.points).after // shares per bin, summing to 1
 */
export function errorHistogram(points: CalibrationPoints): { binStartsDb: number[]; before: number[]; after: number[] } {
  const bins = (2 * RANGE_DB) / BIN_DB;
  const binStartsDb = Array.from({ length: bins }, (_, k) => -RANGE_DB + k * BIN_DB);
  const share = (predicted: Float64Array) => {
    const counts = new Array<number>(bins).fill(0);
    let n = 0;
    for (let i = 0; i < predicted.length; i++) {
      const e = predicted[i] - points.measuredDbm[i];
      if (!Number.isFinite(e)) continue;
      counts[Math.min(bins - 1, Math.max(0, Math.floor((e + RANGE_DB) / BIN_DB)))]++;
      n++;
    }
    return counts.map((c) => (n > 0 ? c / n : 0));
  };
  return { binStartsDb, before: share(points.beforeDbm), after: share(points.afterDbm) };
}

/** [measured, predicted] pairs with both finite, every k-th so at most `max` (k = ceil(n / max)). */
export function scatterPairs(measured: Float64Array, predicted: Float64Array, max = SCATTER_MAX_POINTS): [number, number][] {
  const step = Math.max(1, Math.ceil(measured.length / max));
  const out: [number, number][] = [];
  for (let i = 0; i < measured.length; i += step) {
    if (Number.isFinite(measured[i]) && Number.isFinite(predicted[i])) out.push([Math.round(measured[i] * 10) / 10, Math.round(predicted[i] * 10) / 10]);
  }
  return out;
}

/** Predicted vs measured RSRP, before (grey) and after (held out, blue), with the 1:1 line. */
export function calibrationScatterOption(
  points: CalibrationPoints,
  labels: { title: string; xAxis: string; yAxis: string; before: string; after: string },
): ChartOption {
  const before = scatterPairs(points.measuredDbm, points.beforeDbm);
  const after = scatterPairs(points.measuredDbm, points.afterDbm);
  let lo = Infinity;
  let hi = -Infinity;
  for (const [m, p] of [...before, ...after]) {
    lo = Math.min(lo, m, p);
    hi = Math.max(hi, m, p);
  }
  lo = Number.isFinite(lo) ? Math.floor(lo / 10) * 10 : -140;
  hi = Number.isFinite(hi) ? Math.ceil(hi / 10) * 10 : -40;
  return {
    title: { text: labels.title, textStyle: { fontSize: 13 } },
    legend: { top: 24, right: 0, data: [labels.before, labels.after] },
    grid: { left: 52, right: 14, top: 62, bottom: 40 },
    tooltip: { trigger: 'item', formatter: (p: { value: [number, number]; seriesName: string }) => `${p.seriesName}: ${p.value[0]} → ${p.value[1]} dBm` },
    xAxis: { type: 'value', name: labels.xAxis, nameLocation: 'middle', nameGap: 24, min: lo, max: hi },
    yAxis: { type: 'value', name: labels.yAxis, nameLocation: 'middle', nameGap: 36, min: lo, max: hi },
    series: [
      { name: labels.before, type: 'scatter', symbolSize: 3, data: before, itemStyle: { color: 'rgba(140,140,140,0.45)' }, large: true },
      { name: labels.after, type: 'scatter', symbolSize: 3, data: after, itemStyle: { color: 'rgba(33,102,172,0.6)' }, large: true },
      { type: 'line', data: [[lo, lo], [hi, hi]], symbol: 'none', lineStyle: { color: '#c53030', type: 'dashed', width: 1 }, tooltip: { show: false }, silent: true },
    ],
  };
}

/** Histogram of predicted − measured, before and after (held out), as % of points per 2 dB bin. */
export function errorHistogramOption(
  points: CalibrationPoints,
  labels: { title: string; xAxis: string; yAxis: string; before: string; after: string },
): ChartOption {
  const h = errorHistogram(points);
  const pct = (xs: number[]) => xs.map((x) => Number((100 * x).toFixed(2)));
  return {
    title: { text: labels.title, textStyle: { fontSize: 13 } },
    legend: { top: 24, right: 0, data: [labels.before, labels.after] },
    grid: { left: 44, right: 12, top: 62, bottom: 40 },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${Number(v).toFixed(1)} %` },
    xAxis: { type: 'category', name: labels.xAxis, nameLocation: 'middle', nameGap: 24, data: h.binStartsDb.map(String) },
    yAxis: { type: 'value', name: labels.yAxis, axisLabel: { formatter: '{value}%' } },
    series: [
      { name: labels.before, type: 'bar', data: pct(h.before), itemStyle: { color: 'rgba(140,140,140,0.6)' }, barGap: '-100%' },
      { name: labels.after, type: 'bar', data: pct(h.after), itemStyle: { color: 'rgba(33,102,172,0.75)' } },
    ],
  };
}
