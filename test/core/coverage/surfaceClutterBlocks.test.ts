import { describe, expect, it } from 'vitest';
import { makeCoverageContext, predictSiteFootprint, resolveSiteRadio, sweepTerrainLoss, windowAround } from '../../../core/coverage';
import { surfaceDiffersNear } from '../../../core/coverage/surfaceClutterBlocks';
import { cellCentreXM, cellCentreYM } from '../../../core/grid/gridSpec';
import { DEFAULT_RADIO_SETTINGS } from '../../../core/model/project';
import { LAND_USE } from '../../../core/propagation/landUse';
import { siteAt, terrainFrom, testGrid } from './helpers';

const grid = testGrid(8000);
const n = grid.cols * grid.rows;
const terrainM = terrainFrom(grid, (x, y) => 900 + 80 * Math.sin(x / 310) * Math.cos(y / 270) + 40 * Math.exp(-((x - 1500) ** 2 + (y + 900) ** 2) / 300 ** 2));
// rural (no clutter height) but for a town of 400 m radius in the north-west corner
const landUse = new Uint8Array(n).fill(LAND_USE.rural);
for (let r = 0; r < grid.rows; r++) {
  for (let c = 0; c < grid.cols; c++) {
    if (Math.hypot(cellCentreXM(grid, c) + 6000, cellCentreYM(grid, r) - 6000) < 400) landUse[r * grid.cols + c] = LAND_USE.urban;
  }
}
const ctx = makeCoverageContext(grid, DEFAULT_RADIO_SETTINGS, { terrainM, landUse });

describe('surfaceDiffersNear', () => {
  it('is true for windows reaching the town (the ring of cells around the window included) and false away from it', () => {
    const townCells: number[] = [];
    for (let i = 0; i < n; i++) if (landUse[i] === LAND_USE.urban) townCells.push(i);
    // the town's first cell, row-major: the west end of its northern row
    const townCol = townCells[0] % grid.cols;
    const townRow = Math.floor(townCells[0] / grid.cols);
    const townCol1 = Math.max(...townCells.map((i) => i % grid.cols));
    expect(surfaceDiffersNear(ctx, { col0: townCol, row0: townRow, cols: 1, rows: 1 })).toBe(true);
    // a window ending in the column before the town: the sweep samples the ring of cells around it too
    expect(surfaceDiffersNear(ctx, { col0: townCol - 5, row0: townRow, cols: 5, rows: 1 })).toBe(true);
    expect(surfaceDiffersNear(ctx, { col0: townCol1 + 40, row0: townRow + 40, cols: 20, rows: 20 })).toBe(false);
    expect(surfaceDiffersNear(ctx, { col0: grid.cols - 100, row0: grid.rows - 100, cols: 100, rows: 100 })).toBe(false);
    // no land use: no surface, nothing differs
    expect(surfaceDiffersNear(makeCoverageContext(grid, DEFAULT_RADIO_SETTINGS, { terrainM }), { col0: 0, row0: 0, cols: grid.cols, rows: grid.rows })).toBe(false);
  });

  it('where it is false, the sweep over the surface gives the terrain values exactly, so the prediction may leave the surface out', () => {
    const site = siteAt('macro', 'far', 3000, -3000, { heightAglM: 30 });
    const radio = resolveSiteRadio(ctx, site);
    const win = windowAround(grid, radio.col, radio.row, radio.maxRangeM);
    expect(surfaceDiffersNear(ctx, win)).toBe(false);
    const swept = sweepTerrainLoss(grid, terrainM, win, radio.col, radio.row, 30, 1.5, radio.freqMhz, { maxDistanceM: radio.maxRangeM + 25, surfaceM: ctx.surfaceM });
    expect(swept.diffractionDb.some((v) => v > 1)).toBe(true);
    expect(swept.surfaceDiffractionDb).toEqual(swept.diffractionDb);
    // a site whose window reaches the town keeps the surface: its clutter diffraction shows in the footprint
    const near = siteAt('macro', 'near', -3500, 3500, { heightAglM: 30 });
    const nearRadio = resolveSiteRadio(ctx, near);
    expect(surfaceDiffersNear(ctx, windowAround(grid, nearRadio.col, nearRadio.row, nearRadio.maxRangeM))).toBe(true);
    const withTown = predictSiteFootprint(ctx, near);
    const noSurface = predictSiteFootprint({ ...ctx, surfaceM: undefined }, near);
    expect(withTown.sectors.some((s, k) => s.rsrpCentiDbm.some((v, j) => v !== noSurface.sectors[k].rsrpCentiDbm[j]))).toBe(true);
  });
});
