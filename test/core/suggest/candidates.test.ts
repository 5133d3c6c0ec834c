import { describe, expect, it } from 'vitest';
import { DEFAULT_COST_TABLE } from '../../../core/costs';
import { makeLocalProjection } from '../../../core/geo/localProjection';
import type { GridSpec } from '../../../core/grid';
import { gapCentreCandidates, indoorCandidates, labelGaps, terrainHighPointCandidates } from '../../../core/suggest';

const proj = makeLocalProjection(106.7, 26.6);
// 8 x 6 cells of 100 m, centred on the projection origin.
const grid: GridSpec = { cols: 8, rows: 6, originXM: -400, originYM: 300, cellSizeM: 100, crs: proj.proj4 };

function mask(rows: string[]): Uint8Array {
  return Uint8Array.from(rows.join('').split(''), (ch) => (ch === '#' ? 1 : 0));
}

describe('labelGaps', () => {
  // Two gaps: an L on the left (8-connected through a diagonal) and a block on the right.
  const misses = mask([
    '##......',
    '#.......',
    '.#....##',
    '......##',
    '......##',
    '........',
  ]);
  const demand = new Float32Array(48).fill(1);
  demand[2 * 8 + 6] = 10; // heavy cell pulls the right gap's centroid

  it('finds 8-connected regions with area, demand and a demand-weighted centre, largest demand first', () => {
    const { labels, gaps } = labelGaps(grid, misses, demand);
    expect(gaps).toHaveLength(2);
    const [right, left] = gaps;
    expect(right).toMatchObject({ id: 0, cellCount: 6, demand: 15, col0: 6, row0: 2, col1: 7, row1: 4 });
    expect(right.areaKm2).toBeCloseTo(0.06, 12);
    expect(right.centroidCol).toBeCloseTo((10 * 6 + 7 + 6 + 7 + 6 + 7) / 15, 12);
    expect(right.centroidRow).toBeCloseTo((10 * 2 + 2 + 3 * 2 + 4 * 2) / 15, 12);
    expect(right.centreCell).toBe(2 * 8 + 6);
    expect(left).toMatchObject({ id: 1, cellCount: 4, demand: 4 });
    expect(labels[2 * 8 + 1]).toBe(1);
    expect(labels[0]).toBe(1);
    expect(labels[5]).toBe(-1);
    expect(labelGaps(grid, misses, demand, { minCells: 5 }).gaps).toHaveLength(1);
  });

  it('puts a macro at large gaps and a micro at small ones, priced and located', () => {
    const { gaps } = labelGaps(grid, misses, demand);
    const out = gapCentreCandidates(grid, gaps, DEFAULT_COST_TABLE, { macroMinAreaKm2: 0.05 });
    expect(out.map((c) => [c.site.kind, c.site.buildMethod, c.site.costCny, c.site.status])).toEqual([
      ['macro', 'new-tower', 450_000, 'proposed'],
      ['micro', 'smart-pole', 50_000, 'proposed'],
    ]);
    const [x, y] = proj.forward([out[0].site.lonDeg, out[0].site.latDeg]);
    expect(x).toBeCloseTo(-400 + 6.5 * 100, 3);
    expect(y).toBeCloseTo(300 - 2.5 * 100, 3);
    expect(out[0].site.source).toMatch(/gap 0/);
    expect(out[0].site.isCostEstimate).toBe(true);
  });

  it('finds terrain high points in and near a large gap, spaced apart', () => {
    const { gaps } = labelGaps(grid, misses, demand);
    const terrainM = new Float32Array(48).fill(1000);
    terrainM[1 * 8 + 5] = 1200; // one cell outside the right gap, within 200 m of it
    terrainM[5 * 8 + 7] = 1100;
    terrainM[5 * 8 + 6] = 1099; // shoulder of the 1100 m peak: not a separate top
    const out = terrainHighPointCandidates(grid, terrainM, gaps.slice(0, 1), DEFAULT_COST_TABLE, {
      minGapAreaKm2: 0.05,
      searchRadiusM: 200,
      peakRadiusM: 150,
      maxPerGap: 2,
    });
    const cells = out.map((c) => {
      const [x, y] = proj.forward([c.site.lonDeg, c.site.latDeg]);
      return Math.floor((300 - y) / 100) * 8 + Math.floor((x + 400) / 100);
    });
    expect(cells).toEqual([1 * 8 + 5, 5 * 8 + 7]);
    expect(out[0]).toMatchObject({ reason: 'terrain-high-point', gapId: 0 });
    expect(out[0].site.kind).toBe('macro');
    expect(() => terrainHighPointCandidates(grid, new Float32Array(3), gaps, DEFAULT_COST_TABLE)).toThrow(/terrainM/);
  });
});

describe('indoorCandidates', () => {
  it('prices an indoor system per m² of floor when known', () => {
    const out = indoorCandidates(
      [
        { placeId: 'H1', name: '县人民医院', lonDeg: 106.71, latDeg: 26.6, floorAreaM2: 12_000 },
        { placeId: 'S1', name: '一中', lonDeg: 106.72, latDeg: 26.61 },
      ],
      DEFAULT_COST_TABLE,
    );
    expect(out.map((c) => [c.site.id, c.site.kind, c.site.buildMethod, c.site.costCny, c.placeId])).toEqual([
      ['IN-H1', 'indoor', 'indoor-system', 480_000, 'H1'],
      ['IN-S1', 'indoor', 'indoor-system', 200_000, 'S1'],
    ]);
    expect(() => indoorCandidates([{ placeId: 'x', name: 'x', lonDeg: 0, latDeg: 0, floorAreaM2: -1 }], DEFAULT_COST_TABLE)).toThrow(/floorAreaM2/);
  });
});
