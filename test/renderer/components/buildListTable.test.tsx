import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildListRow } from '../../../core/buildList';
import { formatterFor } from '../../../core/text';
import { BuildListPanel } from '../../../renderer/components/BuildListPanel';
import { buildListSortKeys, buildListTotals, type BuildListColumn } from '../../../renderer/components/buildListTable';
import { sortRows } from '../../../renderer/components/sortRows';
import { en } from '../../../renderer/i18n/en';
import { zh } from '../../../renderer/i18n/zh';

beforeAll(async () => {
  await i18next.use(initReactI18next).init({ resources: { zh: { translation: zh }, en: { translation: en } }, lng: 'en', interpolation: { escapeValue: false } });
});

const row = (over: Partial<BuildListRow>): BuildListRow => ({
  kind: 'site', id: 'S1', name: 'S1', type: 'macro', buildMethod: 'shared-tower', lonDeg: 106.4, latDeg: 27.8, countyCode: '520382', heightAglM: 35,
  band: 'n78', azimuthsDeg: [0, 120, 240], mechanicalTiltsDeg: [2, 2, 2], electricalTiltsDeg: [4, 4, 4], placesServed: [], costWanCny: 25,
  isCostEstimated: true, priority: 1, status: 'planned', notes: '', ...over,
});

const rows: BuildListRow[] = [
  row({}),
  row({ id: 'S2', name: 'S2', type: 'micro', buildMethod: 'smart-pole', heightAglM: 10, azimuthsDeg: [0], costWanCny: 8.5, isCostEstimated: false, priority: 2, status: 'proposed', placesServed: ['医院', '学校'], newPeopleCovered: 1234, peopleLostToInterference: 41 }),
  row({ kind: 'fibre', id: 'F1', name: '', label: { kind: 'odnArea', index: 1 }, type: 'new_odn', buildMethod: 'new-build', heightAglM: undefined, band: undefined, azimuthsDeg: [], costWanCny: 40.25, priority: 3, status: 'proposed' }),
];

describe('build list table', () => {
  it('totals the rows: count, sites, fibre, cost and the estimated part of it (万元, 0.01)', () => {
    expect(buildListTotals(rows)).toEqual({ count: 3, sites: 2, fibre: 1, costWanCny: 73.75, estimatedCostWanCny: 65.25 });
    expect(buildListTotals([])).toEqual({ count: 0, sites: 0, fibre: 0, costWanCny: 0, estimatedCostWanCny: 0 });
  });

  it('sorts by each column, fibre rows (no sectors, height) last', () => {
    const keys = buildListSortKeys(formatterFor('en'));
    const ids = (column: BuildListColumn, dir: 'asc' | 'desc') => sortRows(rows, keys[column], dir, 'en').map((r) => r.id);
    expect(ids('cost', 'desc')).toEqual(['F1', 'S1', 'S2']);
    expect(ids('sectors', 'asc')).toEqual(['S2', 'S1', 'F1']);
    expect(ids('height', 'desc')).toEqual(['S1', 'S2', 'F1']);
    expect(ids('places', 'desc')).toEqual(['S2', 'S1', 'F1']);
    expect(ids('newPeople', 'asc')).toEqual(['S2', 'S1', 'F1']);
  });

  it('sorts names in the reader\'s words: a generated fibre name sorts as it reads', () => {
    expect(buildListSortKeys(formatterFor('zh')).name(rows[2])).toBe('ODN分区1');
    expect(buildListSortKeys(formatterFor('en')).name(rows[2])).toBe('ODN area 1');
  });

  it('shows rows, totals, estimate marks, interference losses and modelled labels in English', () => {
    const html = renderToStaticMarkup(<BuildListPanel rows={rows} selectedId="S2" siteCounts={{ total: 2, existing: 0 }} onSelect={() => undefined} onExport={() => undefined} />).replaceAll('<wbr/>', ''); // headers may break before a bracketed unit
    expect(html).toContain('3 items: 2 sites, 1 fibre');
    expect(html).toContain('Estimated investment 73.75 × 10k CNY');
    expect(html).toContain('65.25 × 10k CNY of it from the unit-cost table');
    expect(html.match(/class="estimate-mark"/g)).toHaveLength(2);
    expect(html).toContain('New people (modelled)');
    expect(html).toContain('Shared tower');
    expect(html).toContain('New ODN area');
    expect(html).toContain('ODN area 1');
    expect(html).toContain('1,234');
    expect(html).toContain('−41');
    expect(html).toContain('title="医院, 学校"');
    expect(html).toMatch(/<tr data-row-id="S2" data-kind="site" class="selected"/);
    expect(html).not.toContain('build-list-no-sites');
  });

  it('says so when the list is empty, and why when every site of the project is existing', () => {
    const html = renderToStaticMarkup(<BuildListPanel rows={[]} selectedId={null} siteCounts={{ total: 0, existing: 0 }} onSelect={() => undefined} onExport={() => undefined} />);
    expect(html).toContain('No planned or proposed sites');
    expect(html).not.toContain('<table');
    const existing = renderToStaticMarkup(<BuildListPanel rows={[]} selectedId={null} siteCounts={{ total: 87, existing: 87 }} onSelect={() => undefined} onExport={() => undefined} />);
    expect(existing).toContain('data-testid="build-list-no-sites"');
    expect(existing).toContain('All 87 sites of the project are existing sites');
  });
});
