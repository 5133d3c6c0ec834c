import { describe, expect, it } from 'vitest';
import { buildListRows, buildListWordId, fibreUpgradesForBuildList } from '../../../core/buildList';
import type { FibreUpgradeRow, FibreUpgradeType } from '../../../core/ftth';
import { defaultProjectSettings, makeSite, PROJECT_SCHEMA_VERSION, type BuildMethod, type Project, type SiteKind } from '../../../core/model';

describe('buildListWordId', () => {
  it('knows every type, build method and status buildListRows and fibreUpgradesForBuildList write', () => {
    const kinds: SiteKind[] = ['macro', 'micro', 'indoor'];
    const methods: BuildMethod[] = ['new-tower', 'shared-tower', 'smart-pole', 'rooftop', 'indoor-system'];
    const sites = kinds.flatMap((kind, k) =>
      methods.map((buildMethod, m) => ({ ...makeSite(kind, [106.4, 27.8], `S${k}${m}`, { status: m % 2 ? 'planned' : 'proposed' }), buildMethod })));
    const types: FibreUpgradeType[] = ['xgs_line_card', 'new_odn', 'new_olt'];
    const upgrades: FibreUpgradeRow[] = types.map((type) => ({
      kind: 'fibre', name: type, type, lonDeg: 106.4, latDeg: 27.8, householdsGained: 1, xgsPortsAdded: 0, costCny: 1, isCostEstimate: true, notes: '',
    }));
    const project: Project = {
      schemaVersion: PROJECT_SCHEMA_VERSION, name: 't', countyCode: '520382', boundary: { type: 'MultiPolygon', coordinates: [] },
      grid: { cols: 1, rows: 1, originXM: 0, originYM: 25, cellSizeM: 25, crs: '+proj=tmerc +units=m' },
      settings: defaultProjectSettings(), sites, places: [], candidates: [],
      olts: [{ id: 'O1', name: 'OLT', lonDeg: 106.4, latDeg: 27.8, gponPorts: 0, xgsPonPorts: 8, status: 'planned' }],
    };
    const rows = buildListRows(project, { fibreUpgrades: fibreUpgradesForBuildList(upgrades) });
    for (const r of rows) for (const word of [r.type, r.buildMethod, r.status]) expect(buildListWordId(word), word).toBeDefined();
    expect(buildListWordId('共享铁塔')).toBe('sharedTower');
    expect(buildListWordId('toString')).toBeUndefined();
  });
});
