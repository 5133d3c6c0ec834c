import { DEFAULT_SCORING_SETTINGS, type KpiId } from '../../core/scoring';
import { COUNTY_DATA_SOURCES, GUIZHOU_COUNTIES } from '../../geodata/counties';
import { KPI_LABELS } from '../format/kpiLabels';
import { countyChoroplethSvg } from './countyChoroplethSvg';
import type { CountyResult } from './types';

/** Status colours of the map legend (the app's traffic-light convention); n/a grey. */
const STATUS_COLOURS = { red: '#d7301f', amber: '#fdae61', green: '#1a9850' } as const;
const NA_COLOUR = '#d9d9d9';

/**
 * A self-contained SVG choropleth of the province (countyChoroplethSvg): every county coloured by the status of
 * `kpiId` against its target (red / amber / green; grey for n/a or a county not scored), with a legend naming
 * the thresholds, a title and the data source.
 * @example writeFile('province.svg', provinceMapSvg(results, 'popCoverageOutdoor', { title: 'Guizhou 5G' }))
 */
export function provinceMapSvg(results: readonly CountyResult[], kpiId: KpiId, options: { title: string; widthPx?: number; heightPx?: number }): string {
  if (!(kpiId in DEFAULT_SCORING_SETTINGS.kpis)) throw new RangeError(`kpiId must be a KPI id, got ${kpiId}`);
  const classOf = { red: 0, amber: 1, green: 2 } as const;
  const target = DEFAULT_SCORING_SETTINGS.kpis[kpiId];
  const amberFrom = target.amberFrom ?? 0.9 * target.target;
  const fmt = (v: number) => (kpiId === 'sitesPer10k' || kpiId.startsWith('dl') ? String(+v.toFixed(1)) : `${+(v * 100).toFixed(1)} %`);
  const classes = new Map<string, number>();
  for (const r of results) {
    const k = r.kpis.find((x) => x.id === kpiId);
    if (k && k.value !== null && k.status !== 'none') classes.set(r.code, classOf[k.status]);
  }
  return countyChoroplethSvg(
    classes,
    [
      { value: -1, label: 'n/a or not scored', color: NA_COLOUR },
      { value: 0, label: `red: below ${fmt(amberFrom)}`, color: STATUS_COLOURS.red },
      { value: 1, label: `amber: ${fmt(amberFrom)} to ${fmt(target.target)}`, color: STATUS_COLOURS.amber },
      { value: 2, label: `green: at or above ${fmt(target.target)}`, color: STATUS_COLOURS.green },
    ],
    {
      title: options.title,
      subtitle: `${KPI_LABELS[kpiId]}: value vs target ${fmt(target.target)}; ${classes.size} of ${GUIZHOU_COUNTIES.length} counties with a value. Predicted coverage, modelled unless measured.`,
      note: `boundaries: ${COUNTY_DATA_SOURCES.boundary.split(',')[0]}`,
      widthPx: options.widthPx,
      heightPx: options.heightPx,
    },
  );
}
