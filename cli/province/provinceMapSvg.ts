import * as echarts from 'echarts';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import { DEFAULT_SCORING_SETTINGS, type KpiId } from '../../core/scoring';
import { COUNTY_DATA_SOURCES, GUIZHOU_COUNTIES } from '../../geodata/counties';
import { KPI_LABELS } from '../format/kpiLabels';
import type { CountyResult } from './types';

/** Status colours of the map legend (the app's traffic-light convention); n/a grey. */
const STATUS_COLOURS = { red: '#d7301f', amber: '#fdae61', green: '#1a9850' } as const;
const NA_COLOUR = '#d9d9d9';

/**
 * A self-contained SVG choropleth of the province (no remote resources): every county boundary from
 * geodata/counties, coloured by the status of `kpiId` against its target (red / amber / green; grey for n/a
 * or a county not scored), with a legend naming the thresholds, a title and the data source. Rendered by
 * echarts' server-side SVG renderer (echarts 5.3+ `ssr: true`), map projection as echarts draws GeoJSON.
 * @example writeFile('province.svg', provinceMapSvg(results, 'popCoverageOutdoor', { title: 'Guizhou 5G' }))
 */
export function provinceMapSvg(results: readonly CountyResult[], kpiId: KpiId, options: { title: string; widthPx?: number; heightPx?: number }): string {
  if (!(kpiId in DEFAULT_SCORING_SETTINGS.kpis)) throw new RangeError(`kpiId must be a KPI id, got ${kpiId}`);
  const mapName = 'guizhou-counties';
  const features: FeatureCollection<MultiPolygon, { name: string }> = {
    type: 'FeatureCollection',
    features: GUIZHOU_COUNTIES.map((c) => ({ type: 'Feature', properties: { name: c.code }, geometry: c.boundary })),
  };
  echarts.registerMap(mapName, features as unknown as Parameters<typeof echarts.registerMap>[1]);
  const byCode = new Map(results.map((r) => [r.code, r]));
  const classOf = { red: 0, amber: 1, green: 2 } as const;
  const target = DEFAULT_SCORING_SETTINGS.kpis[kpiId];
  const amberFrom = target.amberFrom ?? 0.9 * target.target;
  const fmt = (v: number) => (kpiId === 'sitesPer10k' || kpiId.startsWith('dl') ? String(+v.toFixed(1)) : `${+(v * 100).toFixed(1)} %`);
  const data = GUIZHOU_COUNTIES.map((c) => {
    const k = byCode.get(c.code)?.kpis.find((x) => x.id === kpiId);
    const status = k && k.value !== null && k.status !== 'none' ? k.status : null;
    return { name: c.code, value: status === null ? -1 : classOf[status] };
  });
  const scored = data.filter((d) => d.value >= 0).length;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: options.widthPx ?? 1000, height: options.heightPx ?? 900 });
  try {
    chart.setOption({
      animation: false,
      backgroundColor: '#ffffff',
      title: {
        text: options.title,
        subtext: `${KPI_LABELS[kpiId]}: value vs target ${fmt(target.target)}; ${scored} of ${GUIZHOU_COUNTIES.length} counties with a value. Predicted coverage, modelled unless measured.`,
        left: 'center',
      },
      graphic: [{ type: 'text', right: 10, bottom: 10, style: { text: `boundaries: ${COUNTY_DATA_SOURCES.boundary.split(',')[0]}`, fontSize: 10, fill: '#666' } }],
      visualMap: {
        type: 'piecewise',
        left: 20,
        bottom: 20,
        pieces: [
          { value: -1, label: 'n/a or not scored', color: NA_COLOUR },
          { value: 0, label: `red: below ${fmt(amberFrom)}`, color: STATUS_COLOURS.red },
          { value: 1, label: `amber: ${fmt(amberFrom)} to ${fmt(target.target)}`, color: STATUS_COLOURS.amber },
          { value: 2, label: `green: at or above ${fmt(target.target)}`, color: STATUS_COLOURS.green },
        ],
      },
      series: [{ type: 'map', map: mapName, top: 80, bottom: 40, itemStyle: { borderColor: '#ffffff', borderWidth: 0.6 }, data }],
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
