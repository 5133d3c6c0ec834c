import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Kpi, PlaceScore, RankedGap } from '../../../core/scoring';
import { GapList } from '../../../renderer/components/GapList';
import { KpiDashboard } from '../../../renderer/components/KpiDashboard';
import { PlaceList } from '../../../renderer/components/PlaceList';
import { sortRows } from '../../../renderer/components/sortRows';
import { en } from '../../../renderer/i18n/en';
import { zh } from '../../../renderer/i18n/zh';

beforeAll(async () => {
  await i18next.use(initReactI18next).init({ resources: { zh: { translation: zh }, en: { translation: en } }, lng: 'en', interpolation: { escapeValue: false } });
});

const kpi = (over: Partial<Kpi>): Kpi => ({
  id: 'popCoverageOutdoor', value: 0.9, unit: 'share', target: 0.95, amberFrom: 0.855, status: 'amber',
  provenance: { cites: [{ source: 'nrSampleClasses' }], isEstimate: true }, isUnverified: false, isEstimate: true, isModelled: true, ...over,
});

const place = (over: Partial<PlaceScore>): PlaceScore => ({
  id: 'p', name: 'p', category: 'hospital', environment: 'indoor', coveredShare: 0.5, isMet: false, people: 10, peopleAffected: 5,
  keyPointCount: 0, keyPointsMet: 0, isDeepCovered: null, worstKeyPoint: null, isLine: false, ...over,
});

describe('score views', () => {
  it('shows each KPI with value, target, status word, delta, source on hover and modelled / unverified tags', () => {
    const html = renderToStaticMarkup(
      <KpiDashboard kpis={[kpi({ delta: 0.012 }), kpi({ id: 'sitesPer10k', unit: 'per10k', value: 15.68, target: 33, amberFrom: 12, status: 'amber', isModelled: false, isUnverified: true, isEstimate: false, provenance: { cites: [{ source: 'guizhouIctPlan14' }], isUnverified: true } })]} />,
    );
    expect(html).toContain('Population coverage (outdoor)');
    expect(html).toContain('90.0');
    expect(html).toContain('≥ 95.0');
    expect(html).toContain('+1.2');
    expect(html).toContain('status-amber');
    expect(html).toContain('title="Source: NR drive-test sample classes (SS-RSRP / SS-SINR) (C114 telecom forum) (web material, weak source) (est.)"');
    expect(html).toContain('Guizhou Information and Communication Industry 14th Five-Year Plan (Guizhou Communications Administration, 2021) (unverified)');
    expect(html.match(/tag modelled/g)).toHaveLength(1);
    expect(html.match(/tag estimate/g)).toHaveLength(1);
    expect(html.match(/tag unverified/g)).toHaveLength(1);
    expect(html).toContain('15.7');
    expect(html).toContain('≥ 33.0');
  });

  it('lists places worst covered first, with met status and key points', () => {
    const html = renderToStaticMarkup(
      <PlaceList places={[place({ id: 'a', name: 'A', coveredShare: 0.9 }), place({ id: 'b', name: 'B', coveredShare: 0.2, keyPointCount: 3, keyPointsMet: 2, isDeepCovered: false })]} onSelect={() => {}} />,
    );
    expect(html.indexOf('data-place-id="b"')).toBeLessThan(html.indexOf('data-place-id="a"'));
    expect(html).toContain('2/3');
    expect(html).toContain('no deep coverage');
    expect(html).toContain('0/2 met');
  });

  it('lists gaps by rank with area, people and fix', () => {
    const gap = (rank: number, fix: RankedGap['fix']): RankedGap => ({
      id: rank * 10, rank, cellCount: 4, areaM2: 2500, people: 12.4, weightedPeople: 62, urbanShare: 1, isIndoorOnly: fix === 'indoor', fix,
      centroidLonLat: [106.7, 26.6], bbox: [0, 0, 1, 1], placeIds: ['h'], noServiceCells: 0, regionId: rank * 10, regionAreaM2: 2500, pieceCount: 1, noServiceShare: 0,
    });
    const html = renderToStaticMarkup(<GapList gaps={[gap(2, 'macro'), gap(1, 'indoor'), gap(3, 'optimise')]} onSelect={() => {}} />);
    expect(html.indexOf('data-gap-id="10"')).toBeLessThan(html.indexOf('data-gap-id="20"'));
    expect(html).toContain('(km²)'); // the unit in the header, the numbers alone in the cells
    expect(html).toContain('<td class="num">0.003</td>');
    expect(html).toContain('Indoor');
    // an interference gap: optimise the cells there, with why on hover
    expect(html).toContain('<td title="Signal strong enough, SINR short: overlapping cells interfere; adjust azimuths, tilts or power (another site adds interference too)">Optimise</td>');
    expect(html).toContain('3 gaps');
  });

  it('sorts rows numerically or by collation, missing values last either way', () => {
    const rows = [{ v: 3 }, { v: NaN }, { v: 1 }, { v: 2 }];
    expect(sortRows(rows, (r) => r.v, 'asc', 'en').map((r) => r.v)).toEqual([1, 2, 3, NaN]);
    expect(sortRows(rows, (r) => r.v, 'desc', 'en').map((r) => r.v)).toEqual([3, 2, 1, NaN]);
    expect(sortRows([{ s: 'b' }, { s: 'a' }], (r) => r.s, 'asc', 'en').map((r) => r.s)).toEqual(['a', 'b']);
  });
});
