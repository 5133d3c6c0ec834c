import { describe, expect, it } from 'vitest';
import { DEFAULT_COST_TABLE } from '../../../core/costs';
import { makeLocalProjection } from '../../../core/geo/localProjection';
import { cellCentreXM, cellCentreYM, type GridSpec } from '../../../core/grid';
import { BAND_PRESETS, epreDbm, pathLossRmaDb, rsrpDbm } from '../../../core/radio';
import {
  coverageFromRsrpWindow,
  gapCentreCandidates,
  labelGaps,
  suggestSites,
  terrainHighPointCandidates,
  type GridWindow,
} from '../../../core/suggest';

// A 3 km x 3 km county at 25 m: the west third is covered today, people live in two eastern villages,
// a hill stands between them. Candidates come from the generators; their footprints from an omni RMa NLOS
// link budget (n78 preset), standing in for the radio engine's predictSiteFootprint.
const proj = makeLocalProjection(106.4, 27.8);
const grid: GridSpec = { cols: 120, rows: 120, originXM: -1500, originYM: 1500, cellSizeM: 25, crs: proj.proj4 };
const n = grid.cols * grid.rows;
const thresholdDbm = -105;

function village(col: number, row: number, peoplePerCell: number, radiusCells: number, into: Float32Array): void {
  for (let r = 0; r < grid.rows; r++) {
    for (let c = 0; c < grid.cols; c++) if ((c - col) ** 2 + (r - row) ** 2 <= radiusCells ** 2) into[r * grid.cols + c] += peoplePerCell;
  }
}

/** RSRP over a window of `rangeM` around a site at (xM, yM): omni, RMa NLOS at the site's height. */
function footprint(xM: number, yM: number, heightM: number, rangeM: number): { window: GridWindow; rsrp: Float32Array } {
  const band = BAND_PRESETS.n78;
  const epre = epreDbm(band.txPowerDbm, band.prbCount);
  const half = Math.ceil(rangeM / grid.cellSizeM);
  const col = Math.floor((xM - grid.originXM) / grid.cellSizeM);
  const row = Math.floor((grid.originYM - yM) / grid.cellSizeM);
  const window = { col0: col - half, row0: row - half, cols: 2 * half + 1, rows: 2 * half + 1 };
  const rsrp = new Float32Array(window.cols * window.rows);
  for (let r = 0; r < window.rows; r++) {
    for (let c = 0; c < window.cols; c++) {
      const dx = cellCentreXM(grid, window.col0 + c) - xM;
      const dy = cellCentreYM(grid, window.row0 + r) - yM;
      const d = Math.max(10, Math.hypot(dx, dy));
      rsrp[r * window.cols + c] = d > rangeM ? NaN : rsrpDbm(epre, band.antennaGainDbi, pathLossRmaDb(d, heightM, 1.5, band.freqMhz / 1000, false));
    }
  }
  return { window, rsrp };
}

describe('suggestion pipeline: gaps -> generated candidates -> footprints -> suggestSites', () => {
  it('proposes sites that cover the villages, each figure consistent with the footprints', async () => {
    const population = new Float32Array(n);
    village(80, 30, 4, 8, population);
    village(95, 95, 2, 10, population);
    const covered = new Uint8Array(n);
    const terrainM = new Float32Array(n).fill(900);
    for (let r = 0; r < grid.rows; r++) {
      for (let c = 0; c < grid.cols; c++) {
        if (c < 40) covered[r * grid.cols + c] = 1;
        terrainM[r * grid.cols + c] += 200 * Math.exp(-((c - 90) ** 2 + (r - 60) ** 2) / 200);
      }
    }
    const misses = covered.map((v) => 1 - v);
    const { gaps } = labelGaps(grid, misses, population);
    expect(gaps).toHaveLength(1);
    const generated = [
      ...gapCentreCandidates(grid, gaps, DEFAULT_COST_TABLE),
      ...terrainHighPointCandidates(grid, terrainM, gaps, DEFAULT_COST_TABLE, { maxPerGap: 1 }),
    ];
    expect(generated.map((g) => g.reason)).toEqual(['gap-centre', 'terrain-high-point']);
    const [hx, hy] = proj.forward([generated[1].site.lonDeg, generated[1].site.latDeg]);
    expect(Math.floor((hx - grid.originXM) / 25)).toBe(90);
    expect(Math.floor((grid.originYM - hy) / 25)).toBe(60);

    const candidates = generated.map(({ site }) => {
      const [x, y] = proj.forward([site.lonDeg, site.latDeg]);
      const { window, rsrp } = footprint(x, y, site.heightAglM, 2000);
      return coverageFromRsrpWindow(window, [rsrp], thresholdDbm, grid, covered, site.id, site.costCny!);
    });
    for (const c of candidates) {
      expect(c.cellIndices.length).toBeGreaterThan(0);
      expect(Array.from(c.cellIndices).every((cell) => !covered[cell])).toBe(true);
    }

    const r = await suggestSites({ grid, demand: population, population, candidates }, { maxSites: 1 });
    const best = candidates
      .map((c) => ({ id: c.candidateId, people: Array.from(c.cellIndices).reduce((s, cell) => s + population[cell], 0) }))
      .sort((a, b) => b.people - a.people)[0];
    expect(r.sites.map((s) => s.candidateId)).toEqual([best.id]);
    expect(r.sites[0].gainPeople).toBeCloseTo(best.people, 3);
    expect(r.exact?.status).toBe('optimal');
    expect(r.exact?.heuristicGapPct).toBeCloseTo(0, 9);
  });
});
