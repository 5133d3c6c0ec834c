import { describe, expect, it } from 'vitest';
import { buildListRows, fibreUpgradesForBuildList } from '../../../core/buildList';
import type { FibreUpgradeRow } from '../../../core/ftth';
import { defaultProjectSettings, PROJECT_SCHEMA_VERSION, type Project } from '../../../core/model';

const upgrade: FibreUpgradeRow = {
  kind: 'fibre', name: 'OLT A: XGS-PON line cards', type: 'xgs_line_card', lonDeg: 106.4, latDeg: 27.8,
  householdsGained: 245.4, xgsPortsAdded: 2, costCny: 11_000, isCostEstimate: true, splitScheme: '1:4x1:16', notes: '2 ports x ¥5500 [EST]',
};

const project: Project = {
  schemaVersion: PROJECT_SCHEMA_VERSION, name: 't', countyCode: '520382',
  boundary: { type: 'MultiPolygon', coordinates: [] },
  grid: { cols: 1, rows: 1, originXM: 0, originYM: 25, cellSizeM: 25, crs: '+proj=tmerc +units=m' },
  settings: defaultProjectSettings(), sites: [], places: [], candidates: [], olts: [],
};

describe('fibreUpgradesForBuildList', () => {
  it('turns an FTTH upgrade into a build-list row with Chinese names, the cost in 万元 marked as an estimate, and the households in the notes', () => {
    const rows = buildListRows(project, { fibreUpgrades: fibreUpgradesForBuildList([upgrade]) });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'fibre', type: 'GPON升级XGS-PON (10G-PON板卡)', buildMethod: '板卡升级', costWanCny: 1.1, isCostEstimated: true, status: '建议' });
    expect(rows[0].notes).toContain('新增千兆覆盖 245 户');
    expect(rows[0].notes).toContain('分光 1:4x1:16');
  });
});
