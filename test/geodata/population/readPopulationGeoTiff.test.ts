import { area, bboxPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { readPopulationGeoTiff } from '../../../geodata/population';
import { makeGeoTiff } from '../geoTiffFixture';

// 3 x 2 pixels of 0.01 deg from 106.4E, 27.9N: densities in persons/km2, one no-data.
const DENSITY = [100, 4096, 0, 250, -9999, 10];
const fixture = () => makeGeoTiff({ width: 3, height: 2, values: DENSITY, origin: [106.4, 27.9], pixelSize: [0.01, 0.01], epsg: 4326, nodata: -9999 });

describe('readPopulationGeoTiff', () => {
  it('turns densities (persons/km2) into persons per pixel by each pixel area', async () => {
    const r = await readPopulationGeoTiff(fixture(), 'gpw_popdensity.tif', { unit: 'persons-per-km2' });
    if (!r.ok) throw new Error(r.message);
    // turf's geodesic area of the first pixel, as an independent check (authalic sphere vs ellipsoid: < 0.5 %)
    const pixelKm2 = area(bboxPolygon([106.4, 27.89, 106.41, 27.9])) / 1e6;
    expect(pixelKm2).toBeGreaterThan(1.0);
    expect(r.value.values[0] / (100 * pixelKm2)).toBeCloseTo(1, 2);
    expect(r.value.values[1] / (4096 * pixelKm2)).toBeCloseTo(1, 2);
    expect(r.value.values[4]).toBeNaN();
  });

  it('keeps persons per pixel as they are', async () => {
    const r = await readPopulationGeoTiff(fixture(), 'worldpop_ppp.tif', { unit: 'persons-per-cell' });
    expect(r.ok && Array.from(r.value.values.subarray(0, 4))).toEqual([100, 4096, 0, 250]);
  });

  it('refuses a projected raster, negative counts and a missing unit', async () => {
    const utm = makeGeoTiff({ width: 2, height: 1, values: [5, 6], origin: [600000, 3100000], pixelSize: [100, 100], epsg: 32648, geographic: false });
    const r = await readPopulationGeoTiff(utm, 'pop_utm.tif', { unit: 'persons-per-cell' });
    expect(r).toMatchObject({ ok: false, code: 'unsupported-crs' });
    expect(!r.ok && r.message).toMatch(/^pop_utm\.tif: population rasters must be in geographic WGS-84/);
    const negative = makeGeoTiff({ width: 2, height: 1, values: [5, -6], origin: [106, 28], pixelSize: [0.01, 0.01], epsg: 4326 });
    expect(await readPopulationGeoTiff(negative, 'neg.tif', { unit: 'persons-per-cell' })).toMatchObject({ ok: false, code: 'bad-values' });
    await expect(readPopulationGeoTiff(fixture(), 'x.tif', { unit: 'people' as never })).rejects.toThrow(/options\.unit/);
  });
});
