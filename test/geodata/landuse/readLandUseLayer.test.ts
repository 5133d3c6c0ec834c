import { describe, expect, it } from 'vitest';
import { makeLocalProjection } from '../../../core/geo/localProjection';
import { gridForBoundsM } from '../../../core/grid';
import { LAND_USE } from '../../../core/propagation';
import { readLandUseLayer } from '../../../geodata/landuse';
import { makeGeoTiff } from '../geoTiffFixture';

// a 4 x 4 WorldCover-coded raster of 0.01° pixels over 106.70-106.74 E, 26.60-26.64 N
const proj = makeLocalProjection(106.72, 26.62);
const grid = gridForBoundsM([-1500, -1500, 1500, 1500], 500, proj.proj4);
// rows from the north: trees, cropland, built-up, water
const worldCover = makeGeoTiff({
  width: 4, height: 4, origin: [106.7, 26.64], pixelSize: [0.01, 0.01], epsg: 4326,
  values: [10, 10, 10, 10, 40, 40, 30, 20, 50, 50, 50, 50, 80, 80, 80, 255],
});

describe('readLandUseLayer', () => {
  it('maps a WorldCover raster to land-use classes by nearest pixel, built-up split by population', async () => {
    const population = new Float32Array(grid.cols * grid.rows).fill(0.25 * 2000); // 2,000 persons/km² (0.25 km² cells)
    const r = await readLandUseLayer(worldCover, 'ESA_WorldCover.tif', grid, { scheme: 'worldcover', populationPerCell: population });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.provenance).toBe('file');
    expect(r.value.source).toMatch(/^ESA_WorldCover\.tif \(worldcover classes, nearest to the 500 m grid; built-up split by population/);
    // the 6 x 6 grid of 500 m spans about 0.03° in both directions: its rows fall on raster rows 0-3
    const row = (k: number) => Array.from(r.value.values.subarray(k * grid.cols, (k + 1) * grid.cols));
    expect(row(0).every((v) => v === LAND_USE.forest)).toBe(true);
    expect(row(grid.rows - 1).some((v) => v === LAND_USE.water)).toBe(true);
    expect(r.value.values.some((v) => v === LAND_USE.urban)).toBe(true); // built-up at 2,000 persons/km²
    expect(r.value.values.some((v) => v === LAND_USE.open)).toBe(true);
    // without population, built-up is urban; code 255 is no class of the scheme: NaN (no clutter there)
    const plain = await readLandUseLayer(worldCover, 'wc.tif', grid, { scheme: 'worldcover' });
    expect(plain.ok && plain.value.source).toContain('built-up as urban');
  });

  it('refuses a raster with no code of the named scheme under the grid, naming the file', async () => {
    const r = await readLandUseLayer(worldCover, 'wc.tif', grid, { scheme: 'clcd' });
    expect(r).toMatchObject({ ok: false, code: 'bad-values', message: 'wc.tif: no pixel under the project grid holds a clcd land-cover code' });
    const elsewhere = makeGeoTiff({ width: 2, height: 2, origin: [110, 30], pixelSize: [0.01, 0.01], epsg: 4326, values: [10, 10, 10, 10] });
    expect(await readLandUseLayer(elsewhere, 'far.tif', grid, { scheme: 'worldcover' })).toMatchObject({ ok: false, code: 'bad-values' });
  });
});
