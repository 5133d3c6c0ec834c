import * as echarts from 'echarts';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import { GUIZHOU_COUNTIES } from '../../geodata/counties';

/** One class of the legend: counties whose class is `value` are drawn in `color`. */
export interface ChoroplethClass {
  value: number;
  label: string;
  color: string;
}

const MAP_NAME = 'guizhou-counties';
let isRegistered = false;

/**
 * A self-contained SVG map of the province's 88 counties (no remote resources), each county filled with the
 * colour of its class in `classOf` (by GB/T 2260 code; a county not listed takes class -1, which `classes`
 * should name, e.g. "not computed"), a piecewise legend, a title with a subtitle and a note in the corner.
 * Rendered by echarts' server-side SVG renderer (`ssr: true`); boundaries from geodata/counties.
 * @example countyChoroplethSvg(new Map([['520526', 2]]), classes, { title: '县域', subtitle: '...', note: '...' })
 */
export function countyChoroplethSvg(
  classOf: ReadonlyMap<string, number>,
  classes: readonly ChoroplethClass[],
  options: { title: string; subtitle: string; note: string; widthPx?: number; heightPx?: number },
): string {
  if (!isRegistered) {
    const features: FeatureCollection<MultiPolygon, { name: string }> = {
      type: 'FeatureCollection',
      features: GUIZHOU_COUNTIES.map((c) => ({ type: 'Feature', properties: { name: c.code }, geometry: c.boundary })),
    };
    echarts.registerMap(MAP_NAME, features as unknown as Parameters<typeof echarts.registerMap>[1]);
    isRegistered = true;
  }
  const data = GUIZHOU_COUNTIES.map((c) => ({ name: c.code, value: classOf.get(c.code) ?? -1 }));
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: options.widthPx ?? 1000, height: options.heightPx ?? 900 });
  try {
    chart.setOption({
      animation: false,
      backgroundColor: '#ffffff',
      title: { text: options.title, subtext: options.subtitle, left: 'center' },
      graphic: [{ type: 'text', right: 10, bottom: 10, style: { text: options.note, fontSize: 10, fill: '#666' } }],
      visualMap: { type: 'piecewise', left: 20, bottom: 20, pieces: classes.map((c) => ({ value: c.value, label: c.label, color: c.color })) },
      series: [{ type: 'map', map: MAP_NAME, top: 80, bottom: 40, itemStyle: { borderColor: '#ffffff', borderWidth: 0.6 }, data }],
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
