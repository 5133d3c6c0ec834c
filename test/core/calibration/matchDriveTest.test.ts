import { describe, expect, it } from 'vitest';
import { matchDriveTest } from '../../../core/calibration';
import { makeLocalProjection } from '../../../core/geo/localProjection';
import { gridForBoundsM } from '../../../core/grid';
import { makeSite, type Site } from '../../../core/model';

const proj = makeLocalProjection(106.7, 26.6);
const at = (x: number, y: number) => proj.inverse([x, y]);
const site = (id: string, name: string, x: number, y: number, pcis: number[]): Site => {
  const s = makeSite('macro', at(x, y), id, { name });
  return { ...s, sectors: s.sectors.map((sec, k) => ({ ...sec, azimuthDeg: 120 * k, pci: pcis[k] })) };
};
const sites = [site('S1', '城北站', 0, 0, [10, 11, 12]), site('S2', '城南站', 3000, 0, [13, 14, 15]), site('S9', '远站', 9000, 0, [10, 11, 12])];
const rec = (line: number, x: number, y: number, extra: { cellRef?: string; pci?: number }) => {
  const [lonDeg, latDeg] = at(x, y);
  return { file: 'dt.csv', line, lonDeg, latDeg, rsrpDbm: -90, ...extra };
};

describe('matchDriveTest', () => {
  it('matches by sector id, site id or name (the sector facing the sample), then by PCI and distance', () => {
    const { points, report } = matchDriveTest(
      [
        rec(2, 100, 300, { cellRef: 'S1/2' }),
        rec(3, 0, 500, { cellRef: 's1' }), // north: sector 1 (azimuth 0)
        rec(4, 400, -300, { cellRef: '城北站' }), // south-east: sector 2 (azimuth 120)
        rec(5, 3100, 200, { pci: 13 }),
        rec(6, 8800, 100, { pci: 11 }), // PCI 11 at S1 and S9: the nearer, S9
        rec(7, 3000, 100, { cellRef: 'S2_3', pci: 99 }),
      ],
      sites,
    );
    expect(points.map((p) => [p.record, p.how, sites[p.siteIndex].id, p.sectorIndex])).toEqual([
      [0, 'id', 'S1', 1], [1, 'id', 'S1', 0], [2, 'id', 'S1', 1], [3, 'pci', 'S2', 0], [4, 'pci', 'S9', 1], [5, 'id', 'S2', 2],
    ]);
    expect(report).toMatchObject({ records: 6, matched: 6, matchedById: 4, matchedByPci: 2, unmatched: 0 });
    expect(report.perSite).toEqual([{ siteId: 'S1', siteName: '城北站', points: 3 }, { siteId: 'S2', siteName: '城南站', points: 2 }, { siteId: 'S9', siteName: '远站', points: 1 }]);
  });

  it('says why the rest did not match: unknown id, no PCI nearby, outside the grid, beyond the range', () => {
    const grid = gridForBoundsM([-6000, -6000, 6000, 6000], 50, proj.proj4);
    const { points, report } = matchDriveTest(
      [
        rec(2, 0, 100, { cellRef: 'X9' }),
        rec(3, 0, 100, { pci: 500 }),
        rec(4, -4000, 0, { pci: 12 }), // S1's PCI 12, but within 5 km of S1 only: matched, beyond macro range? 4 km < 5 km
        rec(5, 0, 5900, { cellRef: 'S1', pci: 11 }), // 5.9 km from S1: beyond the 5 km macro range
        rec(6, 9000, 100, { cellRef: 'S9' }), // outside the grid
      ],
      sites,
      { grid, maxRangeM: { macro: 5000, micro: 1000, indoor: 200 } },
    );
    expect(points.map((p) => p.record)).toEqual([2]);
    expect(report.unmatchedReasons).toEqual(
      expect.arrayContaining([
        { reason: 'cell id not in the project (e.g. "X9")', count: 1, examples: ['dt.csv line 2'] },
        { reason: 'no sector with the PCI within 5000 m', count: 1, examples: ['dt.csv line 3'] },
        { reason: 'farther from its site than the macro range', count: 1, examples: ['dt.csv line 5'] },
        { reason: 'outside the project grid', count: 1, examples: ['dt.csv line 6'] },
      ]),
    );
    expect(report.unmatched).toBe(4);
  });
});
